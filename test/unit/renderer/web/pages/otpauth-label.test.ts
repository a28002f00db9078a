import { describe, expect, it } from 'vitest';
import { appAccount } from '../../../../../renderer/web/pages/otpauth-label.js';

describe('appAccount', () => {
  it('names the account as authenticator apps list it, from the URI the QR code holds', () => {
    expect(appAccount('otpauth://totp/Stepgate:gina?secret=JBSWY3DPEHPK3PXP&issuer=Stepgate&algorithm=SHA1&digits=6&period=30')).toEqual({
      issuer: 'Stepgate',
      account: 'gina',
      label: 'Stepgate (gina)',
    });
    expect(appAccount('otpauth://totp/Acme%20Corp:ada%40acme.example?secret=X&issuer=Acme%20Corp')?.label).toBe('Acme Corp (ada@acme.example)');
  });

  it('prefers the issuer parameter, and copes without one', () => {
    expect(appAccount('otpauth://totp/Old:gina?secret=X&issuer=New')?.label).toBe('New (gina)');
    expect(appAccount('otpauth://totp/gina?secret=X')).toEqual({ issuer: null, account: 'gina', label: 'gina' });
  });

  it('gives nothing for what is not an otpauth URI', () => {
    expect(appAccount('https://example.com/gina')).toBeNull();
    expect(appAccount('not a uri')).toBeNull();
    expect(appAccount('otpauth://totp/?secret=X')).toBeNull();
  });
});
