/**
 * The style hash in both Content Security Policies admits exactly what input-otp inserts: one
 * empty <style> element, whose rules it then adds through the CSSOM. Checked against the
 * library's own code, so an update that starts writing the element's text fails here (and in
 * the end-to-end specs, which fail on any CSP report).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/security/content-security-policy.js';
import { pageCsp } from '../../../../server/pages/page-csp.js';
import { INPUT_OTP_STYLE_HASH } from '../../../../shared/security/input-otp-style.js';

describe('the input-otp style hash', () => {
  it('is the hash of an empty style element', () => {
    expect(INPUT_OTP_STYLE_HASH).toBe(`sha256-${createHash('sha256').update('').digest('base64')}`);
  });

  it('matches what input-otp inserts: an empty element filled through insertRule', () => {
    const require = createRequire(import.meta.url);
    const source = readFileSync(join(dirname(require.resolve('input-otp')), 'index.mjs'), 'utf8');
    expect(source).toContain('input-otp-style');
    expect(source).toMatch(/createElement\("style"\)/);
    expect(source).toContain('insertRule');
    expect(source).not.toMatch(/\.(textContent|innerHTML|innerText)\s*=/);
  });

  it('is the only thing either policy adds to self for styles', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, pageCsp(true)]) {
      const styleSrc = policy.split('; ').find((d) => d.startsWith('style-src'));
      expect(styleSrc).toBe(`style-src 'self' '${INPUT_OTP_STYLE_HASH}'`);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-hashes|nonce-/);
    }
  });
});
