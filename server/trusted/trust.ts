/**
 * Trusted computers: a code accepted with "don't ask again on this computer" makes one (a random token,
 * stored hashed, bound to the user), and a later password sign-in that brings the token back skips the
 * code. Both happen inside the sign-in's own unit of work: the trust is created beside the session the
 * code issues, and honoured only on what that unit reads (docs/security.md, I12).
 */
import type { HonouredTrustedComputer, IssuedTrustedComputer, TrustComputerRequest, TrustedComputer } from '../../shared/api/schemas.js';
import { TRUSTED_COMPUTER_NAME_MAX } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { hashToken, randomId, randomToken } from '../crypto/tokens.js';
import { invalidRequest, type Refusal } from '../refusal.js';
import type { EnvironmentSettings, TrustedComputerRow, UserRow } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { recordEnded } from './endings.js';

export const DAY_MS = 86_400_000;
/** Beyond this a list stops being something a person reads; the least recently used one makes way. */
export const MAX_TRUSTED_COMPUTERS = 20;

/** When a trust ends under the environment's days today: lowering them shortens every existing one. */
export const effectiveExpiry = (row: TrustedComputerRow, days: number): number => Math.min(row.expiresAt, row.createdAt + days * DAY_MS);

export const isLive = (row: TrustedComputerRow, days: number, now: number): boolean => days > 0 && effectiveExpiry(row, days) > now;

export function publicTrustedComputer(row: TrustedComputerRow, days: number, thisComputerHash: string | undefined): TrustedComputer {
  return {
    id: row.id,
    name: row.name,
    createdAt: isoTime(row.createdAt),
    lastUsedAt: row.lastUsedAt === null ? null : isoTime(row.lastUsedAt),
    expiresAt: isoTime(effectiveExpiry(row, days)),
    thisComputer: thisComputerHash !== undefined && row.tokenHash === thisComputerHash,
  };
}

/** What a client asked for, checked before any unit: the name trimmed, at most the contract's days. */
export interface TrustWish {
  readonly name: string;
  readonly days: number;
}

const CONTROL = /\p{Cc}/u;

export function trustWish(request: TrustComputerRequest | undefined): TrustWish | Refusal | undefined {
  if (request === undefined) return undefined;
  const name = request.name.trim();
  const length = [...name].length;
  if (length === 0) return invalidRequest({ 'trustComputer.name': 'must not be blank' });
  if (length > TRUSTED_COMPUTER_NAME_MAX) return invalidRequest({ 'trustComputer.name': `must be at most ${TRUSTED_COMPUTER_NAME_MAX} characters` });
  if (CONTROL.test(name)) return invalidRequest({ 'trustComputer.name': 'must not contain control characters' });
  return { name, days: request.days };
}

interface Subject {
  readonly userId: string;
  readonly username: string;
  readonly clientAddress: string;
}

/**
 * Part of the unit that accepts a code and issues its session: trusts the computer for the days asked,
 * at most the environment's, as it stands in this unit (none when they are 0). A user at the limit loses
 * their least recently used one.
 */
export async function trustComputer(ctx: Context, tx: Tx, env: EnvironmentSettings, wish: TrustWish, subject: Subject): Promise<IssuedTrustedComputer | undefined> {
  const days = Math.min(wish.days, env.trustedComputerDays);
  if (days <= 0) return undefined;
  const now = ctx.clock.now();
  const replaced = await tx.trustedComputers.deleteLeastRecentlyUsed(subject.userId, MAX_TRUSTED_COMPUTERS - 1);
  await recordEnded(tx, subject, 'replaced', replaced, { by: 'user' });
  const id = randomId('trc');
  const expiresAt = now + days * DAY_MS;
  const token = randomToken('tc');
  await tx.trustedComputers.insert({ id, userId: subject.userId, tokenHash: hashToken(token), name: wish.name, now, expiresAt });
  await tx.audit.record({ event: 'trusted_computer_added', ...subject, detail: { id, name: wish.name, days } });
  return { id, name: wish.name, token, expiresAt: isoTime(expiresAt) };
}

export type TrustRefusalReason = 'unknown' | 'expired' | 'turned_off';

export type TrustDecision = { readonly kind: 'honoured'; readonly computer: HonouredTrustedComputer } | { readonly kind: 'refused'; readonly reason: TrustRefusalReason };

/**
 * Part of the password's unit, after the right password (verified against the user's current hash) for an
 * enabled user who would be asked for a code: whether the token lets this sign-in skip it. Honoured, it
 * counts as used; refused, it is audited (never echoed).
 */
export async function decideTrust(ctx: Context, tx: Tx, user: UserRow, env: EnvironmentSettings, token: string, address: string): Promise<TrustDecision> {
  const subject = { userId: user.id, username: user.username, clientAddress: address };
  const decision = await decide(ctx, tx, user, env, token);
  if (decision.kind === 'refused') {
    await tx.audit.record({ event: 'trusted_computer_refused', ...subject, detail: { reason: decision.reason } });
    return decision;
  }
  await tx.trustedComputers.touch(decision.computer.id, ctx.clock.now());
  await tx.audit.record({ event: 'trusted_computer_used', ...subject, detail: { id: decision.computer.id, name: decision.computer.name } });
  return decision;
}

async function decide(ctx: Context, tx: Tx, user: UserRow, env: EnvironmentSettings, token: string): Promise<TrustDecision> {
  if (env.trustedComputerDays <= 0) return { kind: 'refused', reason: 'turned_off' };
  const row = await tx.trustedComputers.findByHash(hashToken(token));
  if (row === undefined || row.userId !== user.id) return { kind: 'refused', reason: 'unknown' };
  if (!isLive(row, env.trustedComputerDays, ctx.clock.now())) return { kind: 'refused', reason: 'expired' };
  return { kind: 'honoured', computer: { id: row.id, name: row.name, expiresAt: isoTime(effectiveExpiry(row, env.trustedComputerDays)) } };
}
