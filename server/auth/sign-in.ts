/**
 * Sign-in: the password step, then a code or a recovery code on the challenge it gave. Each attempt is one
 * unit of work: it claims the account (the per-account order), checks the lock, decides, and records the
 * verdict and its bookkeeping together; the answer goes out once that unit has committed. Argon2 (the
 * password, a recovery code) runs before the unit, one at a time per account in this process, so a burst
 * of guesses does not buy a burst of Argon2 work; the unit decides again on what it reads itself.
 */
import type { LoginRequest, LoginResponse, RecoveryRequest, RecoveryResponse, Session, TotpRequest } from '../../shared/api/schemas.js';
import { CODE_DIGITS, TOTP_PERIOD_SECONDS } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { verifySecret } from '../crypto/passwords.js';
import { open } from '../crypto/secret-box.js';
import { Refusal, tooManyAttempts } from '../refusal.js';
import { secretAad, type RecoveryCodeRow, type ThrottleState, type UserRow } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { matchStep } from '../totp/totp.js';
import { normaliseRecoveryCode } from '../totp/recovery-codes.js';
import { isTotpRequired, totpDisabled } from './environment.js';
import { oneAtATime } from './per-account.js';
import { issueSession } from './sessions.js';
import { accountKey, recordFailure, recordSuccess, secondsUntilAllowed } from './throttle.js';

const invalidCredentials = (): Refusal => new Refusal('invalid_credentials', 'The username or password is incorrect.');
const challengeExpired = (): Refusal => new Refusal('challenge_expired', 'This sign-in has expired. Start again with your password.');

export function login(ctx: Context, request: LoginRequest, address: string): Promise<LoginResponse> {
  return oneAtATime(request.username, () => checkPassword(ctx, request, address));
}

type PasswordOutcome = { readonly kind: 'failed'; readonly lock: number } | { readonly kind: 'passed'; readonly response: LoginResponse };

async function checkPassword(ctx: Context, request: LoginRequest, address: string): Promise<LoginResponse> {
  // From committed data, to spend no Argon2 on a locked account; the unit checks again.
  const { wait, found } = await ctx.store.read(async (view) => ({
    wait: await secondsUntilAllowed(ctx, view, request.username, address),
    found: await view.users.byUsername(request.username),
  }));
  if (wait > 0) throw tooManyAttempts(wait);
  // Unknown and disabled users cost one Argon2 verification too, so timing does not tell them apart.
  const passwordOk = await verifySecret(found?.passwordHash ?? (await ctx.dummyPasswordHash), request.password);
  // Decided and issued in one unit: a disable, revocation, enrollment or switch that committed during
  // the Argon2 wait is what this answer follows.
  const outcome = await ctx.store.write(async (tx): Promise<PasswordOutcome> => {
    const account = await tx.throttle.claim(accountKey(request.username));
    const waitNow = await secondsUntilAllowed(ctx, tx, account, address);
    if (waitNow > 0) throw tooManyAttempts(waitNow);
    const user = found && (await tx.users.byId(found.id));
    if (!passwordOk || user === undefined || user.disabled) {
      const reason = user === undefined ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
      // An unknown name may be a password typed into the wrong field: the name is not written to the audit trail.
      await tx.audit.record({ event: 'login_failed', userId: user?.id, username: user?.username, clientAddress: address, detail: { reason } });
      return { kind: 'failed', lock: await recordFailure(ctx, tx, { username: request.username, userId: user?.id }, account, address) };
    }
    return { kind: 'passed', response: await afterPassword(ctx, tx, user, account, address) };
  });
  if (outcome.kind === 'passed') return outcome.response;
  if (outcome.lock > 0) throw tooManyAttempts(outcome.lock);
  throw invalidCredentials();
}

/** What the right password leads to, decided on the account as it stands inside the caller's unit. */
async function afterPassword(ctx: Context, tx: Tx, user: UserRow, account: ThrottleState, address: string): Promise<LoginResponse> {
  const env = await tx.settings.environment();
  if (env.totpEnabled && (await tx.authenticators.countConfirmed(user.id)) > 0) {
    const now = ctx.clock.now();
    const { maxAttempts, ttlSeconds } = ctx.config.challenge;
    const challenge = await tx.challenges.create(user.id, now, ttlSeconds, maxAttempts);
    await tx.audit.record({ event: 'challenge_issued', userId: user.id, username: user.username, clientAddress: address });
    return {
      status: 'totp_required',
      challenge: {
        id: challenge.id,
        expiresAt: isoTime(challenge.expiresAt),
        expiresIn: ttlSeconds,
        attemptsRemaining: maxAttempts,
        methods: ['totp', 'recovery_code'],
        digits: CODE_DIGITS,
        period: TOTP_PERIOD_SECONDS,
      },
    };
  }
  await recordSuccess(tx, user.username, account);
  if (isTotpRequired(env, user)) {
    await tx.audit.record({ event: 'enrollment_required', userId: user.id, username: user.username, clientAddress: address });
    return { status: 'enrollment_required', enrollmentUrl: `${ctx.origin()}/enroll`, enrollmentSession: await issueSession(ctx, tx, user, 'enrollment') };
  }
  await tx.audit.record({ event: 'login_succeeded', userId: user.id, username: user.username, clientAddress: address, detail: { method: 'password' } });
  return { status: 'authenticated', session: await issueSession(ctx, tx, user, 'full') };
}

type Verdict = { readonly kind: 'accepted'; readonly detail: Readonly<Record<string, string>> } | { readonly kind: 'rejected' | 'replayed' };

/** One way to answer a challenge: its verdict, decided inside the attempt's unit. */
interface SecondStep {
  readonly method: 'totp' | 'recovery_code';
  decide(tx: Tx, user: UserRow): Promise<Verdict>;
}

type Outcome =
  | { readonly kind: 'expired' | 'disabled' }
  | { readonly kind: 'locked'; readonly wait: number; readonly left: number }
  | { readonly kind: 'accepted'; readonly user: UserRow; readonly session: Session; readonly recoveryCodesRemaining: number }
  | { readonly kind: 'failed'; readonly left: number; readonly lock: number };

/**
 * One attempt on a challenge, as a unit: the account is claimed first, then everything the verdict depends
 * on is read, the verdict made, and its bookkeeping (the spent attempt, the counted failure, the consumed
 * challenge and the new session, the audit rows) written beside it. Refusals are outcomes, not throws:
 * thrown, they would roll the failure's bookkeeping back.
 */
async function attempt(ctx: Context, tx: Tx, challengeId: string, address: string, step: SecondStep): Promise<Outcome> {
  if (!(await tx.settings.environment()).totpEnabled) return { kind: 'disabled' };
  const now = ctx.clock.now();
  const owner = await tx.challenges.ownerUsername(challengeId, now);
  if (owner === undefined) return { kind: 'expired' };
  const account = await tx.throttle.claim(accountKey(owner));
  // Read after the claim: an attempt ordered before this one may have used up or consumed the challenge.
  const challenge = await tx.challenges.findLive(challengeId, now);
  const user = challenge && (await tx.users.byId(challenge.userId));
  if (challenge === undefined || user === undefined || user.disabled) return { kind: 'expired' };
  const wait = await secondsUntilAllowed(ctx, tx, account, address);
  if (wait > 0) return { kind: 'locked', wait, left: challenge.attemptsRemaining };

  const subject = { userId: user.id, username: user.username, clientAddress: address };
  const verdict = await step.decide(tx, user);
  switch (verdict.kind) {
    case 'accepted': {
      await tx.challenges.consume(challenge.idHash);
      await recordSuccess(tx, user.username, account);
      await tx.audit.record({ event: step.method === 'totp' ? 'code_accepted' : 'recovery_code_used', ...subject, detail: verdict.detail });
      await tx.audit.record({ event: 'login_succeeded', ...subject, detail: { method: step.method } });
      const session = await issueSession(ctx, tx, user, 'full');
      return { kind: 'accepted', user, session, recoveryCodesRemaining: step.method === 'recovery_code' ? await tx.recoveryCodes.countUnused(user.id) : 0 };
    }
    case 'rejected':
    case 'replayed': {
      const left = (await tx.challenges.spendAttempt(challenge.idHash)) ?? 0;
      const event = step.method === 'recovery_code' ? 'recovery_code_rejected' : verdict.kind === 'replayed' ? 'code_replayed' : 'code_rejected';
      await tx.audit.record({ event, ...subject, detail: { attemptsRemaining: left } });
      return { kind: 'failed', left, lock: await recordFailure(ctx, tx, { username: user.username, userId: user.id }, account, address) };
    }
  }
}

/** The committed outcome as the caller's answer. */
function accepted(outcome: Outcome): Extract<Outcome, { kind: 'accepted' }> {
  switch (outcome.kind) {
    case 'disabled':
      throw totpDisabled();
    case 'expired':
      throw challengeExpired();
    case 'locked':
      throw tooManyAttempts(outcome.wait, outcome.left);
    case 'accepted':
      return outcome;
    case 'failed':
      if (outcome.lock > 0) throw tooManyAttempts(outcome.lock, outcome.left);
      throw new Refusal(
        'invalid_code',
        outcome.left > 0 ? 'That code is not correct.' : 'That code is not correct, and no attempts are left. Start again with your password.',
        { attemptsRemaining: outcome.left },
      );
  }
}

/** A code needs no slow work: the whole attempt is one unit, ordered per account by its claim. */
export async function verifyTotp(ctx: Context, request: TotpRequest, address: string): Promise<{ status: 'authenticated'; session: Session }> {
  const step: SecondStep = { method: 'totp', decide: (tx, user) => checkTotp(ctx, tx, user, request.code) };
  const { session } = accepted(await ctx.store.write((tx) => attempt(ctx, tx, request.challengeId, address, step)));
  return { status: 'authenticated', session };
}

/** A code from any confirmed authenticator; each time step is accepted once per authenticator. */
async function checkTotp(ctx: Context, tx: Tx, user: UserRow, code: string): Promise<Verdict> {
  const now = ctx.clock.now();
  let replayed = false;
  for (const a of await tx.authenticators.confirmed(user.id)) {
    const secret = open(ctx.key, a.secretCiphertext, secretAad(user.id, a.id));
    const step = matchStep(secret, code, now, ctx.config.totp.window);
    secret.fill(0);
    if (step === null) continue;
    if (await tx.authenticators.acceptStep(a.id, step, now)) return { kind: 'accepted', detail: { authenticator: a.name } };
    replayed = true;
  }
  return { kind: replayed ? 'replayed' : 'rejected' };
}

export async function verifyRecoveryCode(ctx: Context, request: RecoveryRequest, address: string): Promise<RecoveryResponse> {
  const owner = await ctx.store.read((view) => view.challenges.ownerUsername(request.challengeId, ctx.clock.now()));
  if (owner === undefined) throw challengeExpired();
  return oneAtATime(owner, async () => {
    // From committed data, to spend no Argon2 on a challenge or account that cannot succeed; the unit checks again.
    const user = await ctx.store.read(async (view) => {
      if (!(await view.settings.environment()).totpEnabled) throw totpDisabled();
      const live = await view.challenges.findLive(request.challengeId, ctx.clock.now());
      const found = live && (await view.users.byId(live.userId));
      if (live === undefined || found === undefined || found.disabled) throw challengeExpired();
      const wait = await secondsUntilAllowed(ctx, view, found.username, address);
      if (wait > 0) throw tooManyAttempts(wait, live.attemptsRemaining);
      return found;
    });
    const row = await matchingRecoveryCode(ctx, user, request.recoveryCode);
    const step: SecondStep = {
      method: 'recovery_code',
      decide: async (tx, decidedFor) => {
        if (row === null || decidedFor.id !== user.id) return { kind: 'rejected' };
        return (await tx.recoveryCodes.markUsed(row, ctx.clock.now())) ? { kind: 'accepted', detail: {} } : { kind: 'replayed' };
      },
    };
    const outcome = accepted(await ctx.store.write((tx) => attempt(ctx, tx, request.challengeId, address, step)));
    return { status: 'authenticated', session: outcome.session, recoveryCodesRemaining: outcome.recoveryCodesRemaining };
  });
}

/** The account's unused code the input matches, found by Argon2 outside any unit; null for none. */
async function matchingRecoveryCode(ctx: Context, user: UserRow, input: string): Promise<RecoveryCodeRow | null> {
  const code = normaliseRecoveryCode(input);
  if (code === null) return null;
  for (const row of await ctx.store.read((view) => view.recoveryCodes.unused(user.id))) {
    if (await verifySecret(row.codeHash, code)) return row;
  }
  return null;
}
