import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseServerAddress } from '../../../../electron/config/server-address.js';

describe('parseServerAddress', () => {
  it.each([
    ['https://id.example.com', 'https://id.example.com'],
    ['https://id.example.com/', 'https://id.example.com'],
    ['  id.example.com  ', 'https://id.example.com'],
    ['https://ID.example.com:8443/sso/', 'https://id.example.com:8443/sso'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://localhost:4000', 'http://localhost:4000'],
    ['http://[::1]:4000', 'http://[::1]:4000'],
  ])('accepts %j as %j', (raw, url) => {
    expect(parseServerAddress(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['http://id.example.com', 'notHttps'],
    ['http://10.0.0.1', 'notHttps'],
    ['ftp://id.example.com', 'notHttps'],
    ['https://user:pw@id.example.com', 'malformed'],
    ['https://id.example.com/?x=1', 'malformed'],
    ['https://exa mple.com', 'malformed'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(parseServerAddress(raw)).toEqual({ ok: false, reason });
  });

  it('knows loopback', () => {
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('app.localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });
});
