/**
 * Recovery codes: 10 readable codes on the first authenticator, accepted in any case with spaces or dashes,
 * each once; POST /me/recovery-codes replaces the set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse, RecoveryCodesResponse, RecoveryResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, fails, ok, type ApiClient } from '../../support/http-client.js';
import {
  challengeFor,
  createTotpUser,
  createUser,
  enroll,
  passwordSession,
  RELAXED_THROTTLE,
  submitRecoveryCode,
  type TotpUser,
} from '../../support/totp.js';

/** Five and five characters, no I, L or O (nor anything outside A-Z and digits). */
const FORMAT = /^[A-HJKMNP-Z0-9]{5}-[A-HJKMNP-Z0-9]{5}$/;

function nth(codes: readonly string[], i: number): string {
  const code = codes[i];
  if (code === undefined) throw new Error(`no recovery code #${i}`);
  return code;
}

describe('recovery codes', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true });
    api = apiClient(server.api);
  });
  afterAll(async () => {
    await server.close();
  });

  async function recover(user: TotpUser, recoveryCode: string) {
    const challenge = await challengeFor(server, user.username, user.password);
    return submitRecoveryCode(server, challenge.id, recoveryCode);
  }

  it('the first authenticator comes with 10 distinct codes like "ABCDE-FGHJK"', async () => {
    const user = await createTotpUser(server);
    expect(user.recoveryCodes).toHaveLength(10);
    expect(new Set(user.recoveryCodes).size).toBe(10);
    for (const code of user.recoveryCodes) expect(code).toMatch(FORMAT);
    const me = ok(await api.get('/me', { token: user.token }), 200, MeResponse);
    expect(me.totp.recoveryCodesRemaining).toBe(10);
  });

  it('two users get different codes', async () => {
    const a = await createTotpUser(server);
    const b = await createTotpUser(server);
    expect(a.recoveryCodes.filter((c) => b.recoveryCodes.includes(c))).toEqual([]);
  });

  it('a second authenticator brings no new codes and leaves the old ones valid', async () => {
    const user = await createTotpUser(server);
    const second = await enroll(server, user.token, 'Backup phone');
    expect(second.recoveryCodes).toBeUndefined();
    const body = ok(await recover(user, nth(user.recoveryCodes, 0)), 200, RecoveryResponse);
    expect(body.recoveryCodesRemaining).toBe(9);
  });

  it('signs in with a recovery code, reports what is left, and refuses the same code again', async () => {
    const user = await createTotpUser(server);
    const first = ok(await recover(user, nth(user.recoveryCodes, 0)), 200, RecoveryResponse);
    expect(first.session.user.username).toBe(user.username);
    expect(first.recoveryCodesRemaining).toBe(9);
    ok(await api.get('/me', { token: first.session.token }), 200, MeResponse);

    const again = fails(await recover(user, nth(user.recoveryCodes, 0)), 401, 'invalid_code');
    expect(again.attemptsRemaining).toBe(4);

    const second = ok(await recover(user, nth(user.recoveryCodes, 1)), 200, RecoveryResponse);
    expect(second.recoveryCodesRemaining).toBe(8);
    const me = ok(await api.get('/me', { token: second.session.token }), 200, MeResponse);
    expect(me.totp.recoveryCodesRemaining).toBe(8);
  });

  it('accepts the code in any case, with spaces or dashes, or none', async () => {
    const user = await createTotpUser(server);
    const plain = (i: number) => nth(user.recoveryCodes, i).replace('-', '');
    const variants = [
      nth(user.recoveryCodes, 0).toLowerCase(),
      plain(1),
      plain(2).toLowerCase(),
      `${plain(3).slice(0, 5)} ${plain(3).slice(5)}`,
      `  ${plain(4).slice(0, 3)}-${plain(4).slice(3, 7)} ${plain(4).slice(7)} `.toLowerCase(),
      plain(5)
        .split('')
        .map((c, i) => (i % 2 === 0 ? c.toLowerCase() : c))
        .join(''),
    ];
    let remaining = 10;
    for (const variant of variants) {
      remaining -= 1;
      const body = ok(await recover(user, variant), 200, RecoveryResponse);
      expect(body.recoveryCodesRemaining, JSON.stringify(variant)).toBe(remaining);
    }
    // Each variant spent the code it spells: the canonical forms are now refused.
    for (let i = 0; i < variants.length; i += 1) fails(await recover(user, nth(user.recoveryCodes, i)), 401, 'invalid_code');
  });

  it('refuses a made-up or malformed-looking code with invalid_code', async () => {
    const user = await createTotpUser(server);
    const challenge = await challengeFor(server, user.username, user.password);
    const first = nth(user.recoveryCodes, 0);
    const altered = `${first.slice(0, 10)}${first[10] === 'A' ? 'B' : 'A'}`;
    expect(fails(await submitRecoveryCode(server, challenge.id, altered), 401, 'invalid_code').attemptsRemaining).toBe(4);
    expect(fails(await submitRecoveryCode(server, challenge.id, 'hello'), 401, 'invalid_code').attemptsRemaining).toBe(3);
    expect(fails(await submitRecoveryCode(server, challenge.id, `${first}X`), 401, 'invalid_code').attemptsRemaining).toBe(2);
  });

  it('POST /me/recovery-codes replaces the set: old codes stop working, new ones work', async () => {
    const user = await createTotpUser(server);
    ok(await recover(user, nth(user.recoveryCodes, 0)), 200, RecoveryResponse);
    const fresh = ok(await api.post('/me/recovery-codes', { token: user.token }), 200, RecoveryCodesResponse).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(new Set(fresh).size).toBe(10);
    for (const code of fresh) expect(code).toMatch(FORMAT);
    expect(fresh.filter((c) => user.recoveryCodes.includes(c))).toEqual([]);
    expect(ok(await api.get('/me', { token: user.token }), 200, MeResponse).totp.recoveryCodesRemaining).toBe(10);

    fails(await recover(user, nth(user.recoveryCodes, 5)), 401, 'invalid_code');
    const body = ok(await recover(user, nth(fresh, 5)), 200, RecoveryResponse);
    expect(body.recoveryCodesRemaining).toBe(9);
  });

  it('one recovery code sent on two challenges at once signs in exactly once', async () => {
    const user = await createTotpUser(server);
    for (let round = 0; round < 3; round += 1) {
      const code = nth(user.recoveryCodes, round);
      const [a, b] = await Promise.all([challengeFor(server, user.username, user.password), challengeFor(server, user.username, user.password)]);
      const results = await Promise.all([submitRecoveryCode(server, a.id, code), submitRecoveryCode(server, b.id, code)]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual([200, 401]);
      for (const r of results) {
        if (r.status === 200) expect(ok(r, 200, RecoveryResponse).recoveryCodesRemaining).toBe(9 - round);
        else fails(r, 401, 'invalid_code');
      }
    }
  });

  it('an old code checked while its set is replaced neither signs in nor spends a new code (12 rounds)', async () => {
    for (let round = 0; round < 12; round += 1) {
      const user = await createTotpUser(server);
      const challenge = await challengeFor(server, user.username, user.password);
      // The regeneration starts first and commits while the old code (checked last of ten) is still being verified.
      const regenerating = api.post('/me/recovery-codes', { token: user.token });
      await new Promise((resolve) => setTimeout(resolve, round % 4));
      const used = await submitRecoveryCode(server, challenge.id, nth(user.recoveryCodes, 9));
      const fresh = ok(await regenerating, 200, RecoveryCodesResponse).recoveryCodes;
      const remaining = ok(await api.get('/me', { token: user.token }), 200, MeResponse).totp.recoveryCodesRemaining;
      // Either the old code won the race (and the new set is whole), or it was refused; never a new code spent.
      expect(remaining, `round ${round}: ${used.status}`).toBe(10);
      if (used.status !== 200) fails(used, 401, 'invalid_code');
      ok(await recover(user, nth(fresh, 9)), 200, RecoveryResponse);
    }
  });

  it('POST /me/recovery-codes needs a full session', async () => {
    fails(await api.post('/me/recovery-codes'), 401, 'unauthorized');
    const user = await createUser(server, { totpRequired: true });
    const enrollmentSession = await passwordSession(server, user.username, user.password);
    fails(await api.post('/me/recovery-codes', { token: enrollmentSession.token }), 403, 'forbidden');
  });
});
