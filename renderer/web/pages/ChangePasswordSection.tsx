/**
 * Changing one's own password: current, new and the new one again. A problem is named under the
 * field to fix, which gets focus; a lock-out counts down below the form. Success ends every other
 * session and every trusted computer; the section says so under its heading, which gets focus and
 * is scrolled into view (the page's own status line may be far above).
 */
import { Fragment, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '../../components/FieldError.js';
import { PasswordField } from '../../components/PasswordField.js';
import { ProblemMessage, problemKey } from '../../components/ProblemMessage.js';
import { usePagesMessages } from '../../i18n/messages.js';
import { useFocusWhen } from '../../app/use-focus-when.js';
import { api } from '../api/web-api.js';
import { StatusText, type Report } from '../components/Messages.js';
import { checkPasswordChange, NEW_PASSWORD_MIN, passwordChangeRefusal, problemField, type PasswordChangeField, type PasswordChangeProblem } from './password-change.js';

/** Each field's element id, its label's key, and the name the server gives it in a refusal. */
const FIELD = {
  current: { id: 'current-password', label: 'currentPassword', server: 'currentPassword' },
  new: { id: 'new-password', label: 'newPassword', server: 'newPassword' },
  repeat: { id: 'repeat-password', label: 'repeatPassword', server: 'newPassword' },
} as const satisfies Readonly<Record<PasswordChangeField, { readonly id: string; readonly label: string; readonly server: string }>>;

export function ChangePasswordSection({ reload, report }: { readonly reload: () => Promise<void>; readonly report: Report }) {
  const p = usePagesMessages();
  const t = p.settings;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PasswordChangeProblem | null>(null);
  /** Each answer or refusal: focus goes to the field to fix, or to the heading after success. */
  const [attempt, setAttempt] = useState(0);
  const [changed, setChanged] = useState(false);
  const refs = { current: useRef<HTMLInputElement>(null), new: useRef<HTMLInputElement>(null), repeat: useRef<HTMLInputElement>(null) };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const field = problem === null ? null : problemField(problem);

  useFocusWhen(busy || attempt === 0 ? null : `${attempt}`, () => {
    if (changed) {
      headingRef.current?.focus({ preventScroll: true });
      confirmationRef.current?.scrollIntoView({ block: 'center' });
    }
    else if (field !== null) refs[field].current?.focus();
  });

  const fieldText = (pr: PasswordChangeProblem): string | null => {
    switch (pr.kind) {
      case 'currentMissing':
        return t.currentMissing;
      case 'wrongCurrent':
        return t.wrongCurrent;
      case 'newTooShort':
        return t.newTooShort(NEW_PASSWORD_MIN);
      case 'mismatch':
        return t.mismatch;
      case 'refused':
        return p.field(FIELD[pr.field].server, pr.reason);
      case 'other':
        return null;
    }
  };
  const errorOf = (f: PasswordChangeField) => (problem !== null && field === f ? fieldText(problem) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChanged(false);
    const invalid = checkPasswordChange(current, next, repeat);
    if (invalid !== null) {
      setProblem(invalid);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    report(null, null);
    const result = await api('POST', '/me/password', { currentPassword: current, newPassword: next });
    setCurrent('');
    if (result.ok) {
      setNext('');
      setRepeat('');
      setProblem(null);
      setChanged(true);
      await reload();
    } else {
      setProblem(passwordChangeRefusal(result.failure, Date.now()));
    }
    setBusy(false);
    setAttempt((n) => n + 1);
  };

  const fields: readonly { readonly field: PasswordChangeField; readonly value: string; readonly onChange: (value: string) => void; readonly hint?: string }[] = [
    { field: 'current', value: current, onChange: setCurrent },
    { field: 'new', value: next, onChange: setNext, hint: t.newPasswordHint(NEW_PASSWORD_MIN) },
    { field: 'repeat', value: repeat, onChange: setRepeat },
  ];
  return (
    <form className="card" aria-labelledby="password-heading" aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="password-heading" ref={headingRef} tabIndex={-1}>
        {t.passwordHeading}
      </h2>
      <div ref={confirmationRef}>
        <StatusText id="password-changed" text={changed ? t.passwordChanged : null} />
      </div>
      {fields.map(({ field: f, value, onChange, hint }) => {
        const error = errorOf(f);
        const describedBy = [hint === undefined ? undefined : `${FIELD[f].id}-hint`, error === null ? undefined : `${FIELD[f].id}-error`].filter((id) => id !== undefined);
        return (
          <Fragment key={f}>
            <PasswordField
              id={FIELD[f].id}
              label={t[FIELD[f].label]}
              autoComplete={f === 'current' ? 'current-password' : 'new-password'}
              value={value}
              onChange={onChange}
              readOnly={busy}
              inputRef={refs[f]}
              invalid={field === f}
              describedBy={describedBy.length === 0 ? undefined : describedBy.join(' ')}
            />
            {hint !== undefined && (
              <p id={`${FIELD[f].id}-hint`} className="muted hint">
                {hint}
              </p>
            )}
            {/* Keyed by attempt: the same refusal again is a new alert, read out again. */}
            <FieldError key={attempt} id={`${FIELD[f].id}-error`} text={error} />
          </Fragment>
        );
      })}
      {problem?.kind === 'other' && <ProblemMessage key={problemKey(problem.problem, attempt)} problem={problem.problem} id="password-problem" />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t.changingPassword : t.changePassword}
      </button>
    </form>
  );
}
