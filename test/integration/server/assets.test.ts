/**
 * The browser pages' static files under /assets/: what the static file server refuses (a folder, a NUL,
 * traversal in its many spellings, an unsatisfiable range, failed preconditions) answers its own 4xx in
 * plain text, and none of it is logged as a server error.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { call, describeCall, type CallResult } from '../../support/http-client.js';
import { rawRequest } from '../../support/raw-http.js';

const SCRIPT = 'console.log("stepgate");\n';

describe('/assets/', () => {
  let server: TestServer;
  let webDir: string;

  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'stepgate-web-'));
    await mkdir(join(webDir, 'assets', 'folder'), { recursive: true });
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Stepgate</title>');
    await writeFile(join(webDir, 'assets', 'app.js'), SCRIPT);
    await writeFile(join(webDir, 'assets', 'folder', 'inner.js'), SCRIPT);
    await writeFile(join(webDir, 'assets', '.hidden'), 'not for you');
    await writeFile(join(webDir, 'secret.txt'), 'outside the assets folder');
    server = await startTestServer({ config: { webDir }, logs: true });
  });
  afterAll(async () => {
    await server.close();
    await rm(webDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Readonly<Record<string, string>> = {}) => call('GET', `${server.url}${path}`, { headers });
  const refused = (res: CallResult, statuses: readonly number[]) => {
    expect(statuses, describeCall(res)).toContain(res.status);
    expect(res.headers['content-type'] ?? '', describeCall(res)).toMatch(/^text\/plain/);
    expect(res.text).not.toMatch(/outside the assets|not for you|\.ts:\d+|node_modules/);
  };

  it('serves a file (control)', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe(SCRIPT);
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
    expect(raw.text).not.toContain('outside the assets');
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
