/**
 * The loopback listener a browser sign-in comes back to, over real sockets: it answers only its own
 * path on 127.0.0.1:PORT with our state, keeps waiting through everything else, takes one return and
 * then stops listening.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RETURN_PATH, startLoopbackListener, type LoopbackListener } from '../../../../electron/sso/loopback-listener.js';
import { newBrowserSignInSecrets } from '../../../../electron/sso/pkce.js';
import { en } from '../../../../shared/messages/en.js';
import { fi } from '../../../../shared/messages/fi.js';
import { rawRequest, type RawAnswer } from '../../../support/raw-http.js';

const words = { lang: 'en', title: en.windowTitle.signIn, ...en.browserReturnPage };
const open: LoopbackListener[] = [];

async function listen(options: { readonly timeoutMs?: number; readonly words?: typeof words } = {}) {
  const { state } = newBrowserSignInSecrets();
  const listener = await startLoopbackListener({ state, timeoutMs: options.timeoutMs ?? 60_000, words: options.words ?? words });
  open.push(listener);
  const url = new URL(listener.redirectUri);
  return { listener, state, origin: url.origin, host: url.host };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

/** One request as the browser (or anyone else) sends it; `host` is the Host header as given. */
function get(origin: string, target: string, host: string, method = 'GET'): Promise<RawAnswer> {
  return rawRequest(origin, `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
}

const PENDING = Symbol('pending');
const stillWaiting = (listener: LoopbackListener) => Promise.race([listener.outcome, Promise.resolve(PENDING)]).then((v) => v === PENDING);

describe('the loopback listener', () => {
  it('listens on 127.0.0.1, on a port the system chose just now, at a path of plain segments', async () => {
    const a = await listen();
    const b = await listen();
    expect(a.listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stepgate\/sso$/);
    expect(Number(new URL(a.listener.redirectUri).port)).toBeGreaterThanOrEqual(1024);
    expect(b.listener.redirectUri).not.toBe(a.listener.redirectUri);
  });

  it('takes the browser’s return with our state and a result code, says the tab can be closed, and stops listening', async () => {
    const { listener, state, origin, host } = await listen();
    const answer = await get(origin, `${RETURN_PATH}?code=ssr_abc-123_x&state=${state}`, host);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(en.browserReturnPage.done);
    expect(answer.body).toContain('<html lang="en">');
    expect(answer.body).not.toMatch(/<script|ssr_abc/);
    expect(answer.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    await expect(listener.outcome).resolves.toEqual({ kind: 'code', code: 'ssr_abc-123_x' });
    // One request only: the port is closed once the answer is out.
    await expect(get(origin, `${RETURN_PATH}?code=ssr_again&state=${state}`, host)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('takes an ended sign-in with its code and reason, and says so in the app’s language', async () => {
    const { listener, state, origin, host } = await listen({ words: { lang: 'fi', title: fi.windowTitle.signIn, ...fi.browserReturnPage } });
    const answer = await get(origin, `${RETURN_PATH}?error=sso_cancelled&reason=access_denied&state=${state}`, host);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<html lang="fi">');
    expect(Buffer.from(answer.body, 'latin1').toString('utf8')).toContain(fi.browserReturnPage.failed);
    await expect(listener.outcome).resolves.toEqual({ kind: 'error', code: 'sso_cancelled', reason: 'access_denied' });
  });

  it('keeps an error code it does not know as unknown, and a return with neither result nor error as malformed', async () => {
    const first = await listen();
    await get(first.origin, `${RETURN_PATH}?error=sso_new_kind&state=${first.state}`, first.host);
    await expect(first.listener.outcome).resolves.toEqual({ kind: 'error', code: null, reason: null });
    for (const query of ['', '&code=ssr_a&error=sso_cancelled', '&code=not%20a%20code']) {
      const next = await listen();
      await get(next.origin, `${RETURN_PATH}?state=${next.state}${query}`, next.host);
      await expect(next.listener.outcome, query).resolves.toEqual({ kind: 'malformed' });
    }
  });

  it('refuses another Host header (a page of another site reaching the port) and keeps waiting', async () => {
    const { listener, state, origin, host } = await listen();
    const port = new URL(origin).port;
    for (const other of [`localhost:${port}`, `evil.example:${port}`, '127.0.0.1', `127.0.0.2:${port}`, `[::1]:${port}`, '']) {
      const answer = await get(origin, `${RETURN_PATH}?code=ssr_x&state=${state}`, other);
      expect(answer.status, other).toBe(400);
      expect(answer.body).toContain(en.browserReturnPage.notOurs);
    }
    expect(await stillWaiting(listener)).toBe(true);
    expect((await get(origin, `${RETURN_PATH}?code=ssr_x&state=${state}`, host)).status).toBe(200);
    await expect(listener.outcome).resolves.toEqual({ kind: 'code', code: 'ssr_x' });
  });

  it('refuses other paths, however spelled, and other methods, and keeps waiting', async () => {
    const { listener, state, origin, host } = await listen();
    const query = `?code=ssr_x&state=${state}`;
    for (const path of ['/', '/favicon.ico', `${RETURN_PATH}/`, '/stepgate/SSO', '/stepgate/x/../sso', '/stepgate/%73so', `//${host}${RETURN_PATH}`]) {
      expect((await get(origin, `${path}${query}`, host)).status, path).toBe(404);
    }
    const post = await get(origin, `${RETURN_PATH}${query}`, host, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET');
    expect(await stillWaiting(listener)).toBe(true);
  });

  it('answers a request whose state is not ours (missing, wrong, doubled) and keeps waiting for ours', async () => {
    const { listener, state, origin, host } = await listen();
    const { state: stranger } = newBrowserSignInSecrets();
    for (const query of ['?code=ssr_x', `?code=ssr_x&state=${stranger}`, `?code=ssr_x&state=${state}&state=${stranger}`, `?error=sso_cancelled&state=${stranger}`]) {
      const answer = await get(origin, `${RETURN_PATH}${query}`, host);
      expect(answer.status, query).toBe(400);
      expect(answer.body).toContain(en.browserReturnPage.notOurs);
    }
    expect(await stillWaiting(listener)).toBe(true);
    await get(origin, `${RETURN_PATH}?code=ssr_ours&state=${state}`, host);
    await expect(listener.outcome).resolves.toEqual({ kind: 'code', code: 'ssr_ours' });
  });

  it('gives up when nothing came in time, and stops listening', async () => {
    const { listener, state, origin, host } = await listen({ timeoutMs: 50 });
    await expect(listener.outcome).resolves.toEqual({ kind: 'timeout' });
    await expect(get(origin, `${RETURN_PATH}?code=ssr_late&state=${state}`, host)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('stops listening on Cancel', async () => {
    const { listener, state, origin, host } = await listen();
    await listener.close();
    await expect(listener.outcome).resolves.toEqual({ kind: 'closed' });
    await expect(get(origin, `${RETURN_PATH}?code=ssr_x&state=${state}`, host)).rejects.toThrow(/ECONNREFUSED/);
  });
});
