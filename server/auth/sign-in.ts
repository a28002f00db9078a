import type { LoginRequest, LoginResponse, RecoveryRequest, RecoveryResponse, Session, TotpRequest } from '../../shared/api/schemas.js';
import { CODE_DIGITS, TOTP_PERIOD_SECONDS } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { verifySecret } from '../crypto/passwords.js';
import { open } from '../crypto/secret-box.js';
import { ApiError, tooManyAttempts } from '../http/api-error.js';
import { passwordRefused } from '../sso/sso-policy.js';
import { secretAad } from '../store/authenticators.js';
import type { RecoveryCodeRow } from '../store/recovery-codes.js';
import type { UserRow } from '../store/users.js';
import { matchStep } from '../totp/totp.js';
import { normaliseRecoveryCode } from '../totp/recovery-codes.js';
import { isTotpRequired, totpDisabled } from './environment.js';
import { oneAtATime } from './per-account.js';
import { issueSession } from './sessions.js';
import { assertNotLocked, recordFailure, recordSuccess } from './throttle.js';

const invalidCredentials = (): ApiError => new ApiError('invalid_credentials', 'The username or password is incorrect.');
const challengeExpired = (): ApiError =>
  new ApiError('challenge_expired', 'This sign-in has expired. Start again with your password.');

export function login(ctx: Context, request: LoginRequest, address: string): Promise<LoginResponse> {
  return oneAtATime(request.username, () => checkPassword(ctx, request, address));
}

type PasswordOutcome =
  | { readonly kind: 'failed'; readonly lock: number }
  | { readonly kind: 'sso_required' }
  | { readonly kind: 'passed'; readonly response: LoginResponse };

async function checkPassword(ctx: Context, request: LoginRequest, address: string): Promise<LoginResponse> {
  assertNotLocked(ctx, request.username, address);
  const found = ctx.users.byUsername(request.username);
  // Unknown and disabled users cost one Argon2 verification too, so timing does not tell them apart.
  const passwordOk = await verifySecret(found?.passwordHash ?? (await ctx.dummyPasswordHash), request.password);
  // Decided and issued in one write transaction: a disable, revocation, enrollment or switch that
  // committed during the Argon2 wait is what this answer follows.
  const outcome = ctx.write((): PasswordOutcome => {
    assertNotLocked(ctx, request.username, address);
    const user = found && ctx.users.byId(found.id);
    if (!passwordOk || user === undefined || user.disabled) {
      const reason = user === undefined ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
      // An unknown name may be a password typed into the wrong field: it is not written to the audit trail.
      ctx.audit({ event: 'login_failed', userId: user?.id, username: user?.username, clientAddress: address, detail: { reason } });
      return { kind: 'failed', lock: recordFailure(ctx, { username: request.username, userId: user?.id }, address) };
    }
    // Told only after the right password, so the answer does not reveal which accounts use SSO.
    if (passwordRefused(ctx, user)) {
      ctx.audit({ event: 'login_failed', userId: user.id, username: user.username, clientAddress: address, detail: { reason: 'sso_required' } });
      return { kind: 'sso_required' };
    }
    return { kind: 'passed', response: afterPassword(ctx, user, address) };
  });
  // Thrown after the commit, so the failure's bookkeeping stays written.
  switch (outcome.kind) {
    case 'passed':
      return outcome.response;
    case 'sso_required':
      throw new ApiError('sso_required', 'This account signs in through its identity provider, not with a password.');
    case 'failed':
      if (outcome.lock > 0) throw tooManyAttempts(outcome.lock);
      throw invalidCredentials();
  }
}

/** What the right password leads to, decided on the account as it stands inside the caller's transaction. */
function afterPassword(ctx: Context, user: UserRow, address: string): LoginResponse {
  const env = ctx.settings.environment();
  if (env.totpEnabled && ctx.authenticators.countConfirmed(user.id) > 0) {
    const now = ctx.clock.now();
    const { maxAttempts, ttlSeconds } = ctx.config.challenge;
    const challenge = ctx.challenges.create(user.id, now, ttlSeconds, maxAttempts);
    ctx.audit({ event: 'challenge_issued', userId: user.id, username: user.username, clientAddress: address });
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
  recordSuccess(ctx, user.username);
  if (isTotpRequired(ctx, user)) {
    ctx.audit({ event: 'enrollment_required', userId: user.id, username: user.username, clientAddress: address });
    return { status: 'enrollment_required', enrollmentUrl: `${ctx.origin()}/enroll`, enrollmentSession: issueSession(ctx, user, 'enrollment') };
  }
  ctx.audit({ event: 'login_succeeded', userId: user.id, username: user.username, clientAddress: address, detail: { method: 'password' } });
  return { status: 'authenticated', session: issueSession(ctx, user, 'full') };
}

type Verdict = { readonly kind: 'accepted'; readonly detail: Readonly<Record<string, string>> } | { readonly kind: 'rejected' | 'replayed' };

/**
 * One way to answer a challenge. `prepare` does slow work outside any transaction (Argon2 for a
 * recovery code); `decide` runs inside the request's single write transaction, so the verdict and
 * its bookkeeping commit together.
 */
interface SecondStep<Prepared> {
  readonly method: 'totp' | 'recovery_code';
  prepare(user: UserRow): Promise<Prepared>;
  decide(user: UserRow, prepared: Prepared): Verdict;
}

type Outcome =
  | { readonly kind: 'expired' | 'disabled' }
  | { readonly kind: 'accepted'; readonly session: Session }
  | { readonly kind: 'failed'; readonly left: number; readonly lock: number };

/** The part of the code and recovery-code steps that is the same: challenge, lock, attempts, audit. */
async function completeChallenge<P>(ctx: Context, challengeId: string, address: string, step: SecondStep<P>): Promise<{ user: UserRow; session: Session }> {
  const owner = ctx.challenges.ownerUsername(challengeId, ctx.clock.now());
  if (owner === undefined) throw challengeExpired();
  return oneAtATime(owner, () => checkChallenge(ctx, challengeId, address, step));
}

async function checkChallenge<P>(ctx: Context, challengeId: string, address: string, step: SecondStep<P>): Promise<{ user: UserRow; session: Session }> {
  // One read transaction: a WAL lock taken once rather than once per statement.
  const { challenge, user } = ctx.db.transaction(() => {
    if (!ctx.settings.environment().totpEnabled) throw totpDisabled();
    // Read inside the queue: an earlier request may have used up or consumed the challenge.
    const live = ctx.challenges.findLive(challengeId, ctx.clock.now());
    const owner = live && ctx.users.byId(live.userId);
    if (live === undefined || owner === undefined || owner.disabled) throw challengeExpired();
    assertNotLocked(ctx, owner.username, address, live.attemptsRemaining);
    return { challenge: live, user: owner };
  })();

  const prepared = await step.prepare(user);
  const subject = { userId: user.id, username: user.username, clientAddress: address };
  const outcome = ctx.write((): Outcome => {
    // Again after the await: the challenge may have been revoked, the user disabled or TOTP switched off meanwhile.
    if (!ctx.settings.environment().totpEnabled) return { kind: 'disabled' };
    const owner = ctx.users.byId(user.id);
    if (ctx.challenges.findLive(challengeId, ctx.clock.now()) === undefined || owner === undefined || owner.disabled) return { kind: 'expired' };
    const verdict = step.decide(user, prepared);
    switch (verdict.kind) {
      case 'accepted':
        ctx.challenges.consume(challenge.idHash);
        recordSuccess(ctx, user.username);
        ctx.audit({ event: step.method === 'totp' ? 'code_accepted' : 'recovery_code_used', ...subject, detail: verdict.detail });
        ctx.audit({ event: 'login_succeeded', ...subject, detail: { method: step.method } });
        return { kind: 'accepted', session: issueSession(ctx, owner, 'full') };
      case 'rejected':
      case 'replayed': {
        const left = ctx.challenges.spendAttempt(challenge.idHash) ?? 0;
        const event = step.method === 'recovery_code' ? 'recovery_code_rejected' : verdict.kind === 'replayed' ? 'code_replayed' : 'code_rejected';
        ctx.audit({ event, ...subject, detail: { attemptsRemaining: left } });
        return { kind: 'failed', left, lock: recordFailure(ctx, { username: user.username, userId: user.id }, address) };
      }
    }
  });

  // Errors are thrown after the commit: thrown inside, they would roll the failure's bookkeeping back.
  switch (outcome.kind) {
    case 'disabled':
      throw totpDisabled();
    case 'expired':
      throw challengeExpired();
    case 'accepted':
      return { user, session: outcome.session };
    case 'failed':
      if (outcome.lock > 0) throw tooManyAttempts(outcome.lock, outcome.left);
      throw new ApiError(
        'invalid_code',
        outcome.left > 0 ? 'That code is not correct.' : 'That code is not correct, and no attempts are left. Start again with your password.',
        { attemptsRemaining: outcome.left },
      );
  }
}

export async function verifyTotp(ctx: Context, request: TotpRequest, address: string): Promise<{ status: 'authenticated'; session: Session }> {
  const { session } = await completeChallenge(ctx, request.challengeId, address, {
    method: 'totp',
    prepare: () => Promise.resolve(undefined),
    decide: (user) => checkTotp(ctx, user, request.code),
  });
  return { status: 'authenticated', session };
}

/** A code from any confirmed authenticator; each time step is accepted once per authenticator. */
function checkTotp(ctx: Context, user: UserRow, code: string): Verdict {
  const now = ctx.clock.now();
  let replayed = false;
  for (const a of ctx.authenticators.confirmed(user.id)) {
    const secret = open(ctx.key, a.secretCiphertext, secretAad(user.id, a.id));
    const step = matchStep(secret, code, now, ctx.config.totp.window);
    secret.fill(0);
    if (step === null) continue;
    if (ctx.authenticators.acceptStep(a.id, step, now)) return { kind: 'accepted', detail: { authenticator: a.name } };
    replayed = true;
  }
  return { kind: replayed ? 'replayed' : 'rejected' };
}

export async function verifyRecoveryCode(ctx: Context, request: RecoveryRequest, address: string): Promise<RecoveryResponse> {
  const { user, session } = await completeChallenge(ctx, request.challengeId, address, {
    method: 'recovery_code',
    // The matching unused code's row, found by Argon2 outside the transaction.
    prepare: async (u): Promise<RecoveryCodeRow | null> => {
      const code = normaliseRecoveryCode(request.recoveryCode);
      if (code === null) return null;
      for (const row of ctx.recoveryCodes.unused(u.id)) {
        if (await verifySecret(row.codeHash, code)) return row;
      }
      return null;
    },
    decide: (_user, row) => {
      if (row === null) return { kind: 'rejected' };
      return ctx.recoveryCodes.markUsed(row, ctx.clock.now()) ? { kind: 'accepted', detail: {} } : { kind: 'replayed' };
    },
  });
  return { status: 'authenticated', session, recoveryCodesRemaining: ctx.recoveryCodes.countUnused(user.id) };
}
