import { describe, expect, it } from 'vitest';
import { parseConfigFile } from '../../../../server/cli/config-file.js';
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
});
