/**
 * Sign-in: the password step, then a code or a recovery code on the challenge it gave. Each attempt is one
 * unit of work: it claims the account (the per-account order), checks the lock, decides, and records the
 * verdict and its bookkeeping together; the answer goes out once that unit has committed. Argon2 (the
 * password, a recovery code) runs before the unit, one at a time per account in this process, so a burst
 * of guesses does not buy a burst of Argon2 work; the unit decides again on what it reads itself.
 *
 * Most answers here are refusals (wrong codes, wrong passwords), so they are returned, not thrown:
 * the route sends them as they are, without the cost of an exception on the way.
 */
import type { CodeRefusalReason } from '../../shared/api/errors.js';
import type {
  CodeAcceptedResponse,
  IssuedTrustedComputer,
  LoginRequest,
  LoginResponse,
  RecoveryRequest,
  RecoveryResponse,
  Session,
  TotpRequest,
  TrustOffer,
} from '../../shared/api/schemas.js';
import { CODE_DIGITS, TOTP_PERIOD_SECONDS } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { verifySecret } from '../crypto/passwords.js';
import { open } from '../crypto/secret-box.js';
import { Refusal, tooManyAttempts } from '../refusal.js';
import { passwordRefused } from '../sso/sso-policy.js';
import { secretAad, type EnvironmentSettings, type RecoveryCodeRow, type UserRow } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { matchStep, skewedStep, timeStep } from '../totp/totp.js';
import { normaliseRecoveryCode } from '../totp/recovery-codes.js';
import { offerTrust } from '../trusted/offer.js';
import { decideTrust, trustComputer, trustWish, type TrustWish } from '../trusted/trust.js';
import { isTotpRequired, totpDisabled } from './environment.js';
import { holdBack, isHeldBack } from './held-back-codes.js';
import { oneAtATime } from './per-account.js';
import { issueSession } from './sessions.js';
import {
  accountKey,
  claimAddress,
  claimForPassword,
  recordCodeFailure,
  recordPasswordFailure,
  recordPasswordSuccess,
  secondsUntilAllowed,
  secondsUntilAllowedNow,
  secondsUntilPasswordAllowed,
  secondsUntilPasswordAllowedNow,
} from './throttle.js';

const invalidCredentials = (): Refusal => new Refusal('invalid_credentials', 'The username or password is incorrect.');
const challengeExpired = (): Refusal => new Refusal('challenge_expired', 'This sign-in has expired. Start again with your password.');

export function login(ctx: Context, request: LoginRequest, address: string): Promise<LoginResponse | Refusal> {
  return oneAtATime(request.username, () => checkPassword(ctx, request, address));
}

type PasswordOutcome =
  | { readonly kind: 'locked'; readonly wait: number }
  | { readonly kind: 'failed'; readonly lock: number }
  | { readonly kind: 'sso_required' }
  | { readonly kind: 'passed'; readonly response: LoginResponse };

async function checkPassword(ctx: Context, request: LoginRequest, address: string): Promise<LoginResponse | Refusal> {
  // From committed data, to spend no Argon2 on a locked account; the unit checks again.
  const { wait, found } = await ctx.store.read(async (view) => ({
    wait: await secondsUntilPasswordAllowedNow(ctx, view, request.username, address),
    found: await view.users.byUsername(request.username),
  }));
  if (wait > 0) return tooManyAttempts(wait);
  // Unknown and disabled users cost one Argon2 verification too, so timing does not tell them apart.
  const passwordOk = await verifySecret(found?.passwordHash ?? (await ctx.dummyPasswordHash), request.password);
  // Decided and issued in one unit: a disable, revocation, enrollment or switch that committed during
  // the Argon2 wait is what this answer follows.
  const outcome = await ctx.store.write(async (tx): Promise<PasswordOutcome> => {
    const claimed = await claimForPassword(tx, request.username, address);
    const waitNow = secondsUntilPasswordAllowed(ctx, claimed);
    if (waitNow > 0) return { kind: 'locked', wait: waitNow };
    const user = found && (await tx.users.byId(found.id));
    // The hash verified must still be the account's: a password changed during the Argon2 wait wins.
    const current = passwordOk && user !== undefined && user.passwordHash === found?.passwordHash;
    if (!current || user === undefined || user.disabled) {
      const reason = user === undefined ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password';
      // An unknown name may be a password typed into the wrong field: the name is not written to the audit trail.
      await tx.audit.record({ event: 'login_failed', userId: user?.id, username: user?.username, clientAddress: address, detail: { reason } });
      return { kind: 'failed', lock: await recordPasswordFailure(ctx, tx, claimed, user) };
    }
    await recordPasswordSuccess(tx, claimed);
    // Told only after the right password, so the answer does not reveal which accounts use SSO.
    if (await passwordRefused(tx, user)) {
      await tx.audit.record({ event: 'login_failed', userId: user.id, username: user.username, clientAddress: address, detail: { reason: 'sso_required' } });
      return { kind: 'sso_required' };
    }
    return { kind: 'passed', response: await afterPassword(ctx, tx, user, address, request.trustedComputerToken) };
  });
  switch (outcome.kind) {
    case 'passed':
      return outcome.response;
    case 'locked':
      return tooManyAttempts(outcome.wait);
    case 'sso_required':
      return new Refusal('sso_required', 'This account signs in through its identity provider, not with a password.');
    case 'failed':
      return outcome.lock > 0 ? tooManyAttempts(outcome.lock) : invalidCredentials();
  }
}

/**
 * What the right password leads to, decided on the account as it stands inside the caller's unit. A
 * trusted computer's token counts only where a code would be asked for, and only instead of the code.
 */
async function afterPassword(ctx: Context, tx: Tx, user: UserRow, address: string, trustedToken: string | undefined): Promise<LoginResponse> {
  const env = await tx.settings.environment();
  if (env.totpEnabled && (await tx.authenticators.countConfirmed(user.id)) > 0) {
    if (trustedToken !== undefined) {
      const trust = await decideTrust(ctx, tx, user, env, trustedToken, address);
      if (trust.kind === 'honoured') {
        await tx.audit.record({ event: 'login_succeeded', userId: user.id, username: user.username, clientAddress: address, detail: { method: 'trusted_computer' } });
        return { status: 'authenticated', session: await issueSession(ctx, tx, user, 'full'), trustedComputer: trust.computer };
      }
    }
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
        trustedComputerDays: env.trustedComputerDays,
      },
    };
  }
  if (isTotpRequired(env, user)) {
    await tx.audit.record({ event: 'enrollment_required', userId: user.id, username: user.username, clientAddress: address });
    return { status: 'enrollment_required', enrollmentUrl: `${ctx.origin()}/enroll`, enrollmentSession: await issueSession(ctx, tx, user, 'enrollment') };
  }
  await tx.audit.record({ event: 'login_succeeded', userId: user.id, username: user.username, clientAddress: address, detail: { method: 'password' } });
  return { status: 'authenticated', session: await issueSession(ctx, tx, user, 'full') };
}

type Verdict =
  | { readonly kind: 'accepted'; readonly detail: Readonly<Record<string, string>> }
  | { readonly kind: 'rejected' | 'replayed' | 'skewed' };

/** One way to answer a challenge: its verdict, decided inside the attempt's unit. */
interface SecondStep {
  readonly method: 'totp' | 'recovery_code';
  /** This computer to be trusted once the code is accepted. */
  readonly trust: TrustWish | undefined;
  /** Otherwise, an offer to trust it once signed in, when the client asked for one. */
  readonly offer: boolean;
  decide(tx: Tx, user: UserRow): Promise<Verdict>;
}

type Outcome =
  | { readonly kind: 'expired' | 'disabled' }
  | { readonly kind: 'locked'; readonly wait: number; readonly left: number }
  | {
      readonly kind: 'accepted';
      readonly user: UserRow;
      readonly session: Session;
      readonly recoveryCodesRemaining: number;
      readonly trustedComputer: IssuedTrustedComputer | undefined;
      readonly trustOffer: TrustOffer | undefined;
    }
  | { readonly kind: 'failed'; readonly left: number; readonly lock: number; readonly reason: CodeRefusalReason; readonly method: SecondStep['method'] };

/**
 * One attempt on a challenge, as a unit: the account is claimed first, then everything the verdict depends
 * on is read, the verdict made, and its bookkeeping (the spent attempt, the counted failure, the consumed
 * challenge and the new session, the audit rows) written beside it. Refusals are outcomes, not throws:
 * thrown, they would roll the failure's bookkeeping back.
 */
async function attempt(ctx: Context, tx: Tx, challengeId: string, address: string, step: SecondStep): Promise<Outcome> {
  const env: EnvironmentSettings = await tx.settings.environment();
  if (!env.totpEnabled) return { kind: 'disabled' };
  // The account first (its claim orders this attempt behind every other on it), then what the verdict
  // depends on, read under that claim: an attempt before this one may have used the challenge up.
  const found = await tx.challenges.claimLive(challengeId, ctx.clock.now(), accountKey);
  if (found === undefined || found.user.disabled) return { kind: 'expired' };
  const { challenge, user } = found;
  const claimed = await claimAddress(tx, user.username, found.account, address);
  const wait = secondsUntilAllowed(ctx, claimed);
  if (wait > 0) return { kind: 'locked', wait, left: challenge.attemptsRemaining };

  const subject = { userId: user.id, username: user.username, clientAddress: address };
  const verdict = await step.decide(tx, user);
  switch (verdict.kind) {
    case 'accepted': {
      await tx.challenges.consume(challenge.idHash);
          await tx.audit.record({ event: step.method === 'totp' ? 'code_accepted' : 'recovery_code_used', ...subject, detail: verdict.detail });
      await tx.audit.record({ event: 'login_succeeded', ...subject, detail: { method: step.method } });
      const session = await issueSession(ctx, tx, user, 'full');
      const trustedComputer = step.trust === undefined ? undefined : await trustComputer(ctx, tx, env, step.trust, subject);
      // Not ticked before the code: the person may still choose it once signed in.
      const trustOffer = trustedComputer === undefined && step.offer ? await offerTrust(ctx, tx, env, user.id, session.token) : undefined;
      const recoveryCodesRemaining = step.method === 'recovery_code' ? await tx.recoveryCodes.countUnused(user.id) : 0;
      return { kind: 'accepted', user, session, recoveryCodesRemaining, trustedComputer, trustOffer };
    }
    case 'rejected':
    case 'replayed':
    case 'skewed': {
      const left = (await tx.challenges.spendAttempt(challenge.idHash)) ?? 0;
      const event = step.method === 'recovery_code' ? 'recovery_code_rejected' : verdict.kind === 'replayed' ? 'code_replayed' : 'code_rejected';
      const reason = REASONS[verdict.kind];
      await tx.audit.record({ event, ...subject, detail: { attemptsRemaining: left, ...(reason === 'incorrect' ? {} : { reason }) } });
      return { kind: 'failed', left, lock: await recordCodeFailure(ctx, tx, claimed, user.id), reason, method: step.method };
    }
  }
}

const REASONS: Readonly<Record<'rejected' | 'replayed' | 'skewed', CodeRefusalReason>> = { rejected: 'incorrect', replayed: 'already_used', skewed: 'clock_skew' };

const START_AGAIN = ' No attempts are left: start again with your password.';
const REFUSED: Readonly<Record<CodeRefusalReason, string>> = {
  incorrect: 'That code is not correct.',
  already_used: 'That code was just used. Wait for the next code from your authenticator app.',
  clock_skew:
    "That code belongs to another time: the clock on your phone looks wrong. Set the phone to take its time from the network, then use a new code.",
};

/** The committed outcome as the caller's answer. */
function answer(outcome: Outcome): Extract<Outcome, { kind: 'accepted' }> | Refusal {
  switch (outcome.kind) {
    case 'disabled':
      return totpDisabled();
    case 'expired':
      return challengeExpired();
    case 'locked':
      return tooManyAttempts(outcome.wait, outcome.left);
    case 'accepted':
      return outcome;
    case 'failed':
      // The refusal that starts a lock-out still says why the code was refused (a phone's clock, say).
      return outcome.lock > 0 ? tooManyAttempts(outcome.lock, outcome.left, outcome.reason) : refusedCode(outcome);
  }
}

function refusedCode({ method, reason, left }: Extract<Outcome, { kind: 'failed' }>): Refusal {
  const said = method === 'recovery_code' && reason === 'already_used' ? 'That recovery code has already been used.' : REFUSED[reason];
  return new Refusal('invalid_code', said + (left > 0 ? '' : START_AGAIN), { attemptsRemaining: left, reason });
}

/** The trusted computer, when one was made, or the offer to make one, beside the session. */
const withTrust = ({ trustedComputer, trustOffer }: Extract<Outcome, { kind: 'accepted' }>) => ({
  ...(trustedComputer === undefined ? {} : { trustedComputer }),
  ...(trustOffer === undefined ? {} : { trustOffer }),
});

/** A code needs no slow work: the whole attempt is one unit, ordered per account by its claim. */
export async function verifyTotp(ctx: Context, request: TotpRequest, address: string): Promise<CodeAcceptedResponse | Refusal> {
  const trust = trustWish(request.trustComputer);
  if (trust instanceof Refusal) return trust;
  const step: SecondStep = { method: 'totp', trust, offer: request.offerTrust === true, decide: (tx, user) => checkTotp(ctx, tx, user, request.code) };
  const result = answer(await ctx.store.write((tx) => attempt(ctx, tx, request.challengeId, address, step)));
  return result instanceof Refusal ? result : { status: 'authenticated', session: result.session, ...withTrust(result) };
}

/**
 * A code from any confirmed authenticator; each time step is accepted once per authenticator. A code that
 * matches no step near now but one within the skew window is the phone's clock, not a guess: it is told as
 * such, and a step ahead of now is held back so that code never signs in later.
 */
async function checkTotp(ctx: Context, tx: Tx, user: UserRow, code: string): Promise<Verdict> {
  const now = ctx.clock.now();
  const { window, skewDetectionSeconds } = ctx.config.totp;
  let replayed = false;
  let skewed = false;
  for (const a of await tx.authenticators.confirmed(user.id)) {
    const secret = open(ctx.key, a.secretCiphertext, secretAad(user.id, a.id));
    const step = matchStep(secret, code, now, window);
    const off = step === null ? skewedStep(secret, code, now, window, Math.floor(skewDetectionSeconds / TOTP_PERIOD_SECONDS)) : null;
    secret.fill(0);
    if (off !== null) {
      skewed = true;
      if (off > timeStep(now)) await holdBack(tx, a.id, off, window);
    }
    if (step === null) continue;
    if (!(await isHeldBack(tx, a.id, step, now)) && (await tx.authenticators.acceptStep(a.id, step, now))) {
      return { kind: 'accepted', detail: { authenticator: a.name } };
    }
    replayed = true;
  }
  return { kind: replayed ? 'replayed' : skewed ? 'skewed' : 'rejected' };
}

export async function verifyRecoveryCode(ctx: Context, request: RecoveryRequest, address: string): Promise<RecoveryResponse | Refusal> {
  const trust = trustWish(request.trustComputer);
  if (trust instanceof Refusal) return trust;
  const owner = await ctx.store.read((view) => view.challenges.ownerUsername(request.challengeId, ctx.clock.now()));
  if (owner === undefined) return challengeExpired();
  return oneAtATime(owner, async () => {
    // From committed data, to spend no Argon2 on a challenge or account that cannot succeed; the unit checks again.
    const user = await ctx.store.read(async (view): Promise<UserRow | Refusal> => {
      if (!(await view.settings.environment()).totpEnabled) return totpDisabled();
      const live = await view.challenges.findLive(request.challengeId, ctx.clock.now());
      const found = live && (await view.users.byId(live.userId));
      if (live === undefined || found === undefined || found.disabled) return challengeExpired();
      const wait = await secondsUntilAllowedNow(ctx, view, found.username, address);
      return wait > 0 ? tooManyAttempts(wait, live.attemptsRemaining) : found;
    });
    if (user instanceof Refusal) return user;
    const row = await matchingRecoveryCode(ctx, user, request.recoveryCode);
    const step: SecondStep = {
      method: 'recovery_code',
      trust,
      offer: request.offerTrust === true,
      decide: async (tx, decidedFor) => {
        if (row === null || decidedFor.id !== user.id) return { kind: 'rejected' };
        return (await tx.recoveryCodes.markUsed(row, ctx.clock.now())) ? { kind: 'accepted', detail: {} } : { kind: 'replayed' };
      },
    };
    const result = answer(await ctx.store.write((tx) => attempt(ctx, tx, request.challengeId, address, step)));
    return result instanceof Refusal
      ? result
      : { status: 'authenticated', session: result.session, recoveryCodesRemaining: result.recoveryCodesRemaining, ...withTrust(result) };
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
