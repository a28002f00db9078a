/**
 * Browser sign-in: username and password, then (when the account has TOTP) the same code step as
 * the desktop. Success goes where the person was heading, or to the settings; an account that
 * still needs an authenticator goes straight into enrollment.
 */
import { useState, type FormEvent } from 'react';
import type { Challenge, LoginResponse } from '../../../shared/api/schemas.js';
import type { Problem } from '../../../shared/ipc/problem.js';
import { en } from '../../../shared/messages/en.js';
import { CredentialFields } from '../../components/CredentialFields.js';
import { pagesEn } from '../../../shared/messages/pages-en.js';
import { ProblemMessage, problemKey } from '../../components/ProblemMessage.js';
import { problemOf } from '../api/problem-of.js';
import { api } from '../api/web-api.js';
import { StatusText } from '../components/Messages.js';
import { PageFrame } from '../components/PageFrame.js';
import { goOn } from './after-sign-in.js';
import { CodeStep } from './CodeStep.js';

const params = new URLSearchParams(window.location.search);

export function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || username.trim() === '' || password === '') return;
    setBusy(true);
    const result = await api<LoginResponse>('POST', '/auth/login', { username: username.trim().slice(0, 256), password: password.slice(0, 1024) });
    setPassword('');
    setBusy(false);
    setAttempt((n) => n + 1);
    if (!result.ok) {
      setProblem(problemOf(result.failure, Date.now()));
      return;
    }
    setProblem(null);
    if (result.value.status === 'totp_required') setChallenge(result.value.challenge);
    else goOn(result.value.status);
  };

  if (challenge !== null) {
    return (
      <PageFrame title={en.windowTitle.code}>
        <CodeStep challenge={challenge} onStartAgain={() => setChallenge(null)} />
      </PageFrame>
    );
  }

  const notice = params.get('signedOut') === '1' ? pagesEn.signIn.signedOut : params.has('next') ? pagesEn.signIn.sessionEnded : null;
  return (
    <PageFrame title={pagesEn.title.signIn}>
      <form className="card" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
        <h1>{en.signIn.heading}</h1>
        <StatusText id="signin-notice" text={notice} />
        <CredentialFields
          username={username}
          password={password}
          onUsernameChange={setUsername}
          onPasswordChange={setPassword}
          readOnly={busy}
          focus="username"
          invalid={problem?.kind === 'invalidCredentials'}
          problemId={problem === null ? undefined : 'signin-problem'}
        />
        {problem !== null && <ProblemMessage key={problemKey(problem, attempt)} problem={problem} now={Date.now()} id="signin-problem" />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? en.signIn.busy : en.signIn.submit}
        </button>
      </form>
    </PageFrame>
  );
}
