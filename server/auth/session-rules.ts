/**
 * What a session may do: one rule per kind, applied when a request arrives and again inside the unit of
 * work that acts on it, so a logout, revocation or disable that commits in between wins.
 * (A browser's cookie session is a full or enrollment session carried in a cookie: the same rule applies,
 * and the pages add idle expiry and CSRF checks before any of this.)
 */
import type { Context } from '../context.js';
import { forbidden, Refusal } from '../refusal.js';
import type { SessionKind, SessionRow, UserRow } from '../store/rows.js';
import type { View } from '../store/store.js';

/** What a request does with its session. */
export type SessionAction =
  | 'read_account'
  | 'add_authenticator'
  | 'confirm_authenticator'
  | 'remove_authenticator'
  | 'regenerate_recovery_codes'
  | 'manage_trusted_computers'
  | 'change_password'
  | 'logout'
  | 'hand_off'
  | 'administer';

export function kindMay(kind: SessionKind, action: SessionAction): boolean {
  switch (kind) {
    case 'full':
      return true;
    case 'enrollment':
      // Made from the password alone, for one job: setting up the account's first authenticator.
      // A hand-off gives the browser a session of the same kind, for the same job.
      return action === 'add_authenticator' || action === 'confirm_authenticator' || action === 'logout' || action === 'hand_off';
  }
}

export interface Authenticated {
  readonly session: SessionRow;
  readonly user: UserRow;
}

/** A session that passed the rule when the request arrived, and can be held to it again. */
export interface Grant extends Authenticated {
  readonly action: SessionAction;
  /** The rule again, on the data as `view` sees it: call it inside the unit of work (or read) that acts. */
  recheck(view: View): Promise<Authenticated>;
}

export const sessionEnded = (): Refusal => new Refusal('unauthorized', 'Your session has ended. Sign in again.');

/**
 * The session is live, its user exists and is enabled, its kind may do `action`, an enrollment session's
 * account still has no confirmed authenticator (from then on the second factor guards it), and only an
 * administrator administers.
 */
export async function applySessionRule(ctx: Context, view: View, tokenHash: string, action: SessionAction): Promise<Authenticated> {
  const session = await view.sessions.findByHash(tokenHash, ctx.clock.now());
  const user = session && (await view.users.byId(session.userId));
  if (session === undefined || user === undefined || user.disabled) throw sessionEnded();
  if (session.kind === 'enrollment' && (await view.authenticators.countConfirmed(user.id)) > 0) throw sessionEnded();
  if (!kindMay(session.kind, action)) throw forbidden('This session may only set up an authenticator.');
  if (action === 'administer' && !user.isAdmin) throw forbidden('Only administrators may do this.');
  return { session, user };
}

/** The rule applied to committed data as the request arrives: a request that cannot pass it is answered at once. */
export async function grant(ctx: Context, tokenHash: string, action: SessionAction): Promise<Grant> {
  const authenticated = await ctx.store.read((view) => applySessionRule(ctx, view, tokenHash, action));
  return { ...authenticated, action, recheck: (view) => applySessionRule(ctx, view, tokenHash, action) };
}
