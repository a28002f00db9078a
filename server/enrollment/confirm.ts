/**
 * Confirming a pending authenticator with a code from it. The slow part (Argon2 for a first set of
 * recovery codes) comes first; then one unit of work re-applies the session's rule, confirms, makes
 * the account's first code set (a conditional write: once per account), ends every enrollment session
 * of the account, and exchanges the caller's own (a conditional delete: once) for a full session.
 * Anything that committed in between (a revocation, a disable, a parallel confirmation) wins, and this
 * confirmation then answers an error and leaves nothing behind.
 */
import type { ConfirmAuthenticatorResponse, Session } from '../../shared/api/schemas.js';
import { assertTotpEnabled } from '../auth/environment.js';
import { sessionEnded, type Grant } from '../auth/session-rules.js';
import { issueSession } from '../auth/sessions.js';
import type { Context } from '../context.js';
import { open } from '../crypto/secret-box.js';
import { notFound, Refusal } from '../refusal.js';
import { secretAad, type AuthenticatorRow } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { matchStep } from '../totp/totp.js';
import { publicAuthenticator } from './enrollment.js';
import { prepareRecoveryCodes, type PreparedCodes } from './recovery.js';

type Decision =
  /** The account has no code set any more, and none was prepared: prepare one and decide again. */
  | { readonly kind: 'needs_codes' }
  | { readonly kind: 'confirmed'; readonly authenticator: AuthenticatorRow; readonly recoveryCodes?: readonly string[]; readonly session?: Session };

const notWaiting = (): Refusal => notFound('There is no authenticator waiting for confirmation with that id.');

export async function confirmAuthenticator(ctx: Context, access: Grant, id: string, code: string, address: string): Promise<ConfirmAuthenticatorResponse> {
  const { pending, hasSet } = await ctx.store.read(async (view) => {
    await access.recheck(view);
    await assertTotpEnabled(view);
    return {
      pending: await view.authenticators.find(access.user.id, id, ctx.clock.now()),
      hasSet: await view.recoveryCodes.hasSet(access.user.id),
    };
  });
  if (pending === undefined || pending.confirmedAt !== null) throw notWaiting();
  const secret = open(ctx.key, pending.secretCiphertext, secretAad(access.user.id, id));
  const step = matchStep(secret, code, ctx.clock.now(), ctx.config.totp.window);
  secret.fill(0);
  if (step === null) throw await refuseCode(ctx, access, pending, address);

  const decide = (codes: PreparedCodes | undefined) => ctx.store.write((tx) => decideConfirmation(ctx, tx, access, pending, step, codes, address));
  let decision = await decide(hasSet ? undefined : await prepareRecoveryCodes(ctx));
  // The account lost its code set during the wait (its last authenticator removed): this one is the first again.
  if (decision.kind === 'needs_codes') decision = await decide(await prepareRecoveryCodes(ctx));
  if (decision.kind === 'needs_codes') throw new Error('a prepared code set was not used');
  return {
    authenticator: publicAuthenticator(decision.authenticator),
    ...(decision.recoveryCodes === undefined ? {} : { recoveryCodes: [...decision.recoveryCodes] }),
    ...(decision.session === undefined ? {} : { session: decision.session }),
  };
}

async function decideConfirmation(
  ctx: Context,
  tx: Tx,
  access: Grant,
  pending: AuthenticatorRow,
  step: number,
  codes: PreparedCodes | undefined,
  address: string,
): Promise<Decision> {
  const { session, user } = await access.recheck(tx);
  await assertTotpEnabled(tx);
  const now = ctx.clock.now();
  if (codes === undefined && !(await tx.recoveryCodes.hasSet(user.id))) return { kind: 'needs_codes' };
  if (!(await tx.authenticators.confirm(user.id, pending.id, step, now))) throw notWaiting();
  const madeCodes = codes !== undefined && (await tx.recoveryCodes.createFirstSet(user.id, codes.hashes, now));

  // Enrollment sessions exist to set up the first authenticator. That is done: every one of them ends,
  // and the caller's is exchanged for a full session, once.
  let fullSession: Session | undefined;
  if (session.kind === 'enrollment') {
    if (!(await tx.sessions.consumeEnrollment(session.tokenHash))) throw sessionEnded();
    fullSession = await issueSession(ctx, tx, user, 'full');
  }
  await tx.sessions.deleteEnrollmentForUser(user.id);

  const subject = { userId: user.id, username: user.username, clientAddress: address };
  await tx.audit.record({ event: 'authenticator_confirmed', ...subject, detail: { name: pending.name } });
  if (madeCodes) await tx.audit.record({ event: 'recovery_codes_generated', ...subject, detail: { count: codes.codes.length } });
  const authenticator = await tx.authenticators.find(user.id, pending.id, now);
  if (authenticator === undefined) throw notWaiting();
  return {
    kind: 'confirmed',
    authenticator,
    ...(madeCodes ? { recoveryCodes: codes.codes } : {}),
    ...(fullSession === undefined ? {} : { session: fullSession }),
  };
}

/** A wrong code spends one of the pending authenticator's attempts; the answer is made after the commit. */
async function refuseCode(ctx: Context, access: Grant, pending: AuthenticatorRow, address: string): Promise<Refusal> {
  const left = await ctx.store.write(async (tx) => {
    const { user } = await access.recheck(tx);
    const left = await tx.authenticators.spendConfirmAttempt(pending.id);
    await tx.audit.record({
      event: 'authenticator_confirm_failed',
      userId: user.id,
      username: user.username,
      clientAddress: address,
      detail: { name: pending.name, attemptsRemaining: left },
    });
    return left;
  });
  return new Refusal(
    'invalid_code',
    left > 0 ? 'That code is not correct. Check the time on your device and try the newest code.' : 'That code is not correct, and this set-up has ended. Start again.',
    { attemptsRemaining: left },
  );
}
