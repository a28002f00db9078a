/** Username and password, the same in the desktop app and the browser pages. */
import { useRef, useState, type RefObject } from 'react';
import { useMessages } from '../i18n/messages.js';
import { FieldError } from './FieldError.js';
import { PasswordField } from './PasswordField.js';

export type CredentialField = 'username' | 'password';

export interface CredentialFieldsProps {
  readonly username: string;
  readonly password: string;
  readonly onUsernameChange: (value: string) => void;
  readonly onPasswordChange: (value: string) => void;
  /** While signing in the fields stay readable (and focusable) but cannot change. */
  readonly readOnly: boolean;
  readonly usernameRef: RefObject<HTMLInputElement | null>;
  readonly passwordRef: RefObject<HTMLInputElement | null>;
  /** The field that gets focus after a change of state. */
  readonly primary: CredentialField;
  /** A field left empty, named under it. */
  readonly empty: CredentialField | null;
  /** The server refused the username and password. */
  readonly invalid: boolean;
  readonly problemId: string | undefined;
}

/** What to say about the first empty field, or null when both are filled in. */
export function emptyCredentialField(username: string, password: string): CredentialField | null {
  if (username.trim() === '') return 'username';
  return password === '' ? 'password' : null;
}

/**
 * The state of the two fields for a sign-in form: what is typed, which field was left empty (until
 * it is filled in), and which field gets focus after a change of state.
 */
export function useCredentials(initialUsername: string) {
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState<CredentialField | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const primary: CredentialField = empty ?? (username.trim() === '' ? 'username' : 'password');
  return {
    username,
    password,
    /** True when both are filled in; otherwise the first empty field is named under it. */
    check: (): boolean => {
      const missing = emptyCredentialField(username, password);
      setEmpty(missing);
      return missing === null;
    },
    clearPassword: () => setPassword(''),
    focusPrimary: () => (primary === 'username' ? usernameRef : passwordRef).current?.focus(),
    fields: {
      username,
      password,
      onUsernameChange: (value: string) => {
        setUsername(value);
        if (empty === 'username' && value.trim() !== '') setEmpty(null);
      },
      onPasswordChange: (value: string) => {
        setPassword(value);
        if (empty === 'password' && value !== '') setEmpty(null);
      },
      usernameRef,
      passwordRef,
      primary,
      empty,
    },
  } as const;
}

export function CredentialFields(props: CredentialFieldsProps) {
  const t = useMessages();
  const describedBy = (field: CredentialField) =>
    [props.empty === field ? `${field}-error` : undefined, field === 'password' ? props.problemId : undefined].filter((s) => s !== undefined).join(' ') ||
    undefined;
  return (
    <>
      <label htmlFor="username">{t.signIn.username}</label>
      <input
        id="username"
        data-testid="login-username"
        ref={props.usernameRef}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={props.username}
        onChange={(e) => props.onUsernameChange(e.target.value)}
        readOnly={props.readOnly}
        aria-invalid={props.empty === 'username' || undefined}
        aria-describedby={describedBy('username')}
        data-primary-focus={props.primary === 'username' || undefined}
        required
      />
      <FieldError id="username-error" text={props.empty === 'username' ? t.signIn.usernameRequired : null} />
      <PasswordField
        id="password"
        label={t.signIn.password}
        inputRef={props.passwordRef}
        autoComplete="current-password"
        value={props.password}
        onChange={props.onPasswordChange}
        readOnly={props.readOnly}
        invalid={props.invalid || props.empty === 'password'}
        describedBy={describedBy('password')}
        primary={props.primary === 'password'}
      />
      <FieldError id="password-error" text={props.empty === 'password' ? t.signIn.passwordRequired : null} />
    </>
  );
}
