import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppPath } from '../../../../electron/app/app-path.js';

describe('resolveAppPath', () => {
  const root = '/opt/Stepgate/resources/app/dist/renderer';

  it('serves the renderer’s files', () => {
    expect(resolveAppPath(root, 'app://stepgate/')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://stepgate/code.html')).toBe(`${root}/code.html`);
    expect(resolveAppPath(root, 'app://stepgate/assets/main-abc.js?x=1')).toBe(`${root}/assets/main-abc.js`);
  });

  it('keeps dot segments inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://stepgate/../../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(resolveAppPath(root, 'app://stepgate/%2e%2e/%2e%2e/secret')).toBe(`${root}/secret`);
  });

  it.each([
    'app://stepgate/assets/..%2f..%2f..%2fsecret',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://stepgate/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('knows the app’s own pages, whatever Node thinks of custom-scheme origins', () => {
    expect(isAppUrl('app://stepgate/index.html?window=login')).toBe(true);
    expect(isAppUrl('app://stepgate.evil.example/')).toBe(false);
    expect(isAppUrl('https://stepgate/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
});
