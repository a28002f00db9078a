/**
 * An administrator sets a new password for a user, in a modal dialog: the user's sessions and
 * trusted computers end. A refused password is named under the field, which keeps focus.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { AdminUser } from '../../../shared/api/schemas.js';
import { parseFieldReason } from '../../../shared/messages/field-reason.js';
import { FieldError } from '../../components/FieldError.js';
import { ModalDialog } from '../../components/ModalDialog.js';
import { PasswordField } from '../../components/PasswordField.js';
import { useLanguage, usePagesMessages } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api } from '../api/web-api.js';
import { NEW_PASSWORD_MIN } from './password-change.js';

interface Props {
  readonly user: AdminUser;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

export function AdminSetPassword({ user, onDone, onCancel }: Props) {
  const p = usePagesMessages();
  const t = p.admin;
  const language = useLanguage();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ readonly text: string; readonly attempt: number } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const refuse = (text: string) => {
    setError((last) => ({ text, attempt: (last?.attempt ?? 0) + 1 }));
    inputRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (password.length < NEW_PASSWORD_MIN) {
      refuse(p.settings.newTooShort(NEW_PASSWORD_MIN));
      return;
    }
    setBusy(true);
    const r = await api('POST', `/admin/users/${encodeURIComponent(user.id)}/password`, { newPassword: password });
    setBusy(false);
    if (r.ok) {
      onDone();
      return;
    }
    const reason = r.failure.kind === 'api' ? r.failure.fields?.['newPassword'] : undefined;
    refuse(reason === undefined ? problemText(r.failure, language) : p.field('newPassword', parseFieldReason(reason)));
  };

  return (
    <ModalDialog labelledBy="set-password-heading" onCancel={onCancel}>
      <form className="card" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
        <h2 id="set-password-heading">{t.setPasswordFor(user.username)}</h2>
        <p>{t.setPasswordBody}</p>
        <PasswordField
          id="admin-new-password"
          label={t.newPassword}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          readOnly={busy}
          inputRef={inputRef}
          invalid={error !== null}
          describedBy={error === null ? 'admin-new-password-hint' : 'admin-new-password-hint admin-new-password-error'}
        />
        <p id="admin-new-password-hint" className="muted hint">
          {p.settings.newPasswordHint(NEW_PASSWORD_MIN)}
        </p>
        <FieldError key={error?.attempt} id="admin-new-password-error" text={error?.text ?? null} />
        <div className="button-row">
          <button type="submit" className="danger" disabled={busy}>
            {t.setPassword}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
            {p.cancel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
