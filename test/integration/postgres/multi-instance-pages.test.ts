/**
 * The browser pages behind a round-robin load balancer: one browser's cookie session, from sign-in with
 * password and code to sign-out, with each request going to the other of two server processes on one
 * PostgreSQL database. Whatever process a request reaches sees the session as the last one left it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, type Browser } from '../../support/browser-cookies.js';
import { call } from '../../support/http-client.js';
import { startInstances, type Instances } from '../../support/instances.js';
import { codeAt } from '../../support/totp.js';

const SESSION_COOKIE = 'stepgate_session';

describe('the pages across two server processes on one database', () => {
  let instances: Instances | undefined;
  const running = (): Instances => {
    if (instances === undefined) throw new Error('the instances did not start');
    return instances;
  };
  /** Each request to the next process in turn, as a round-robin balancer sends them. */
  const roundRobin = () => {
    let turn = 0;
    return () => running().servers[turn++ % 2]?.origin ?? '';
  };
  /** The session as every process sees it, asked with its token directly: the status of GET /me at each. */
  const seenByEach = async (b: Browser) => {
    const token = b.cookies.get(SESSION_COOKIE) ?? 'none';
    return Promise.all(running().servers.map(async (s) => (await call('GET', `${s.origin}/api/v1/me`, { token })).status));
  };

  beforeAll(async () => {
    instances = await startInstances(2, { throttle: { authRequestsPerMinute: 100_000 } });
  });
  afterAll(async () => {
    await instances?.close();
  });

  it('signs in with password and code, uses /me, the settings page and CSRF-protected changes, and signs out, alternating on every request', async () => {
    const user = await running().createTotpUser();
    const b = browser(roundRobin());
    await b.start();

    const password = await b.api('POST', '/auth/login', { username: user.username, password: user.password });
    expect(password.status).toBe(200);
    const challengeId = (password.body?.['challenge'] as { id: string }).id;
    const code = await b.api('POST', '/auth/totp', { challengeId, code: codeAt(user.secret, Date.now()) });
    expect(code.status).toBe(200);
    expect(b.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(await seenByEach(b)).toEqual([200, 200]);

    // /me and the settings page, on each process in turn.
    const me: number[] = [];
    for (let i = 0; i < 6; i += 1) me.push((await b.api('GET', '/me')).status);
    expect(me).toEqual([200, 200, 200, 200, 200, 200]);
    for (let i = 0; i < 4; i += 1) expect(await b.page('/settings'), `settings, request ${i}`).not.toMatchObject({ location: expect.stringContaining('/signin') as unknown });
    expect(b.cookies.has(SESSION_COOKIE)).toBe(true);

    // A change begun on one process is finished on the other; each lands in the database.
    const added = await b.api('POST', '/me/authenticators', { name: 'Tablet' });
    expect(added.status).toBe(201);
    const pending = added.body as { id: string; secret: string };
    const confirmed = await b.api('POST', `/me/authenticators/${pending.id}/confirm`, { code: codeAt(pending.secret, Date.now()) });
    expect(confirmed.status).toBe(200);
    const after = await b.api('GET', '/me');
    expect((after.body?.['totp'] as { authenticators: { name: string }[] }).authenticators.map((a) => a.name).sort()).toEqual(['Phone', 'Tablet']);
    expect((await b.api('POST', '/me/recovery-codes')).status).toBe(200);
    expect((await b.api('DELETE', `/me/authenticators/${pending.id}`)).status).toBe(204);
    expect((await b.api('GET', '/me')).body?.['totp']).toMatchObject({ authenticators: [{ name: 'Phone' }] });

    // The CSRF check holds on both: without the token, a change is refused by each, and the session lives on.
    for (let i = 0; i < 2; i += 1) expect((await b.api('POST', '/me/recovery-codes', undefined, { csrf: false })).status).toBe(403);
    expect(await seenByEach(b)).toEqual([200, 200]);

    // Both processes answered; none of them ended the session on its own.
    expect(new Set(b.served).size).toBe(2);
    expect(b.served.length).toBeGreaterThan(20);

    const token = b.cookies.get(SESSION_COOKIE) ?? '';
    const out = await b.api('POST', '/auth/logout');
    expect(out.status).toBe(204);
    expect(b.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await Promise.all(running().servers.map(async (s) => (await call('GET', `${s.origin}/api/v1/me`, { token })).status))).toEqual([401, 401]);
    expect(await b.page('/settings')).toMatchObject({ location: expect.stringContaining('/signin') as unknown });
  });

  it('requests at once on both processes keep the session alive, and none of them outlives a sign-out that lands among them (5 rounds)', async () => {
    const user = await running().createUser();
    for (let round = 0; round < 5; round += 1) {
      const b = browser(roundRobin());
      await b.start();
      expect((await b.api('POST', '/auth/login', { username: user.username, password: user.password })).status).toBe(200);
      const together = await Promise.all(Array.from({ length: 16 }, () => b.api('GET', '/me')));
      expect(together.map((r) => r.status), `round ${round}`).toEqual(Array.from({ length: 16 }, () => 200));

      const token = b.cookies.get(SESSION_COOKIE) ?? '';
      const uses = Array.from({ length: 16 }, (_, i) => (i === 8 ? b.api('POST', '/auth/logout') : b.api('GET', '/me')));
      const answers = await Promise.all(uses);
      expect(answers[8]?.status, `round ${round}`).toBe(204);
      expect(answers.every((r) => [200, 204, 401].includes(r.status)), `round ${round}`).toBe(true);
      expect(await Promise.all(running().servers.map(async (s) => (await call('GET', `${s.origin}/api/v1/me`, { token })).status)), `round ${round}`).toEqual([401, 401]);
    }
  });

  it('a browser session outlives the restart of the process that issued it', async () => {
    const user = await running().createUser();
    const b = browser(() => running().servers[0]?.origin ?? '');
    await b.start();
    expect((await b.api('POST', '/auth/login', { username: user.username, password: user.password })).status).toBe(200);
    await running().restart(0);
    expect((await b.api('GET', '/me')).status).toBe(200);
    expect(await seenByEach(b)).toEqual([200, 200]);
  });
});
