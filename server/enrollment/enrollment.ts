import type { Authenticator, PendingAuthenticator } from '../../shared/api/schemas.js';
import { assertTotpEnabled, totpDisabled } from '../auth/environment.js';
import type { Grant } from '../auth/session-rules.js';
import { endUserSessions } from '../auth/sessions.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { seal } from '../crypto/secret-box.js';
import { endTrustedComputers } from '../trusted/endings.js';
import { randomId } from '../crypto/tokens.js';
import { forbidden, invalidRequest, notFound, type Refusal } from '../refusal.js';
import { secretAad, type AuthenticatorRow } from '../store/rows.js';
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

const noRecoveryCodesYet = (): Refusal => forbidden('Recovery codes are made once you have an authenticator.');

export async function addAuthenticator(ctx: Context, access: Grant, rawName: string, address: string): Promise<PendingAuthenticator> {
  const name = rawName.trim();
  if (name === '') throw invalidRequest({ name: 'must not be blank' });
  const id = randomId('au');
  const secret = newSecret();
  const { user, expiresAt, issuer } = await ctx.store.write(async (tx) => {
    const { user } = await access.recheck(tx);
    const env = await tx.settings.environment();
    if (!env.totpEnabled) throw totpDisabled();
    const now = ctx.clock.now();
    if (await tx.authenticators.nameTaken(user.id, name, now)) throw invalidRequest({ name: 'is already used by another of your authenticators' });
    if ((await tx.authenticators.countLive(user.id, now)) >= MAX_AUTHENTICATORS) {
      throw invalidRequest({ name: `you already have ${MAX_AUTHENTICATORS} authenticators; remove one first` });
    }
    await tx.authenticators.deleteExpiredPending(now);
    const expiresAt = now + ctx.config.enrollment.pendingTtlSeconds * 1000;
    await tx.authenticators.insertPending({
      id,
      userId: user.id,
      name,
      secretCiphertext: seal(ctx.key, secret, secretAad(user.id, id)),
      now,
      expiresAt,
      attempts: ctx.config.enrollment.maxConfirmAttempts,
    });
    await tx.audit.record({ event: 'authenticator_added', userId: user.id, username: user.username, clientAddress: address, detail: { name } });
    return { user, expiresAt, issuer: env.name || ctx.config.issuer };
  });
  const uri = otpauthUri(secret, issuer, user.username);
  const answer = {
    id,
    name,
    secret: base32(secret),
    otpauthUri: uri,
    // Loaded on first use: the QR code encoder is for enrollment only, not for every server's memory.
    qrCode: await (await import('qrcode')).default.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
    expiresAt: isoTime(expiresAt),
  };
  secret.fill(0);
  return answer;
}

export async function removeAuthenticator(ctx: Context, access: Grant, id: string, address: string): Promise<void> {
  await ctx.store.write(async (tx) => {
    const { session, user } = await access.recheck(tx);
    const found = await tx.authenticators.find(user.id, id, ctx.clock.now());
    if (found === undefined || !(await tx.authenticators.delete(user.id, id))) throw notFound('There is no authenticator with that id.');
    if (found.confirmedAt === null) return;
    // Whoever holds the removed device must not stay signed in; the person removing it does.
    await endUserSessions(tx, user.id, session.tokenHash);
    if ((await tx.authenticators.countConfirmed(user.id)) === 0) await tx.recoveryCodes.deleteAll(user.id);
    await tx.audit.record({ event: 'authenticator_removed', userId: user.id, username: user.username, clientAddress: address, detail: { name: found.name } });
    await endTrustedComputers(tx, user, 'authenticator_removed', { by: 'user' }, address);
  });
}

export async function regenerateRecoveryCodes(ctx: Context, access: Grant, address: string): Promise<readonly string[]> {
  await ctx.store.read(async (view) => {
    // Again here: the session may have ended since the request's own check (a store's reads are not instant).
    await access.recheck(view);
    await assertTotpEnabled(view);
    if ((await view.authenticators.countConfirmed(access.user.id)) === 0) throw noRecoveryCodesYet();
  });
  const prepared = await prepareRecoveryCodes(ctx);
  await ctx.store.write(async (tx) => {
    const { user } = await access.recheck(tx);
    await assertTotpEnabled(tx);
    // Conditional: an account whose last authenticator went meanwhile gets no codes.
    if (!(await tx.recoveryCodes.replaceSet(user.id, prepared.hashes, ctx.clock.now()))) throw noRecoveryCodesYet();
    await tx.audit.record({
      event: 'recovery_codes_generated',
      userId: user.id,
      username: user.username,
      clientAddress: address,
      detail: { count: prepared.codes.length },
    });
  });
  return prepared.codes;
}

/**
 * An authenticator that is confirmed from the start, for the operator (the demo environment), never
 * reachable through the API: API enrollment always proves the secret with a code. Its last accepted
 * step lies before the window, so the code showing right now already signs in.
 */
export async function addConfirmedAuthenticator(ctx: Context, userId: string, name: string, secret: Buffer): Promise<string> {
  const now = ctx.clock.now();
  const id = randomId('au');
  await ctx.store.write(async (tx) => {
    await tx.authenticators.insertPending({ id, userId, name, secretCiphertext: seal(ctx.key, secret, secretAad(userId, id)), now, expiresAt: now + 60_000, attempts: 1 });
    await tx.authenticators.confirm(userId, id, timeStep(now) - ctx.config.totp.window - 1, now);
  });
  return id;
}
