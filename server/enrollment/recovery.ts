import type { Context } from '../context.js';
import { hashSecret } from '../crypto/passwords.js';
import { newRecoveryCodes } from '../totp/recovery-codes.js';

/** A fresh set: the codes to show once, and their Argon2id hashes, the only form that is stored. */
export interface PreparedCodes {
  readonly codes: readonly string[];
  readonly hashes: readonly string[];
}

/** The slow part (Argon2 for every code), done before the unit of work that decides whether to store them. */
export async function prepareRecoveryCodes(ctx: Context): Promise<PreparedCodes> {
  const codes = newRecoveryCodes();
  return { codes, hashes: await Promise.all(codes.map((c) => hashSecret(c, ctx.config.argon2))) };
}

/** For the operator (the demo environment): a new set for an account that has an authenticator. */
export async function replaceRecoveryCodes(ctx: Context, userId: string): Promise<readonly string[] | undefined> {
  const prepared = await prepareRecoveryCodes(ctx);
  const written = await ctx.store.write((tx) => tx.recoveryCodes.replaceSet(userId, prepared.hashes, ctx.clock.now()));
  return written ? prepared.codes : undefined;
}
