import { en } from '../../shared/messages/en.js';

export interface CredentialFieldsProps {
  readonly username: string;
  readonly password: string;
  readonly onUsernameChange: (value: string) => void;
  readonly onPasswordChange: (value: string) => void;
  /** While signing in the fields stay readable (and focusable) but cannot change. */
  readonly readOnly: boolean;
  /** The password field when the username is already known, so the person can type at once. */
  readonly focus: 'username' | 'password';
  readonly invalid: boolean;
  readonly problemId: string | undefined;
}

/** Username and password, the same in the desktop app and the browser pages. */
export function CredentialFields(props: CredentialFieldsProps) {
  return (
    <>
      <label htmlFor="username">{en.signIn.username}</label>
      <input
        id="username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={props.username}
        onChange={(e) => props.onUsernameChange(e.target.value)}
        readOnly={props.readOnly}
        autoFocus={props.focus === 'username'}
        required
      />
      <label htmlFor="password">{en.signIn.password}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={props.password}
        onChange={(e) => props.onPasswordChange(e.target.value)}
        readOnly={props.readOnly}
        autoFocus={props.focus === 'password'}
        required
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.problemId}
      />
    </>
  );
}
