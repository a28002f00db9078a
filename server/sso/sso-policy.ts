/** Who may, and who must, sign in through an identity provider. */
import type { SsoMode } from '../../shared/api/schemas.js';
import type { UserRow } from '../store/rows.js';
import type { View } from '../store/store.js';

/** Password sign-in is refused: the account's own requirement, or everyone's unless the account opted out. */
export const mustUseSso = (mode: SsoMode, requiredForAll: boolean): boolean => mode === 'required' || (requiredForAll && mode !== 'off');

/** SSO sign-in is refused only for accounts whose mode is off. */
export const ssoPermitted = (mode: SsoMode): boolean => mode !== 'off';

/** Read inside the unit that decides a password sign-in. */
export async function passwordRefused(view: View, user: UserRow): Promise<boolean> {
  return mustUseSso(await view.sso.modes.of(user.id), (await view.settings.environment()).ssoRequiredForAll);
}

/** Can this account complete an SSO sign-in now? Read inside the unit that issues the session. */
export async function mayCompleteSso(view: View, userId: string): Promise<{ readonly user: UserRow } | { readonly refused: 'unknown' | 'disabled' | 'sso_off' }> {
  const user = await view.users.byId(userId);
  if (user === undefined) return { refused: 'unknown' };
  if (user.disabled) return { refused: 'disabled' };
  if (!ssoPermitted(await view.sso.modes.of(user.id))) return { refused: 'sso_off' };
  return { user };
}
