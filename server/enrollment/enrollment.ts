import QRCode from 'qrcode';
import type { Authenticator, PendingAuthenticator } from '../../shared/api/schemas.js';
import { assertTotpEnabled } from '../auth/environment.js';
import type { Grant } from '../auth/session-rules.js';
import { endUserSessions } from '../auth/sessions.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { seal } from '../crypto/secret-box.js';
import { randomId } from '../crypto/tokens.js';
import { ApiError, invalidRequest } from '../http/api-error.js';
import { secretAad, type AuthenticatorRow } from '../store/authenticators.js';
import { base32, newSecret, otpauthUri, timeStep } from '../totp/totp.js';
import { prepareRecoveryCodes } from './recovery.js';

/** Beyond this a user is more likely confused than well protected; also bounds the work of checking a code. */
export const MAX_AUTHENTICATORS = 10;

export const publicAuthenticator = (a: AuthenticatorRow): Authenticator => ({
  id: a.id,
  name: a.name,
  createdAt: isoTime(a.confirmedAt ?? a.createdAt),
  lastUsedAt: a.lastUsedAt === null ? null : isoTime(a.lastUsedAt),
});

const noRecoveryCodesYet = (): ApiError => new ApiError('forbidden', 'Recovery codes are made once you have an authenticator.');

export async function addAuthenticator(ctx: Context, access: Grant, rawName: string, address: string): Promise<PendingAuthenticator> {
  const name = rawName.trim();
  if (name === '') throw invalidRequest({ name: 'must not be blank' });
  const id = randomId('au');
  const secret = newSecret();
  const { user, expiresAt } = ctx.write(() => {
    const { user } = access.recheck();
    assertTotpEnabled(ctx);
    const now = ctx.clock.now();
    if (ctx.authenticators.nameTaken(user.id, name, now)) throw invalidRequest({ name: 'is already used by another of your authenticators' });
    if (ctx.authenticators.countLive(user.id, now) >= MAX_AUTHENTICATORS) {
      throw invalidRequest({ name: `you already have ${MAX_AUTHENTICATORS} authenticators; remove one first` });
    }
    ctx.authenticators.deleteExpiredPending(now);
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
    ctx.audit({ event: 'authenticator_added', userId: user.id, username: user.username, clientAddress: address, detail: { name } });
    return { user, expiresAt };
  });
  const uri = otpauthUri(secret, ctx.settings.environment().name || ctx.config.issuer, user.username);
  const answer = {
    id,
    name,
    secret: base32(secret),
    otpauthUri: uri,
    qrCode: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
    expiresAt: isoTime(expiresAt),
  };
  secret.fill(0);
  return answer;
}

export function removeAuthenticator(ctx: Context, access: Grant, id: string, address: string): void {
  ctx.write(() => {
    const { session, user } = access.recheck();
    const found = ctx.authenticators.find(user.id, id, ctx.clock.now());
    if (found === undefined || !ctx.authenticators.delete(user.id, id)) throw new ApiError('not_found', 'There is no authenticator with that id.');
    if (found.confirmedAt === null) return;
    // Whoever holds the removed device must not stay signed in; the person removing it does.
    endUserSessions(ctx, user.id, session.tokenHash);
    if (ctx.authenticators.countConfirmed(user.id) === 0) ctx.recoveryCodes.deleteAll(user.id);
    ctx.audit({ event: 'authenticator_removed', userId: user.id, username: user.username, clientAddress: address, detail: { name: found.name } });
  });
}

export async function regenerateRecoveryCodes(ctx: Context, access: Grant, address: string): Promise<readonly string[]> {
  assertTotpEnabled(ctx);
  if (ctx.authenticators.countConfirmed(access.user.id) === 0) throw noRecoveryCodesYet();
  const prepared = await prepareRecoveryCodes(ctx);
  ctx.write(() => {
    const { user } = access.recheck();
    assertTotpEnabled(ctx);
    // Conditional: an account whose last authenticator went meanwhile gets no codes.
    if (!ctx.recoveryCodes.replaceSet(user.id, prepared.hashes, ctx.clock.now())) throw noRecoveryCodesYet();
    ctx.audit({ event: 'recovery_codes_generated', userId: user.id, username: user.username, clientAddress: address, detail: { count: prepared.codes.length } });
  });
  return prepared.codes;
}

/**
 * An authenticator that is confirmed from the start, for the operator (the demo environment and the
 * benchmark), never reachable through the API: API enrollment always proves the secret with a code.
 * Its last accepted step lies before the window, so the code showing right now already signs in.
 */
export function addConfirmedAuthenticator(ctx: Context, userId: string, name: string, secret: Buffer): string {
  const now = ctx.clock.now();
  const id = randomId('au');
  ctx.write(() => {
    ctx.authenticators.insertPending({ id, userId, name, secretCiphertext: seal(ctx.key, secret, secretAad(userId, id)), now, expiresAt: now + 60_000, attempts: 1 });
    ctx.authenticators.confirm(userId, id, timeStep(now) - ctx.config.totp.window - 1, now);
  });
  return id;
}
