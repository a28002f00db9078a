import type { Context } from '../context.js';
import { ApiError } from '../http/api-error.js';
import type { UserRow } from '../store/users.js';

/** Read from the settings each time (never cached), so `env set` from the command line applies at once. */
export function isTotpRequired(ctx: Context, user: UserRow): boolean {
  const env = ctx.settings.environment();
  return env.totpEnabled && (env.totpRequiredForAll || user.totpRequired);
}

export const totpDisabled = (): ApiError => new ApiError('totp_disabled', 'Two-factor authentication is not enabled for this environment.');

export function assertTotpEnabled(ctx: Context): void {
  if (!ctx.settings.environment().totpEnabled) throw totpDisabled();
}
