/**
 * The login form. The password lives only in this form's state until it is sent, and is cleared
 * as soon as it has been. After every change of state focus goes to the field to fill in: the
 * empty one, else the password (cleared after each attempt), or the username when it is empty.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { useFocusWhen } from '../app/use-focus-when.js';
import { useSecondsLeft } from '../app/use-seconds-left.js';
import { useAnnounce } from '../components/Announcer.js';
import { CredentialFields, useCredentials } from '../components/CredentialFields.js';
import { ProblemMessage, problemKey } from '../components/ProblemMessage.js';
import { useMessages } from '../i18n/messages.js';
import { ServerLine } from './ServerLine.js';

export type LoginViewModel = Extract<FlowView, { kind: 'signIn' }>;
type Props = { readonly view: LoginViewModel; readonly send: (intent: Intent) => void; readonly inert?: boolean };

export function LoginView({ view, send, inert = false }: Props) {
  const t = useMessages();
  const announce = useAnnounce();
  const credentials = useCredentials(view.username);
  const [keep, setKeep] = useState(view.keepSignedIn);
  /** Submit presses refused for an empty field; each one moves focus to that field again. */
  const [refusals, setRefusals] = useState(0);
  /** Submissions sent: the same problem after another attempt is read out again. */
  const [sent, setSent] = useState(0);
  const lockLeft = useSecondsLeft(view.problem?.kind === 'locked' ? view.problem.retryAt : null);
  const disabled = view.busy || inert;

  useFocusWhen(disabled ? null : `${refusals}`, credentials.focusPrimary);
  useEffect(() => {
    if (view.signedOut) announce(t.signIn.signedOut);
  }, [view.signedOut, announce, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disabled || lockLeft > 0) return;
    if (!credentials.check()) {
      setRefusals((n) => n + 1);
      return;
    }
    const { username, password } = credentials;
    send({ type: 'submitCredentials', username: username.trim().slice(0, 256), password: password.slice(0, 1024), keepSignedIn: keep });
    setSent((n) => n + 1);
    credentials.clearPassword();
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="signin-heading" aria-busy={view.busy} noValidate>
      <h1 id="signin-heading">{t.signIn.heading}</h1>
      {view.signedOut && <p className="status-note">{t.signIn.signedOut}</p>}
      <ServerLine server={view.server} />
      {!view.server.locked && (
        <button type="button" className="link server-change" onClick={() => send({ type: 'changeServer' })} disabled={disabled}>
          {t.signIn.changeServer}
        </button>
      )}
      <CredentialFields
        {...credentials.fields}
        readOnly={disabled}
        invalid={view.problem?.kind === 'invalidCredentials'}
        problemId={view.problem === null ? undefined : 'signin-problem'}
      />
      {/* Without a keychain the notice above says so once; a disabled checkbox would only repeat it. */}
      {view.canKeepSignedIn && (
        <label className="checkbox">
          <input type="checkbox" checked={keep} disabled={disabled} onChange={(e) => setKeep(e.target.checked)} />
          {t.signIn.keepSignedIn}
        </label>
      )}
      {view.problem !== null && <ProblemMessage key={problemKey(view.problem, sent)} problem={view.problem} id="signin-problem" />}
      <button type="submit" className="primary" disabled={disabled || lockLeft > 0}>
        {view.busy ? t.signIn.busy : t.signIn.submit}
      </button>
    </form>
  );
}
