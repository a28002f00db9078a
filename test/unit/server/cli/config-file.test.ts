import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigFile, readConfigFile } from '../../../../server/cli/config-file.js';
import { makeConfig } from '../../../../server/config.js';

describe('server settings file', () => {
  it('applies what it names and keeps the defaults for the rest', () => {
    const overrides = parseConfigFile(
      JSON.stringify({ totp: { window: 0 }, throttle: { account: { lockAfterFailures: 5 }, authRequestsPerMinute: 1000 } }),
      'stepgate.json',
    );
    const config = makeConfig('/data', overrides);
    expect(config.totp.window).toBe(0);
    expect(config.throttle.account).toEqual({ lockAfterFailures: 5, baseLockSeconds: 60, maxLockSeconds: 3600, maxFailuresPerHour: 100 });
    expect(config.throttle.authRequestsPerMinute).toBe(1000);
    expect(config.challenge).toEqual({ ttlSeconds: 300, maxAttempts: 5 });
  });

  it('names every unusable setting by its path and applies none of them', () => {
    const attempt = () =>
      parseConfigFile(JSON.stringify({ totp: { window: 3 }, throttle: { account: { lockAfter: 2 } }, colour: 'blue' }), 'stepgate.json');
    expect(attempt).toThrow(/stepgate\.json has settings that cannot be used/);
    expect(attempt).toThrow(/totp\.window: must be <= 2/);
    expect(attempt).toThrow(/throttle\.account\.lockAfter: unknown setting/);
    expect(attempt).toThrow(/colour: unknown setting/);
    // OWASP's ceiling cannot be raised.
    expect(() => parseConfigFile('{"throttle":{"account":{"maxFailuresPerHour":500}}}', 'f')).toThrow(/throttle\.account\.maxFailuresPerHour: must be <= 100/);
  });

  it('keeps the contract’s limits: a challenge lives at most five minutes', () => {
    expect(() => parseConfigFile('{"challenge":{"ttlSeconds":600}}', 'f')).toThrow(/challenge\.ttlSeconds/);
  });

  it('says when the file is not JSON', () => {
    expect(() => parseConfigFile('{ window: 1', 'stepgate.json')).toThrow(/stepgate\.json is not valid JSON/);
  });

  describe('identity providers', () => {
    const entry = {
      id: 'entra',
      displayName: 'Contoso',
      issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
      clientId: '11111111-1111-1111-1111-111111111111',
      clientSecretFile: 'entra.secret',
    };
    const parse = (providers: unknown[]) => () => parseConfigFile(JSON.stringify({ sso: { providers } }), 'stepgate.json');

    it('takes a provider with a secret file, and one with a private key', () => {
      const config = makeConfig('/data', parse([entry, { ...entry, id: 'okta', clientSecretFile: undefined, privateKeyFile: 'okta.pem', keyId: 'k1' }])());
      expect(config.sso.providers.map((p) => p.id)).toEqual(['entra', 'okta']);
    });

    it.each([
      [{ ...entry, issuer: 'http://idp.example.com' }, /sso\.providers\.0\.issuer: must be an https URL/],
      [{ ...entry, issuer: 'https://user:pw@idp.example.com' }, /sso\.providers\.0\.issuer: must not contain a user name/],
      [{ ...entry, clientSecretFile: undefined }, /sso\.providers\.0: needs exactly one of clientSecretFile or privateKeyFile/],
      [{ ...entry, privateKeyFile: 'k.pem' }, /needs exactly one of clientSecretFile or privateKeyFile/],
      [{ ...entry, clientAuth: 'private_key_jwt' }, /private_key_jwt needs privateKeyFile/],
      [{ ...entry, scopes: ['profile', 'email'] }, /sso\.providers\.0\.scopes: must include openid/],
      [{ ...entry, clientSecret: 'inline' }, /sso\.providers\.0\.clientSecret: unknown setting/],
      [{ ...entry, id: 'Entra ID' }, /sso\.providers\.0\.id/],
      [{ ...entry, unknownUsers: 'sometimes' }, /sso\.providers\.0\.unknownUsers/],
    ])('refuses a provider that cannot be used (%#)', (bad, message) => {
      expect(parse([bad])).toThrow(message);
    });

    it('refuses two providers with one id', () => {
      expect(parse([entry, { ...entry, displayName: 'Again' }])).toThrow(/sso\.providers\.1\.id: "entra" is used by an earlier provider/);
    });

    it('finds secret and key files beside the settings file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'stepgate-config-'));
      try {
        const file = join(dir, 'stepgate.json');
        writeFileSync(file, JSON.stringify({ sso: { providers: [entry, { ...entry, id: 'abs', clientSecretFile: '/etc/stepgate/abs.secret' }] } }));
        const providers = readConfigFile(file).sso?.providers ?? [];
        expect(providers.map((p) => p.clientSecretFile)).toEqual([join(dir, 'entra.secret'), '/etc/stepgate/abs.secret']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
