import type { FormEvent, RefObject } from 'react';
import { normaliseRecoveryCode } from '../../shared/code/normalise-code.js';
import { en } from '../../shared/messages/en.js';

export interface RecoveryCodeFormProps {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Called with the normalised code, never with an empty one. */
  readonly onSubmit: (recoveryCode: string) => void;
  readonly disabled: boolean;
  readonly describedBy: string;
  readonly autoFocus?: boolean;
}

/** "Use a recovery code instead", the same in the desktop app and the browser pages. */
export function RecoveryCodeForm(props: RecoveryCodeFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseRecoveryCode(props.value);
    if (!props.disabled && code !== '') props.onSubmit(code);
  };
  return (
    <form onSubmit={submit} noValidate className="recovery-form">
      <label htmlFor="recovery-code">{en.code.recoveryLabel}</label>
      <input
        id="recovery-code"
        ref={props.inputRef}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onValueChange(e.target.value.slice(0, 64))}
        disabled={props.disabled}
        aria-describedby={props.describedBy}
        autoFocus={props.autoFocus}
      />
      <button type="submit" className="primary" disabled={props.disabled || props.value.trim() === ''}>
        {en.code.recoverySubmit}
      </button>
    </form>
  );
}
