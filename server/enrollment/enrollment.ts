import QRCode from 'qrcode';
import type { Authenticator, ConfirmAuthenticatorResponse, PendingAuthenticator } from '../../shared/api/schemas.js';
import { endUserSessions, issueSession } from '../auth/sessions.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { open, seal } from '../crypto/secret-box.js';
import { randomId } from '../crypto/tokens.js';
import { ApiError, invalidRequest } from '../http/api-error.js';
import { secretAad, type AuthenticatorRow } from '../store/authenticators.js';
import type { SessionRow } from '../store/sessions.js';
import type { UserRow } from '../store/users.js';
import { base32, matchStep, newSecret, otpauthUri, timeStep } from '../totp/totp.js';
import { replaceRecoveryCodes } from './recovery.js';

/** Beyond this a user is more likely confused than well protected; also bounds the work of checking a code. */
export const MAX_AUTHENTICATORS = 10;

export const publicAuthenticator = (a: AuthenticatorRow): Authenticator => ({
  id: a.id,
  name: a.name,
  createdAt: isoTime(a.confirmedAt ?? a.createdAt),
  lastUsedAt: a.lastUsedAt === null ? null : isoTime(a.lastUsedAt),
});

export function assertTotpEnabled(ctx: Context): void {
  if (!ctx.settings.environment().totpEnabled) {
    throw new ApiError('totp_disabled', 'Two-factor authentication is not enabled for this environment.');
  }
}

export async function addAuthenticator(ctx: Context, user: UserRow, rawName: string, address: string): Promise<PendingAuthenticator> {
  assertTotpEnabled(ctx);
  const name = rawName.trim();
  const now = ctx.clock.now();
  if (name === '') throw invalidRequest({ name: 'must not be blank' });
  if (ctx.authenticators.nameTaken(user.id, name, now)) throw invalidRequest({ name: 'is already used by another of your authenticators' });
  if (ctx.authenticators.countLive(user.id, now) >= MAX_AUTHENTICATORS) {
    throw invalidRequest({ name: `you already have ${MAX_AUTHENTICATORS} authenticators; remove one first` });
  }
  ctx.authenticators.deleteExpiredPending(now);
  const id = randomId('au');
  const secret = newSecret();
  const expiresAt = now + ctx.config.enrollment.pendingTtlSeconds * 1000;
  ctx.authenticators.insertPending({
    id,
    userId: user.id,
    name,
    secretCiphertext: seal(ctx.key, secret, secretAad(user.id, id)),
    now,
    expiresAt,
    attempts: ctx.config.enrollment.maxConfirmAttempts,
  });
  const uri = otpauthUri(secret, ctx.settings.environment().name || ctx.config.issuer, user.username);
  ctx.audit({ event: 'authenticator_added', userId: user.id, username: user.username, clientAddress: address, detail: { name } });
  return {
    id,
    name,
    secret: base32(secret),
    otpauthUri: uri,
    qrCode: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
    expiresAt: isoTime(expiresAt),
  };
}

export async function confirmAuthenticator(
  ctx: Context,
  session: SessionRow,
  user: UserRow,
  id: string,
  code: string,
  address: string,
): Promise<ConfirmAuthenticatorResponse> {
  assertTotpEnabled(ctx);
  const now = ctx.clock.now();
  const pending = ctx.authenticators.find(user.id, id, now);
  if (pending === undefined || pending.confirmedAt !== null) throw new ApiError('not_found', 'There is no authenticator waiting for confirmation with that id.');
  const secret = open(ctx.key, pending.secretCiphertext, secretAad(user.id, id));
  const step = matchStep(secret, code, now, ctx.config.totp.window);
  secret.fill(0);
  const subject = { userId: user.id, username: user.username, clientAddress: address };
  if (step === null) {
    const left = ctx.authenticators.spendConfirmAttempt(id);
    ctx.audit({ event: 'authenticator_confirm_failed', ...subject, detail: { name: pending.name, attemptsRemaining: left } });
    throw new ApiError(
      'invalid_code',
      left > 0 ? 'That code is not correct. Check the time on your device and try the newest code.' : 'That code is not correct, and this set-up has ended. Start again.',
      { attemptsRemaining: left },
    );
  }
  const hadCodes = ctx.recoveryCodes.countUnused(user.id) > 0;
  if (!ctx.authenticators.confirm(id, step, now)) throw new ApiError('not_found', 'There is no authenticator waiting for confirmation with that id.');
  ctx.audit({ event: 'authenticator_confirmed', ...subject, detail: { name: pending.name } });
  const confirmed = ctx.authenticators.find(user.id, id, now);
  if (confirmed === undefined) throw new ApiError('not_found', 'The authenticator was removed meanwhile.');

  const recoveryCodes = hadCodes ? undefined : await replaceRecoveryCodes(ctx, user.id);
  if (recoveryCodes !== undefined) ctx.audit({ event: 'recovery_codes_generated', ...subject, detail: { count: recoveryCodes.length } });
  // An enrollment session has done its one job: it is exchanged for a full session.
  const fullSession = session.kind === 'enrollment' ? exchangeEnrollmentSession(ctx, session, user) : undefined;
  return {
    authenticator: publicAuthenticator(confirmed),
    ...(recoveryCodes === undefined ? {} : { recoveryCodes: [...recoveryCodes] }),
    ...(fullSession === undefined ? {} : { session: fullSession }),
  };
}

function exchangeEnrollmentSession(ctx: Context, session: SessionRow, user: UserRow) {
  ctx.sessions.delete(session.tokenHash);
  return issueSession(ctx, user, 'full');
}

export function removeAuthenticator(ctx: Context, session: SessionRow, user: UserRow, id: string, address: string): void {
  const found = ctx.authenticators.find(user.id, id, ctx.clock.now());
  if (found === undefined || !ctx.authenticators.delete(user.id, id)) throw new ApiError('not_found', 'There is no authenticator with that id.');
  if (found.confirmedAt === null) return;
  // Whoever holds the removed device must not stay signed in; the person removing it does.
  endUserSessions(ctx, user.id, session.tokenHash);
  if (ctx.authenticators.countConfirmed(user.id) === 0) ctx.recoveryCodes.deleteAll(user.id);
  ctx.audit({ event: 'authenticator_removed', userId: user.id, username: user.username, clientAddress: address, detail: { name: found.name } });
}

export async function regenerateRecoveryCodes(ctx: Context, user: UserRow, address: string): Promise<readonly string[]> {
  assertTotpEnabled(ctx);
  if (ctx.authenticators.countConfirmed(user.id) === 0) {
    throw new ApiError('forbidden', 'Recovery codes are made once you have an authenticator.');
  }
  const codes = await replaceRecoveryCodes(ctx, user.id);
  ctx.audit({ event: 'recovery_codes_generated', userId: user.id, username: user.username, clientAddress: address, detail: { count: codes.length } });
  return codes;
}

/**
 * An authenticator that is confirmed from the start, for the operator (the demo environment and the
 * benchmark), never reachable through the API: API enrollment always proves the secret with a code.
 * Its last accepted step lies before the window, so the code showing right now already signs in.
 */
export function addConfirmedAuthenticator(ctx: Context, userId: string, name: string, secret: Buffer): string {
  const now = ctx.clock.now();
  const id = randomId('au');
  ctx.db.transaction(() => {
    ctx.authenticators.insertPending({ id, userId, name, secretCiphertext: seal(ctx.key, secret, secretAad(userId, id)), now, expiresAt: now + 60_000, attempts: 1 });
    ctx.authenticators.confirm(id, timeStep(now) - ctx.config.totp.window - 1, now);
  })();
  return id;
}
