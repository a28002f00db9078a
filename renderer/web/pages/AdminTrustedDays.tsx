/**
 * The environment's most days a computer may be trusted, 0 for off. Turning it off ends every
 * trusted computer of every user, so that asks for a confirmation first.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '../../components/FieldError.js';
import { usePagesMessages } from '../../i18n/messages.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { parseTrustedDays } from './trusted-days.js';

interface Props {
  readonly days: number;
  readonly busy: boolean;
  readonly onSave: (days: number) => void;
}

export function AdminTrustedDays({ days, busy, onSave }: Props) {
  const t = usePagesMessages().admin;
  const [text, setText] = useState(String(days));
  const [invalid, setInvalid] = useState(0);
  const [confirmOff, setConfirmOff] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // The field shows what the server holds after each answer (the saved days, or the old ones after a refusal).
  useEffect(() => setText(String(days)), [days]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseTrustedDays(text);
    if (value === null) {
      setInvalid((n) => n + 1);
      inputRef.current?.focus();
      return;
    }
    setInvalid(0);
    if (value === 0 && days > 0) setConfirmOff(true);
    else onSave(value);
  };

  return (
    <form className="trusted-days" onSubmit={submit} noValidate>
      <label htmlFor="trusted-days">{t.trustedDays}</label>
      <div className="inline-field">
        <input
          id="trusted-days"
          ref={inputRef}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          size={4}
          value={text}
          readOnly={busy}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid > 0 || undefined}
          aria-describedby={invalid > 0 ? 'trusted-days-hint trusted-days-error' : 'trusted-days-hint'}
        />
        <button type="submit" className="secondary compact" disabled={busy}>
          {t.saveDays}
        </button>
      </div>
      <p id="trusted-days-hint" className="muted hint">
        {t.trustedDaysHint}
      </p>
      <FieldError key={invalid} id="trusted-days-error" text={invalid > 0 ? t.trustedDaysInvalid : null} />
      {confirmOff && (
        <ConfirmDialog
          heading={t.turnOffHeading}
          confirmLabel={t.turnOffConfirm}
          onCancel={() => setConfirmOff(false)}
          onConfirm={() => {
            setConfirmOff(false);
            onSave(0);
          }}
        >
          <p>{t.turnOffBody}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
