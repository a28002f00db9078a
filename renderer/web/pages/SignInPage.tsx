/**
 * Browser sign-in: username and password, then (when the account has two-factor authentication)
 * the same code step as the desktop; or a link per identity provider the server offers, which
 * signs in there without any code; on a trusted computer (its token in an HttpOnly cookie that only
 * the server reads) the password alone signs in. Success goes where the person was heading, or to
 * the settings; an account that still needs an authenticator goes straight into enrollment. A
 * provider sign-in that failed comes back here with `sso_error` and `reason`: the page words it and
 * puts focus on it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isSsoFlowErrorCode } from '../../../shared/api/errors.js';
import type { Challenge, InfoResponse, LoginResponse, SsoProviderInfo } from '../../../shared/api/schemas.js';
import { isSsoProblem, type Problem } from '../../../shared/ipc/problem.js';
import { problemFromSsoError } from '../../../shared/ipc/problem-from-api-error.js';
import type { PagesMessages } from '../../../shared/messages/pages-en.js';
import { safeNext } from '../../../shared/pages/page-paths.js';
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
import { leaveSignInNote } from './sign-in-note.js';

const params = new URLSearchParams(window.location.search);

/** How a provider sign-in ended, from the query it came back with; null when it did not come back here. */
function returnedProblem(): Problem | null {
  const code = params.get('sso_error');
  if (code === null) return null;
  return isSsoFlowErrorCode(code) ? problemFromSsoError(code, params.get('reason')) : { kind: 'unexpected' };
}

/** The provider's start URL, asking to come back to where this page was heading. */
function providerLink(provider: SsoProviderInfo): string {
  const url = new URL(provider.startUrl, window.location.origin);
  url.searchParams.set('next', safeNext(params.get('next')) ?? '/settings');
  return url.toString();
}

/**
 * What the page says above the form: signed out; a session that ended; or, for someone who had no
 * session here (a first visit, a link from the app), what signing in is for. A failed provider sign-in
 * is what the person came back to, so it stands alone.
 */
function signInNotice(signedOut: string, words: PagesMessages['signIn'], providerFailed: boolean): string | null {
  if (params.get('signedOut') === '1') return signedOut;
  if (providerFailed) return null;
  if (params.get('ended') === '1') return words.sessionEnded;
  const next = safeNext(params.get('next'));
  return next === undefined ? null : words.purpose[next];
}

export function SignInPage() {
  const t = useMessages();
  const p = usePagesMessages();
  const announce = useAnnounce();
  const credentials = useCredentials('');
  const [busy, setBusy] = useState(false);
  const [returned] = useState(returnedProblem);
  const [problem, setProblem] = useState<Problem | null>(returned);
  /** Submit presses: each one that is refused or answered puts focus back into the form. */
  const [attempt, setAttempt] = useState(0);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [sso, setSso] = useState<{ readonly providers: readonly SsoProviderInfo[]; readonly first: boolean }>({ providers: [], first: false });
  const problemRef = useRef<HTMLDivElement>(null);
  const firstProvider = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    void api<InfoResponse>('GET', '/info').then((r) => {
      if (r.ok) setSso({ providers: r.value.sso.providers ?? [], first: r.value.sso.requiredForAll === true });
    });
  }, []);

  const notice = signInNotice(t.signIn.signedOut, p.signIn, returned !== null);
  useEffect(() => {
    if (notice !== null) announce(notice);
  }, [notice, announce]);
  // Also after coming back from the code step ("Start again", "Cancel").
  useFocusWhen(busy || challenge !== null ? null : `${attempt}`, () => {
    if (attempt === 0 && returned !== null) problemRef.current?.focus();
    else credentials.focusPrimary();
  });
  // A password refused because the account signs in with its provider: on to the provider's link.
  const toProvider = problem?.kind === 'ssoRequired' && sso.providers.length > 0;
  useFocusWhen(busy || !toProvider ? null : `${attempt}`, () => firstProvider.current?.focus());

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
    const answer = result.value;
    if (answer.status === 'totp_required') setChallenge(answer.challenge);
    else {
      // A trusted computer: no code was asked, and the next page says why.
      if (answer.status === 'authenticated' && answer.trustedComputer !== undefined) leaveSignInNote({ kind: 'codeSkipped', expiresAt: answer.trustedComputer.expiresAt });
      goOn(answer.status);
    }
  };

  if (challenge !== null) {
    return (
      <PageFrame title={t.windowTitle.code}>
        <CodeStep challenge={challenge} onStartAgain={() => setChallenge(null)} />
      </PageFrame>
    );
  }

  const providers = sso.providers.length > 0 && (
    <div className="providers" role="group" aria-label={t.signIn.providers}>
      {sso.providers.map((provider, index) => (
        <a
          key={provider.id}
          ref={index === 0 ? firstProvider : undefined}
          className={`button ${sso.first && index === 0 ? 'primary' : 'secondary'}`}
          href={providerLink(provider)}
          aria-describedby={problem !== null && isSsoProblem(problem) ? 'signin-problem' : undefined}
        >
          {t.signIn.withProvider(provider.displayName)}
        </a>
      ))}
    </div>
  );
  const divider = sso.providers.length > 0 && (
    <p className="or-divider" aria-hidden="true">
      <span>{t.signIn.or}</span>
    </p>
  );

  return (
    <PageFrame title={p.title.signIn}>
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-heading" aria-busy={busy} noValidate>
        <h1 id="signin-heading">{t.signIn.heading}</h1>
        {notice !== null && <p className="status-note">{notice}</p>}
        {sso.first && providers}
        {sso.first && divider}
        <CredentialFields
          {...credentials.fields}
          readOnly={busy}
          invalid={problem?.kind === 'invalidCredentials'}
          problemId={problem === null ? undefined : 'signin-problem'}
        />
        {problem !== null && (
          <ProblemMessage key={problemKey(problem, attempt)} problem={problem} id="signin-problem" {...(attempt === 0 && returned !== null ? { focusRef: problemRef } : {})} />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </button>
        {!sso.first && divider}
        {!sso.first && providers}
      </form>
    </PageFrame>
  );
}
