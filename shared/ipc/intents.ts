/**
 * What the renderer may ask of the main process. The main process validates every payload with
 * these schemas before it acts, so a compromised renderer cannot send anything else.
 */
import { Type, type Static } from 'typebox';
import Value from 'typebox/value';
import { SsoProviderId } from '../api/schemas.js';
import { NOTICES } from './view.js';

const strict = { additionalProperties: false } as const;
const empty = <K extends string>(type: K) => Type.Object({ type: Type.Literal(type) }, strict);

export const Intent = Type.Union([
  Type.Object({ type: Type.Literal('setServer'), address: Type.String({ maxLength: 2048 }) }, strict),
  empty('changeServer'),
  Type.Object(
    {
      type: Type.Literal('submitCredentials'),
      username: Type.String({ minLength: 1, maxLength: 256 }),
      password: Type.String({ minLength: 1, maxLength: 1024 }),
      keepSignedIn: Type.Boolean(),
    },
    strict,
  ),
  /** "Sign in with …": the system browser opens at the provider. */
  Type.Object(
    {
      type: Type.Literal('signInWithProvider'),
      providerId: SsoProviderId,
      keepSignedIn: Type.Boolean(),
    },
    strict,
  ),
  /** Asks the server again which ways of signing in it offers, after it could not be reached. */
  empty('reloadServerInfo'),
  /** `trustComputer`: "Don't ask for a code on this computer" was ticked; ignored where it is not offered. */
  Type.Object({ type: Type.Literal('submitCode'), code: Type.String({ minLength: 1, maxLength: 64 }), trustComputer: Type.Boolean() }, strict),
  Type.Object(
    { type: Type.Literal('submitRecoveryCode'), recoveryCode: Type.String({ minLength: 1, maxLength: 64 }), trustComputer: Type.Boolean() },
    strict,
  ),
  Type.Object(
    { type: Type.Literal('chooseMethod'), method: Type.Union([Type.Literal('totp'), Type.Literal('recovery_code')]) },
    strict,
  ),
  empty('cancel'),
  empty('startAgain'),
  empty('openEnrollment'),
  empty('openSettings'),
  /** "Can't use your authenticator app?": the help page policy names, or the server's own. */
  empty('openHelp'),
  empty('signOut'),
  Type.Object({ type: Type.Literal('dismissNotice'), notice: Type.Enum(NOTICES) }, strict),
]);
export type Intent = Static<typeof Intent>;
export type IntentType = Intent['type'];

export function isIntent(value: unknown): value is Intent {
  return Value.Check(Intent, value);
}
