import { Refusal } from '../refusal.js';
import type { EnvironmentSettings, UserRow } from '../store/rows.js';
import type { View } from '../store/store.js';

/** Whether the user must have an authenticator, under the settings as read in the same unit or snapshot. */
export function isTotpRequired(env: EnvironmentSettings, user: UserRow): boolean {
  return env.totpEnabled && (env.totpRequiredForAll || user.totpRequired);
}

export const totpDisabled = (): Refusal => new Refusal('totp_disabled', 'Two-factor authentication is not enabled for this environment.');

/** Read each time (never cached), so `env set` from the command line applies at once. */
export async function assertTotpEnabled(view: View): Promise<void> {
  if (!(await view.settings.environment()).totpEnabled) throw totpDisabled();
}
