/** What the preview says about proxies: what the environment selects, never its credentials. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environmentProxy, fetchUsesEnvironmentProxy, withoutCredentials } from '../../../../electron/diagnostics/environment-proxy.js';

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy', 'NODE_USE_ENV_PROXY'];

function environment(values: Record<string, string>): void {
  for (const name of PROXY_VARIABLES) vi.stubEnv(name, values[name] ?? '');
}

afterEach(() => vi.unstubAllEnvs());

describe('environmentProxy', () => {
  it('is direct when no proxy variable is set', () => {
    environment({});
    expect(environmentProxy('https://id.example.com')).toEqual({ kind: 'direct', unusedEnvironmentProxy: null });
  });

  it('names the proxy HTTPS_PROXY selects, without its user name and password', () => {
    environment({ HTTPS_PROXY: 'http://alice:s3cret-Pa55@proxy.example.com:3128' });
    const report = environmentProxy('https://id.example.com', '20.19.0');
    expect(report).toEqual({ kind: 'direct', unusedEnvironmentProxy: 'http://proxy.example.com:3128' });
    expect(JSON.stringify(report)).not.toMatch(/alice|s3cret/);
  });

  it('honours NO_PROXY', () => {
    environment({ HTTPS_PROXY: 'http://proxy.example.com:3128', NO_PROXY: '.example.com' });
    expect(environmentProxy('https://id.example.com')).toEqual({ kind: 'direct', unusedEnvironmentProxy: null });
  });

  it('says the environment applies only where Node follows it', () => {
    environment({ HTTPS_PROXY: 'http://proxy.example.com:3128', NODE_USE_ENV_PROXY: '1' });
    expect(environmentProxy('https://id.example.com', '24.5.0')).toEqual({ kind: 'environment', proxy: 'http://proxy.example.com:3128' });
    expect(environmentProxy('https://id.example.com', '20.19.0')).toEqual({ kind: 'direct', unusedEnvironmentProxy: 'http://proxy.example.com:3128' });
  });
});

describe('fetchUsesEnvironmentProxy', () => {
  it('needs NODE_USE_ENV_PROXY=1 on Node 22.21+ or 24.5+', () => {
    const on = { NODE_USE_ENV_PROXY: '1' };
    expect(fetchUsesEnvironmentProxy('20.19.2', on)).toBe(false);
    expect(fetchUsesEnvironmentProxy('22.20.0', on)).toBe(false);
    expect(fetchUsesEnvironmentProxy('22.21.0', on)).toBe(true);
    expect(fetchUsesEnvironmentProxy('24.4.1', on)).toBe(false);
    expect(fetchUsesEnvironmentProxy('24.5.0', on)).toBe(true);
    expect(fetchUsesEnvironmentProxy('25.0.0', on)).toBe(true);
    expect(fetchUsesEnvironmentProxy('25.0.0', {})).toBe(false);
  });
});

describe('withoutCredentials', () => {
  it('keeps scheme, host and port and drops what is not an address', () => {
    expect(withoutCredentials('socks5://bob:pw@10.0.0.1:1080')).toBe('socks5://10.0.0.1:1080');
    expect(withoutCredentials('proxy.example.com:3128 with:secret')).toBe('(not a valid address)');
    expect(withoutCredentials('alice:secret@proxy.example.com:3128')).toBe('(not a valid address)');
  });
});
