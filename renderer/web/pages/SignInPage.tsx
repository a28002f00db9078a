/**
 * Browser sign-in: username and password, then (when the account has two-factor authentication)
 * the same code step as the desktop. Success goes where the person was heading, or to the
 * settings; an account that still needs an authenticator goes straight into enrollment.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Challenge, LoginResponse } from '../../../shared/api/schemas.js';
import type { Problem } from '../../../shared/ipc/problem.js';
import { useFocusWhen } from '../../app/use-focus-when.js';
import { useAnnounce } from '../../components/Announcer.js';
import { CredentialFields, useCredentials } from '../../components/CredentialFields.js';
import { ProblemMessage, problemKey } from '../../components/ProblemMessage.js';
import { useMessages, usePagesMessages } from '../../i18n/messages.js';
import { problemOf } from '../api/problem-of.js';
import { api } from '../api/web-api.js';
import { PageFrame } from '../components/PageFrame.js';
import { goOn } from './after-sign-in.js';
import { CodeStep } from './CodeStep.js';

const params = new URLSearchParams(window.location.search);

export function SignInPage() {
  const t = useMessages();
  const p = usePagesMessages();
  const announce = useAnnounce();
  const credentials = useCredentials('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  /** Submit presses: each one that is refused or answered puts focus back into the form. */
  const [attempt, setAttempt] = useState(0);
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  const notice = params.get('signedOut') === '1' ? t.signIn.signedOut : params.has('next') ? p.signIn.sessionEnded : null;
  useEffect(() => {
    if (notice !== null) announce(notice);
  }, [notice, announce]);
  // Also after coming back from the code step ("Start again", "Cancel").
  useFocusWhen(busy || challenge !== null ? null : `${attempt}`, credentials.focusPrimary);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    if (!credentials.check()) return;
    const { username, password } = credentials;
    setBusy(true);
    const result = await api<LoginResponse>('POST', '/auth/login', { username: username.trim().slice(0, 256), password: password.slice(0, 1024) });
    credentials.clearPassword();
    setBusy(false);
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
      <PageFrame title={t.windowTitle.code}>
        <CodeStep challenge={challenge} onStartAgain={() => setChallenge(null)} />
      </PageFrame>
    );
  }

  return (
    <PageFrame title={p.title.signIn}>
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-heading" aria-busy={busy} noValidate>
        <h1 id="signin-heading">{t.signIn.heading}</h1>
        {notice !== null && <p className="status-note">{notice}</p>}
        <CredentialFields
          {...credentials.fields}
          readOnly={busy}
          invalid={problem?.kind === 'invalidCredentials'}
          problemId={problem === null ? undefined : 'signin-problem'}
        />
        {problem !== null && <ProblemMessage key={problemKey(problem, attempt)} problem={problem} id="signin-problem" />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </button>
      </form>
    </PageFrame>
  );
}
