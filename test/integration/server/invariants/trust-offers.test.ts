/**
 * Invariant "an offer to trust the computer is taken at most once, and only on grounds that still hold"
 * (docs/security.md, I21): one offer sent many times at once makes one trusted computer, and an offer
 * raced against every change that ends trusted computers leaves no trust that outlives the change.
 */
import { describe, expect, it } from 'vitest';
import { IssuedTrustedComputer } from '../../../../shared/api/schemas.js';
import { auditTrailOf } from '../../../support/audit-trail.js';
import { describeCall, fails, ok, type CallResult } from '../../../support/http-client.js';
import { race } from '../../../support/race.js';
import { raceSuite } from '../../../support/race-suite.js';
import { createTotpUser, PERIOD_MS, type TotpUser } from '../../../support/totp.js';
import { loginWithToken, signInWithOffer, takeOffer } from '../../../support/trusted.js';

const ROUNDS = 6;
const TAKERS = 8;
const MAX_DELAY_MS = 25;
const DAYS = 30;
const NEW_PASSWORD = 'changed-during-the-race';

interface Ending {
  readonly name: string;
  run(user: TotpUser, session: string): Promise<CallResult>;
  readonly passwordAfter: (user: TotpUser) => string;
  /** Whether it ends trusted computers too (a sign-out ends only its session: a trust made before it stays). */
  readonly endsTrust: boolean;
  readonly restore?: (user: TotpUser) => Promise<void>;
}

describe('invariants: offers to trust the computer', () => {
  const suite = raceSuite(8_416);

  const offered = async (user: TotpUser) => {
    await suite.server.setEnvironment({ trustedComputerDays: DAYS });
    const { session, trustOffer } = await signInWithOffer(suite.server, user);
    if (trustOffer === undefined) throw new Error('the code came without an offer');
    return { token: session.token, grant: trustOffer.grant };
  };

  it(`${TAKERS} requests with one offer at once make one trusted computer (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const user = await createTotpUser(suite.server);
      const { token, grant } = await offered(user);
      const answers = await Promise.all(Array.from({ length: TAKERS }, (_, i) => takeOffer(suite.server, token, grant, { name: `Taker ${i}`, days: DAYS })));
      const made = answers.filter((res) => res.status === 201);
      expect(made, `round ${round}: ${answers.map(describeCall).join('\n')}`).toHaveLength(1);
      for (const res of answers) if (res.status !== 201) fails(res, 403, 'forbidden');
      const added = (await auditTrailOf(suite.server, user.username)).filter((e) => e.event === 'trusted_computer_added');
      expect(added, `round ${round}`).toHaveLength(1);
      const listed = await suite.api.get('/me', { token });
      expect((listed.body as { trustedComputers: { computers: unknown[] } }).trustedComputers.computers, `round ${round}`).toHaveLength(1);
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  const endings: readonly Ending[] = [
    {
      name: 'a new password',
      run: (user, session) => suite.api.post('/me/password', { token: session, body: { currentPassword: user.password, newPassword: NEW_PASSWORD } }),
      passwordAfter: () => NEW_PASSWORD,
      endsTrust: true,
    },
    {
      name: 'a new password set by an administrator',
      run: (user) => suite.api.post(`/admin/users/${user.id}/password`, { token: suite.admin, body: { newPassword: NEW_PASSWORD } }),
      passwordAfter: () => NEW_PASSWORD,
      endsTrust: true,
    },
    {
      name: 'a TOTP revocation',
      run: (user) => suite.api.delete(`/admin/users/${user.id}/authenticators`, { token: suite.admin }),
      passwordAfter: (user) => user.password,
      endsTrust: true,
    },
    {
      name: 'a disable',
      run: (user) => suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: true } }),
      passwordAfter: (user) => user.password,
      endsTrust: true,
      restore: async (user) => {
        await suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: false } });
      },
    },
    {
      name: 'sign-out',
      run: (_user, session) => suite.api.post('/auth/logout', { token: session }),
      passwordAfter: (user) => user.password,
      endsTrust: false,
    },
    {
      name: "the environment's days set to 0",
      run: () => suite.api.patch('/admin/environment', { token: suite.admin, body: { trustedComputerDays: 0 } }),
      passwordAfter: (user) => user.password,
      endsTrust: true,
    },
  ];

  for (const ending of endings) {
    it(`raced with ${ending.name}: a trust made before it is ended by it, none is made after it (${ROUNDS} rounds)`, async () => {
      for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
        const user = await createTotpUser(suite.server);
        const { token, grant } = await offered(user);
        const [res, ended] = await race(() => takeOffer(suite.server, token, grant, { name: 'Raced', days: DAYS }), () => ending.run(user, token), delay);
        const where = `round ${round}, delay ${delay} ms: ${describeCall(res)}`;
        expect([200, 204], describeCall(ended)).toContain(ended.status);
        await ending.restore?.(user);
        await suite.server.setEnvironment({ trustedComputerDays: DAYS });
        if (res.status === 201) {
          // Made before the ending committed: an ending of trusts took it with the rest.
          const made = ok(res, 201, IssuedTrustedComputer);
          const after = await loginWithToken(suite.server, user.username, ending.passwordAfter(user), made.token);
          expect(after.status, `${where}; afterwards: ${describeCall(after)}`).toBe(200);
          expect((after.body as { trustedComputer?: unknown }).trustedComputer !== undefined, `${where}; afterwards: ${describeCall(after)}`).toBe(!ending.endsTrust);
        } else {
          expect([401, 403], where).toContain(res.status);
        }
        // Either way the offer is gone.
        expect((await takeOffer(suite.server, token, grant)).status, where).not.toBe(201);
        suite.server.clock.advance(PERIOD_MS);
      }
    });
  }
});
