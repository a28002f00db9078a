import type { FormEvent, ReactNode, RefObject } from 'react';
import { normaliseRecoveryCode } from '../../shared/code/normalise-code.js';
import { useMessages } from '../i18n/messages.js';
import { FieldError } from './FieldError.js';

export interface RecoveryCodeFormProps {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Called with the normalised code, never with an empty one. */
  readonly onSubmit: (recoveryCode: string) => void;
  /** Submitted empty: the view moves focus back to the field. */
  readonly onEmpty: () => void;
  /** Says under the field that a code is needed. */
  readonly showEmpty: boolean;
  /** While a code is checked or a lock-out runs: focused, but nothing can be typed. */
  readonly readOnly: boolean;
  readonly disabled: boolean;
  readonly describedBy: string;
  /** Shown between the field and "Verify", e.g. "Don't ask for a code on this computer". */
  readonly beforeSubmit?: ReactNode;
}

/** "Use a recovery code instead", the same in the desktop app and the browser pages. */
export function RecoveryCodeForm(props: RecoveryCodeFormProps) {
  const t = useMessages();
  const empty = props.showEmpty && props.value.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.disabled || props.readOnly) return;
    const code = normaliseRecoveryCode(props.value);
    if (code === '') props.onEmpty();
    else props.onSubmit(code);
  };
  return (
    <form onSubmit={submit} noValidate className="recovery-form">
      <label htmlFor="recovery-code">{t.code.recoveryLabel}</label>
      <input
        id="recovery-code"
        data-testid="code-recovery-input"
        ref={props.inputRef}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onValueChange(e.target.value.slice(0, 64))}
        readOnly={props.readOnly}
        disabled={props.disabled}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? `recovery-code-error ${props.describedBy}` : props.describedBy}
      />
      <FieldError id="recovery-code-error" text={empty ? t.code.recoveryRequired : null} />
      {props.beforeSubmit}
      <button type="submit" className="primary" disabled={props.disabled || props.readOnly} data-testid="code-recovery-verify">
        {t.code.recoverySubmit}
      </button>
    </form>
  );
}
