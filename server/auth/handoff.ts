/**
 * Hand-offs: a signed-in desktop app carries its sign-in over to the browser. The app asks with its
 * session for a one-time code; the browser page names the account and, once the person continues,
 * spends the code for a browser session of the same kind. The code lives a minute, is stored only as
 * its hash, works once (a conditional delete), and only while the session that asked for it passes its
 * rule; every ending of the account's sessions deletes the account's codes in its own unit.
 */
import type { HandoffInspectResponse, HandoffPath, HandoffRedeemResponse, HandoffResponse } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { hashToken, randomToken } from '../crypto/tokens.js';
import { forbidden, Refusal } from '../refusal.js';
import type { HandoffRow } from '../store/rows.js';
import type { View } from '../store/store.js';
import { applySessionRule, type Authenticated, type Grant } from './session-rules.js';
import { issueSession, publicUser } from './sessions.js';

/** Long enough for a browser to start; short enough that a copied link is soon worth nothing. */
export const HANDOFF_TTL_SECONDS = 60;

/** Where the browser page that spends a code lives; the code follows `#`. */
export const HANDOFF_PAGE = '/handoff';

const invalid = (): Refusal => new Refusal('handoff_invalid', 'This link from the app has expired or was already used. Sign in here, or open it from the app again.');

/** The session that asked, held to its rule as `view` sees it now; undefined once it may no longer hand off. */
async function asker(ctx: Context, view: View, row: HandoffRow): Promise<Authenticated | undefined> {
  try {
    const found = await applySessionRule(ctx, view, row.sessionHash, 'hand_off');
    return found.user.id === row.userId ? found : undefined;
  } catch (error) {
    if (error instanceof Refusal) return undefined;
    throw error;
  }
}

const secondsLeft = (expiresAt: number, now: number): number => Math.max(0, Math.ceil((expiresAt - now) / 1000));

/** POST /auth/handoff (bearer): a code for the page `next`; an enrollment session may only hand off to /enroll. */
export async function issueHandoff(ctx: Context, access: Grant, next: HandoffPath, address: string): Promise<HandoffResponse> {
  const code = randomToken('sgh');
  const { expiresAt, now } = await ctx.store.write(async (tx) => {
    const { session, user } = await access.recheck(tx);
    if (session.kind === 'enrollment' && next !== '/enroll') throw forbidden('This session may only set up an authenticator.');
    const at = ctx.clock.now();
    const ends = Math.min(at + HANDOFF_TTL_SECONDS * 1000, session.expiresAt);
    await tx.handoffs.insert({ codeHash: hashToken(code), userId: user.id, sessionHash: session.tokenHash, nextPath: next, expiresAt: ends, now: at });
    await tx.audit.record({ event: 'handoff_issued', userId: user.id, username: user.username, clientAddress: address, detail: { next, kind: session.kind } });
    return { expiresAt: ends, now: at };
  });
  return { url: `${ctx.origin()}${HANDOFF_PAGE}#${code}`, expiresAt: isoTime(expiresAt), expiresIn: secondsLeft(expiresAt, now) };
}

/** POST /auth/handoff/inspect: whom the code would sign in as, without spending it. */
export async function inspectHandoff(ctx: Context, code: string): Promise<HandoffInspectResponse> {
  const now = ctx.clock.now();
  const found = await ctx.store.read(async (view) => {
    const row = await view.handoffs.find(hashToken(code), now);
    const by = row && (await asker(ctx, view, row));
    return row && by && { row, user: by.user };
  });
  if (found === undefined) throw invalid();
  return { user: publicUser(found.user), next: found.row.nextPath, expiresIn: secondsLeft(found.row.expiresAt, now) };
}

/** POST /auth/handoff/redeem: spends the code and issues the browser's session, in one unit. */
export async function redeemHandoff(ctx: Context, code: string, address: string): Promise<HandoffRedeemResponse> {
  const outcome = await ctx.store.write(async (tx): Promise<HandoffRedeemResponse | undefined> => {
    const row = await tx.handoffs.take(hashToken(code), ctx.clock.now());
    if (row === undefined) {
      await tx.audit.record({ event: 'handoff_rejected', clientAddress: address, detail: { reason: 'unknown' } });
      return undefined;
    }
    const by = await asker(ctx, tx, row);
    if (by === undefined) {
      const owner = await tx.users.byId(row.userId);
      await tx.audit.record({ event: 'handoff_rejected', userId: row.userId, username: owner?.username, clientAddress: address, detail: { reason: 'session_ended' } });
      return undefined;
    }
    const { session, user } = by;
    await tx.audit.record({ event: 'handoff_used', userId: user.id, username: user.username, clientAddress: address, detail: { next: row.nextPath, kind: session.kind } });
    return { session: await issueSession(ctx, tx, user, session.kind, session.expiresAt), next: row.nextPath };
  });
  // Refused after the commit, so a code that was found stays spent.
  if (outcome === undefined) throw invalid();
  return outcome;
}
