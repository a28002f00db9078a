import { describe, expect, it } from 'vitest';
import { databaseUrl, parseBoolean, parseCommandLine, UsageError } from '../../../../server/cli/args.js';

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
    [['serve', '--database', 'mysql://db/stepgate'], /--database must be a postgres:\/\/ URL/],
    [['serve', '--database', 'stepgate'], /--database must be a URL/],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('reads the proxies --trust-proxy names: addresses, CIDR ranges and the named ranges', () => {
    expect(parseCommandLine(['serve', '--trust-proxy', '10.0.0.5']).overrides).toEqual({ trustProxy: ['10.0.0.5'] });
    expect(parseCommandLine(['serve', '--trust-proxy', '10.0.0.5, 10.0.1.0/24,fd00::/8,uniquelocal']).overrides).toEqual({
      trustProxy: ['10.0.0.5', '10.0.1.0/24', 'fd00::/8', 'uniquelocal'],
    });
    expect(parseCommandLine(['serve', '--trust-proxy=::1']).overrides).toEqual({ trustProxy: ['::1'] });
  });

  it.each([
    [['serve', '--trust-proxy'], /--trust-proxy needs the addresses of the proxies/],
    [['serve', '--trust-proxy', '--public-url', 'https://sg.example.com'], /--trust-proxy needs the addresses of the proxies/],
    [['serve', '--trust-proxy', '1'], /--trust-proxy: "1" is a count of proxies/],
    [['serve', '--trust-proxy', '10.0.0.5,proxy.example.org'], /--trust-proxy: "proxy.example.org" is not an IP address/],
    [['serve', '--trust-proxy', '10.0.0.0/33'], /--trust-proxy: "10.0.0.0\/33" is not an IP address/],
    [['serve', '--trust-proxy', '10.0.0.5,'], /--trust-proxy: "" is not an IP address/],
  ])('refuses the proxies in %j, naming the entry, rather than trusting any X-Forwarded-For', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('takes a PostgreSQL URL from --database, and names the variable when it comes from there', () => {
    expect(parseCommandLine(['serve', '--database', 'postgres://sg:pw@db:5432/stepgate']).database).toBe('postgres://sg:pw@db:5432/stepgate');
    expect(parseCommandLine(['serve', '--database', 'postgresql://db/stepgate']).database).toBe('postgresql://db/stepgate');
    expect(parseCommandLine(['serve']).database).toBeUndefined();
    expect(databaseUrl('', '$STEPGATE_DATABASE_URL')).toBeUndefined();
    expect(() => databaseUrl('sqlite:///tmp/x', '$STEPGATE_DATABASE_URL')).toThrow(/^\$STEPGATE_DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('never repeats a password given in a refused URL', () => {
    expect(() => parseCommandLine(['serve', '--database', 'mysql://sg:hunter22@db/x'])).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter22') }));
  });

  it('takes only true or false for switches', () => {
    expect(parseBoolean('true', 's')).toBe(true);
    expect(parseBoolean('false', 's')).toBe(false);
    expect(() => parseBoolean('yes', 'totp-enabled')).toThrow(/totp-enabled must be true or false/);
  });
});
