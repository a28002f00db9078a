import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../../electron/security/external-url.js';

describe('isAllowedExternalUrl', () => {
  const allowed = ['https://id.example.com', 'http://127.0.0.1:4000'];

  it('allows https pages on the configured origins, and http on loopback', () => {
    expect(isAllowedExternalUrl('https://id.example.com/enroll', allowed)).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:4000/settings', allowed)).toBe(true);
  });

  it.each([
    'https://evil.example.com/enroll',
    'https://id.example.com.evil.example/enroll',
    'http://id.example.com/enroll',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user@id.example.com/',
    'http://127.0.0.1:4001/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, allowed)).toBe(false);
  });
});
