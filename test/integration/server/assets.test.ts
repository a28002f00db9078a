/**
 * The browser pages' static files under /assets/: what the static file server refuses (a folder, a NUL,
 * traversal in its many spellings, an unsatisfiable range, failed preconditions) answers its own 4xx in
 * plain text, and none of it is logged as a server error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { call, describeCall, type CallResult } from '../../support/http-client.js';
import { rawRequest } from '../../support/raw-http.js';
import { ASSET_SCRIPT, makeWebDir, NEVER_SERVED, type WebDir } from '../../support/web-dir.js';

describe('/assets/', () => {
  let server: TestServer;
  let webDir: WebDir;

  beforeAll(async () => {
    webDir = await makeWebDir();
    server = await startTestServer({ config: { webDir: webDir.path }, logs: true });
  });
  afterAll(async () => {
    await server.close();
    await webDir.remove();
  });

  const get = (path: string, headers: Readonly<Record<string, string>> = {}) => call('GET', `${server.url}${path}`, { headers });
  const refused = (res: CallResult, statuses: readonly number[]) => {
    expect(statuses, describeCall(res)).toContain(res.status);
    expect(res.headers['content-type'] ?? '', describeCall(res)).toMatch(/^text\/plain/);
    for (const text of NEVER_SERVED) expect(res.text).not.toContain(text);
    expect(res.text).not.toMatch(/\.ts:\d+|node_modules/);
  };

  it('serves a file (control)', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe(ASSET_SCRIPT);
  });

  it('a folder is refused with 403 or 404', async () => {
    for (const path of ['/assets/folder', '/assets/folder/', '/assets/', '/assets']) refused(await get(path), [403, 404]);
  });

  it('a NUL byte in the name is refused with 400, 403 or 404', async () => {
    for (const path of ['/assets/app.js%00', '/assets/%00', '/assets/app%00.js']) refused(await get(path), [400, 403, 404]);
  });

  it('traversal in its spellings is refused, and nothing outside the folder is sent', async () => {
    const paths = ['/assets/../secret.txt', '/assets/..%2fsecret.txt', '/assets/%2e%2e/secret.txt', '/assets/%2e%2e%2fsecret.txt', '/assets/folder/..%2f..%2fsecret.txt', '/assets/..\\secret.txt', '/assets/.hidden', '/assets/%2ehidden'];
    for (const path of paths) refused(await get(path), [400, 403, 404]);
    // Also as sent byte for byte, without a client that tidies the path first.
    const raw = await rawRequest(server.url, `GET /assets/../secret.txt HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nConnection: close\r\n\r\n`);
    expect([400, 403, 404]).toContain(raw.status);
    expect(raw.text).not.toContain(NEVER_SERVED[0]);
  });

  it('an unsatisfiable Range is 416', async () => {
    refused(await get('/assets/app.js', { range: 'bytes=100000-' }), [416]);
  });

  it('a failed If-Match or If-Unmodified-Since precondition is 412', async () => {
    refused(await get('/assets/app.js', { 'if-match': '"not-the-etag"' }), [412]);
    refused(await get('/assets/app.js', { 'if-unmodified-since': 'Mon, 01 Jan 1990 00:00:00 GMT' }), [412]);
  });

  it('logs none of these refusals as a server error', () => {
    const errors = server.logs.filter((line) => Number(line['level']) >= 50);
    expect(errors).toEqual([]);
    // The log itself was on: the refusals are there as ordinary requests.
    expect(server.logs.length).toBeGreaterThan(10);
  });
});
