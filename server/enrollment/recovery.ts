import type { Context } from '../context.js';
import { hashSecret } from '../crypto/passwords.js';
import { newRecoveryCodes } from '../totp/recovery-codes.js';

/** A fresh set of codes, returned once in plain text and stored only as Argon2id hashes. */
export async function replaceRecoveryCodes(ctx: Context, userId: string): Promise<readonly string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashSecret(c, ctx.config.argon2)));
  ctx.recoveryCodes.replace(userId, hashes, ctx.clock.now());
  return codes;
}
