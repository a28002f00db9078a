/**
 * Trusting the computer after the code: a code's answer that made no trust carries an offer (a random
 * grant, stored hashed, bound to the session it came with, short-lived), and the signed-in person may
 * take it once to trust the computer as "don't ask again" at the code would have (docs/security.md, I21).
 * The session alone never trusts a computer: only the code's unit makes offers.
 */
import type { IssuedTrustedComputer, TrustOffer, TrustThisComputerRequest } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { hashToken, randomToken } from '../crypto/tokens.js';
import { forbidden, Refusal } from '../refusal.js';
import type { Grant } from '../auth/session-rules.js';
import type { EnvironmentSettings } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { trustComputer, trustWish } from './trust.js';

/** Long enough to read the question and answer it, short enough that a forgotten one is soon gone. */
export const TRUST_OFFER_TTL_MS = 5 * 60_000;

/** Part of the code's unit, beside the session it issued (whose token it is bound to). */
export async function offerTrust(ctx: Context, tx: Tx, env: EnvironmentSettings, userId: string, sessionToken: string): Promise<TrustOffer | undefined> {
  if (env.trustedComputerDays <= 0) return undefined;
  const now = ctx.clock.now();
  const grant = randomToken('tg');
  const expiresAt = now + TRUST_OFFER_TTL_MS;
  await tx.trustedComputers.offer({ grantHash: hashToken(grant), userId, sessionTokenHash: hashToken(sessionToken), now, expiresAt });
  return { grant, expiresAt: isoTime(expiresAt), days: env.trustedComputerDays };
}

const offerEnded = (): Refusal =>
  forbidden('This offer to trust the computer has ended (it is used once, for a few minutes after the code). Trust the computer at your next sign-in.');
const turnedOff = (): Refusal => forbidden('Trusted computers are turned off in this environment.');

/**
 * Takes the offer and trusts the computer, in one unit: the session is held to its rule, the settings read
 * and the offer spent there, so a sign-out, a new password, a revoked authenticator or the environment
 * turning trust off that commits first wins, and two requests with one offer make one trust at most.
 */
export async function takeTrustOffer(ctx: Context, access: Grant, request: TrustThisComputerRequest, address: string): Promise<IssuedTrustedComputer> {
  const wish = trustWish({ name: request.name, days: request.days });
  if (wish instanceof Refusal) throw wish;
  if (wish === undefined) throw offerEnded();
  const outcome = await ctx.store.write(async (tx): Promise<IssuedTrustedComputer | Refusal> => {
    const { session, user } = await access.recheck(tx);
    const env = await tx.settings.environment();
    if (env.trustedComputerDays <= 0) return turnedOff();
    if (!(await tx.trustedComputers.takeOffer(hashToken(request.grant), session.tokenHash, ctx.clock.now()))) return offerEnded();
    const made = await trustComputer(ctx, tx, env, wish, { userId: user.id, username: user.username, clientAddress: address });
    return made ?? turnedOff();
  });
  if (outcome instanceof Refusal) throw outcome;
  return outcome;
}
