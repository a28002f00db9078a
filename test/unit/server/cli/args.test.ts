import { describe, expect, it } from 'vitest';
import { parseBoolean, parseCommandLine, UsageError } from '../../../../server/cli/args.js';

describe('operator command line', () => {
  it('reads serve options into configuration overrides', () => {
    const parsed = parseCommandLine(['serve', '--host', '0.0.0.0', '--port', '4100', '--data', '/srv/sg', '--totp-window', '2', '--public-url', 'https://sg.example.com/x']);
    expect(parsed.positionals).toEqual(['serve']);
    expect(parsed.dataDir).toBe('/srv/sg');
    expect(parsed.overrides).toEqual({ host: '0.0.0.0', port: 4100, totp: { window: 2 }, publicUrl: 'https://sg.example.com' });
  });

  it('reads user flags', () => {
    const parsed = parseCommandLine(['user', 'create', 'jane', '--admin', '--totp-required']);
    expect(parsed).toMatchObject({ positionals: ['user', 'create', 'jane'], admin: true, totpRequired: true });
  });

  it.each([
    [['serve', '--port', '70000'], /--port/],
    [['serve', '--port', 'abc'], /--port/],
    [['serve', '--totp-window', '3'], /--totp-window/],
    [['serve', '--public-url', 'ftp://x'], /--public-url/],
    [['serve', '--unknown'], /unknown/i],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('takes only true or false for switches', () => {
    expect(parseBoolean('true', 's')).toBe(true);
    expect(parseBoolean('false', 's')).toBe(false);
    expect(() => parseBoolean('yes', 'totp-enabled')).toThrow(/totp-enabled must be true or false/);
  });
});
