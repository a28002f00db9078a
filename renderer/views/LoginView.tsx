/**
 * The login form. The password lives only in this form's state until it is sent, and is cleared
 * as soon as it has been.
 */
import { useState, type FormEvent } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';
import { CredentialFields } from '../components/CredentialFields.js';
import { useNow } from '../app/use-now.js';
import { ProblemMessage, problemKey } from '../components/ProblemMessage.js';
import { ServerLine } from './ServerLine.js';

export type LoginViewModel = Extract<FlowView, { kind: 'signIn' }>;
type Props = { readonly view: LoginViewModel; readonly send: (intent: Intent) => void; readonly inert?: boolean };

export function LoginView({ view, send, inert = false }: Props) {
  const [username, setUsername] = useState(view.username);
  const [password, setPassword] = useState('');
  const [keep, setKeep] = useState(view.keepSignedIn);
  const locked = view.problem?.kind === 'locked' ? view.problem.retryAt : null;
  const now = useNow(locked !== null);
  const isLocked = locked !== null && locked > now;
  const disabled = view.busy || inert;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disabled || isLocked || username.trim() === '' || password === '') return;
    send({ type: 'submitCredentials', username: username.trim().slice(0, 256), password: password.slice(0, 1024), keepSignedIn: keep });
    setPassword('');
  };

  return (
    <form className="card" onSubmit={submit} aria-busy={view.busy} noValidate>
      <h1>{en.signIn.heading}</h1>
      <ServerLine server={view.server} />
      {!view.server.locked && (
        <button type="button" className="link server-change" onClick={() => send({ type: 'changeServer' })} disabled={disabled}>
          {en.signIn.changeServer}
        </button>
      )}
      <CredentialFields
        username={username}
        password={password}
        onUsernameChange={setUsername}
        onPasswordChange={setPassword}
        readOnly={disabled}
        focus={view.username === '' ? 'username' : 'password'}
        invalid={view.problem?.kind === 'invalidCredentials'}
        problemId={view.problem === null ? undefined : 'signin-problem'}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={keep && view.canKeepSignedIn}
          disabled={!view.canKeepSignedIn || disabled}
          onChange={(e) => setKeep(e.target.checked)}
        />
        {view.canKeepSignedIn ? en.signIn.keepSignedIn : en.signIn.keepSignedInUnavailable}
      </label>
      {view.problem !== null && <ProblemMessage key={problemKey(view.problem)} problem={view.problem} now={now} id="signin-problem" />}
      <button type="submit" className="primary" disabled={disabled || isLocked}>
        {view.busy ? en.signIn.busy : en.signIn.submit}
      </button>
    </form>
  );
}
