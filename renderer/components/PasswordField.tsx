/**
 * A password input with a "Show password" toggle button (aria-pressed), for every password field
 * in the desktop app and the pages. The password is hidden again whenever the field is emptied,
 * as it is after every submit.
 */
import { useState, type Ref } from 'react';
import { useMessages } from '../i18n/messages.js';

export interface PasswordFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoComplete: 'current-password' | 'new-password';
  readonly readOnly?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly invalid?: boolean;
  readonly describedBy?: string | undefined;
  /** The field a window focuses after a change of state (see Notices). */
  readonly primary?: boolean;
}

export function PasswordField(props: PasswordFieldProps) {
  const t = useMessages();
  const [shown, setShown] = useState(false);
  if (shown && props.value === '') setShown(false);
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <div className="password-field">
        <input
          id={props.id}
          data-testid={props.id}
          ref={props.inputRef}
          name={props.id}
          type={shown ? 'text' : 'password'}
          autoComplete={props.autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          readOnly={props.readOnly}
          aria-invalid={props.invalid === true || undefined}
          aria-describedby={props.describedBy}
          data-primary-focus={props.primary === true || undefined}
          required
        />
        <button type="button" className="reveal" aria-pressed={shown} aria-controls={props.id} onClick={() => setShown((s) => !s)} data-testid={`${props.id}-show`}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M12 5C6.5 5 2.7 9.4 1.5 12c1.2 2.6 5 7 10.5 7s9.3-4.4 10.5-7C21.3 9.4 17.5 5 12 5Zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z" />
            {shown && <path d="M3.3 2.3 21.7 20.7l-1.4 1.4L1.9 3.7Z" />}
          </svg>
          <span className="visually-hidden">{t.signIn.showPassword}</span>
        </button>
      </div>
    </>
  );
}
