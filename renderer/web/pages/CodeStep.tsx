/**
 * The verification-code step in the browser, with the desktop's six-box input, words and rules:
 * submits once when the code is complete; while the server checks it or a lock-out runs, the input
 * keeps focus but takes nothing; each answer starts with empty boxes in the render that makes them
 * writable again; once the challenge is over focus goes to "Start again" and an expired request says
 * so in place of whatever was said before; offers a recovery code, whose refusals are its own words.
 * When the server offers it, "Don't ask for a code on this computer" (unchecked until the person
 * checks it) asks it to trust this browser; the token then lives in an HttpOnly cookie the page never sees.
 */
import { useMemo, useRef, useState } from 'react';
import { challengeDeadline } from '../../../shared/api/challenge-deadline.js';
import { TRUSTED_COMPUTER_NAME_MAX, type Challenge, type CodeAcceptedResponse, type RecoveryResponse, type TrustComputerRequest } from '../../../shared/api/schemas.js';
import { isCompleteCode } from '../../../shared/code/normalise-code.js';
import { challengeIsOver, problemForMethod, shownCodeProblem } from '../../../shared/ipc/code-problem.js';
import type { Problem } from '../../../shared/ipc/problem.js';
import { EXPIRY, useCountdownAnnouncement } from '../../app/use-countdown-announcement.js';
import { useFocusWhen } from '../../app/use-focus-when.js';
import { useSecondsLeft } from '../../app/use-seconds-left.js';
import { CodeInput } from '../../components/CodeInput.js';
import { ProblemMessage, problemKey } from '../../components/ProblemMessage.js';
import { RecoveryCodeForm } from '../../components/RecoveryCodeForm.js';
import { useMessages, usePagesMessages } from '../../i18n/messages.js';
import { problemOf } from '../api/problem-of.js';
import { api } from '../api/web-api.js';
import { goOn } from './after-sign-in.js';
import { browserAndSystem } from './browser-name.js';
import { leaveSignInNote } from './sign-in-note.js';

type Method = 'totp' | 'recovery_code';

export function CodeStep({ challenge, onStartAgain }: { readonly challenge: Challenge; readonly onStartAgain: () => void }) {
  const t = useMessages();
  const trustWords = usePagesMessages().trust;
  const trustDays = challenge.trustedComputerDays ?? 0;
  const [trust, setTrust] = useState(false);
  const [method, setMethod] = useState<Method>('totp');
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  const [recoveryEmpty, setRecoveryEmpty] = useState(0);
  // "Enter one of your recovery codes" belongs to the empty field it was said for, not to a later attempt's.
  const [showRecoveryEmpty, setShowRecoveryEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const recoveryRef = useRef<HTMLInputElement>(null);
  const startAgainRef = useRef<HTMLButtonElement>(null);

  // Fixed when the challenge arrives, on this machine's clock.
  const expiresAt = useMemo(() => challengeDeadline(challenge, Date.now()), [challenge]);
  const expiryLeft = useSecondsLeft(expiresAt);
  const lockLeft = useSecondsLeft(problem?.kind === 'locked' ? problem.retryAt : null);
  const over = challengeIsOver(problem) || expiryLeft === 0;
  const waiting = busy || lockLeft > 0;
  const totp = method === 'totp';
  const shown: Problem | null = shownCodeProblem(problem, expiryLeft === 0);
  const expirySentence = t.code.expiresIn(expiryLeft);
  useCountdownAnnouncement(over ? null : expiryLeft, expirySentence, EXPIRY);

  useFocusWhen(over ? 'over' : `${attempt}:${method}:${recoveryEmpty}`, () => {
    if (over) startAgainRef.current?.focus();
    else (totp ? codeRef : recoveryRef).current?.focus();
  });

  const send = async (path: '/auth/totp' | '/auth/recovery', body: Readonly<Record<string, string>>) => {
    setBusy(true);
    const trustComputer: TrustComputerRequest | undefined =
      trust && trustDays > 0 ? { name: trustWords.computerName(browserAndSystem(navigator.userAgent)).slice(0, TRUSTED_COMPUTER_NAME_MAX), days: trustDays } : undefined;
    const result = await api<CodeAcceptedResponse | RecoveryResponse>('POST', path, { challengeId: challenge.id, ...body, ...(trustComputer === undefined ? {} : { trustComputer }) });
    if (result.ok) {
      // Granted only while the environment still offers it: the next page says so.
      const granted = result.value.trustedComputer;
      if (granted !== undefined) leaveSignInNote({ kind: 'trusted', expiresAt: granted.expiresAt });
      goOn('authenticated');
      return;
    }
    // One render: the answer, empty boxes, and the input writable again.
    setBusy(false);
    setCode('');
    setRecovery('');
    setShowRecoveryEmpty(false);
    setProblem(problemForMethod(problemOf(result.failure, Date.now()), path === '/auth/recovery' ? 'recovery_code' : 'totp'));
    setAttempt((n) => n + 1);
  };

  const submitCode = (value: string) => {
    if (waiting || over || !isCompleteCode(value, challenge.digits)) return;
    void send('/auth/totp', { code: value });
  };

  const describedBy = shown === null ? 'code-status' : 'code-problem code-status';
  const hasRecovery = challenge.methods.includes('recovery_code');
  const lockAlso = hasRecovery ? (totp ? t.code.lockIncludesRecovery : t.code.lockIncludesAuthenticator) : undefined;

  return (
    <section className="card code-card" aria-labelledby="code-heading" aria-busy={busy}>
      <h1 id="code-heading">{totp ? t.code.heading : t.code.recoveryHeading}</h1>
      <p className="muted">{totp ? t.code.intro(challenge.digits) : t.code.recoveryIntro}</p>
      {totp ? (
        <form onSubmit={(e) => (e.preventDefault(), submitCode(code))} noValidate>
          <CodeInput
            id="code"
            inputRef={codeRef}
            digits={challenge.digits}
            value={code}
            onChange={(value) => {
              setCode(value);
              submitCode(value);
            }}
            onEnter={() => submitCode(code)}
            label={t.code.label(challenge.digits)}
            readOnly={waiting}
            disabled={over}
            invalid={shown?.kind === 'wrongCode'}
            describedBy={describedBy}
          />
        </form>
      ) : (
        <RecoveryCodeForm
          inputRef={recoveryRef}
          value={recovery}
          onValueChange={setRecovery}
          onSubmit={(recoveryCode) => void send('/auth/recovery', { recoveryCode })}
          onEmpty={() => {
            setRecoveryEmpty((n) => n + 1);
            setShowRecoveryEmpty(true);
          }}
          showEmpty={showRecoveryEmpty}
          readOnly={waiting}
          disabled={over}
          describedBy={describedBy}
        />
      )}
      {trustDays > 0 && (
        <div className="trust-choice">
          <label className="checkbox">
            <input type="checkbox" checked={trust} disabled={over} aria-describedby="trust-hint" onChange={(e) => setTrust(e.target.checked)} />
            {trustWords.checkbox(trustDays)}
          </label>
          <p id="trust-hint" className="muted hint">
            {trustWords.checkboxHint}
          </p>
        </div>
      )}
      <p id="code-status" className="muted status">
        {busy ? t.code.verifying : over ? '' : expirySentence}
      </p>
      {shown !== null && <ProblemMessage key={problemKey(shown, attempt)} problem={shown} id="code-problem" whileLocked={lockAlso} />}
      <div className="actions">
        {over ? (
          <button type="button" className="primary" ref={startAgainRef} onClick={onStartAgain}>
            {t.code.startAgain}
          </button>
        ) : (
          hasRecovery &&
          lockLeft === 0 && (
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() => {
                setMethod(totp ? 'recovery_code' : 'totp');
                setProblem(null);
                setShowRecoveryEmpty(false);
                setAttempt((n) => n + 1);
              }}
            >
              {totp ? t.code.useRecovery : t.code.useAuthenticator}
            </button>
          )
        )}
        <a className="help-link" href="/help" target="_blank" rel="noopener">
          {t.code.help}
        </a>
        <button type="button" className="secondary" onClick={onStartAgain}>
          {t.code.cancel}
        </button>
      </div>
    </section>
  );
}
