import { describe, expect, it } from 'vitest';
import { appResponse, type ReadAppFile } from '../../../../electron/app/app-response.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/security/content-security-policy.js';

const ROOT = '/opt/Stepgate/resources/app.asar/dist/renderer';
const files: Readonly<Record<string, string>> = {
  [`${ROOT}/index.html`]: '<!doctype html><title>Stepgate</title>',
  [`${ROOT}/code.html`]: '<!doctype html><title>Code</title>',
  [`${ROOT}/assets/main-abc123.js`]: 'console.log(1)',
  [`${ROOT}/assets/notes.txt`]: 'not a renderer file',
  '/opt/Stepgate/resources/app.asar/package.json': '{}',
};
const reads: string[] = [];
const readFile: ReadAppFile = async (path) => {
  reads.push(path);
  const text = files[path];
  return text === undefined ? null : new TextEncoder().encode(text);
};
const get = (url: string, method = 'GET') => appResponse(ROOT, { url, method }, readFile);
const bodyText = (body: Uint8Array | string | null) => (body instanceof Uint8Array ? new TextDecoder().decode(body) : body);

describe('appResponse', () => {
  it('serves a page with its type and the page security headers', async () => {
    const answer = await get('app://stepgate/code.html');
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
    expect(bodyText(answer.body)).toContain('<title>Code</title>');
  });

  it('serves index.html for the bare origin, and scripts as JavaScript', async () => {
    expect(bodyText((await get('app://stepgate/')).body)).toContain('<title>Stepgate</title>');
    expect((await get('app://stepgate/assets/main-abc123.js')).headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file instead of failing', async () => {
    const answer = await get('app://stepgate/assets/gone-000.js');
    expect(answer.status).toBe(404);
    expect(answer.body).toBe('Not found');
  });

  it('answers 404, without reading, for anything outside the renderer or of a type it does not build', async () => {
    reads.length = 0;
    for (const url of [
      'app://stepgate/../package.json',
      'app://stepgate/%2e%2e/package.json',
      'app://stepgate/assets/..%2f..%2fpackage.json',
      'app://stepgate/assets/notes.txt',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://stepgate/%E0%A4%A',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect(reads).toEqual([]);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://stepgate/index.html', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: null });
    expect((await get('app://stepgate/index.html', 'POST')).status).toBe(405);
  });
});
