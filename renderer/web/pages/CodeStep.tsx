/**
 * The verification-code step in the browser, with the desktop's six-box input and words: submits
 * once when the code is complete, clears and refocuses after a wrong code, offers a recovery code.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { challengeDeadline } from '../../../shared/api/challenge-deadline.js';
import type { Challenge, RecoveryResponse } from '../../../shared/api/schemas.js';
import { isCompleteCode } from '../../../shared/code/normalise-code.js';
import type { Problem } from '../../../shared/ipc/problem.js';
import { en } from '../../../shared/messages/en.js';
import { useNow } from '../../app/use-now.js';
import { CodeInput } from '../../components/CodeInput.js';
import { ProblemMessage, problemKey } from '../../components/ProblemMessage.js';
import { RecoveryCodeForm } from '../../components/RecoveryCodeForm.js';
import { problemOf } from '../api/problem-of.js';
import { api } from '../api/web-api.js';
import { goOn } from './after-sign-in.js';

type Method = 'totp' | 'recovery_code';

export function CodeStep({ challenge, onStartAgain }: { readonly challenge: Challenge; readonly onStartAgain: () => void }) {
  const [method, setMethod] = useState<Method>('totp');
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const recoveryRef = useRef<HTMLInputElement>(null);
  const now = useNow(true);

  // Fixed when the challenge arrives, on this machine's clock.
  const expiresAt = useMemo(() => challengeDeadline(challenge, Date.now()), [challenge]);
  const over =
    problem?.kind === 'challengeExpired' || (problem?.kind === 'wrongCode' && problem.attemptsRemaining === 0) || now >= expiresAt;
  const locked = problem?.kind === 'locked' && problem.retryAt > now;
  const disabled = busy || over || locked;
  const totp = method === 'totp';
  const shown: Problem | null = problem ?? (now >= expiresAt ? { kind: 'challengeExpired' } : null);

  useEffect(() => {
    if (!disabled) (totp ? codeRef : recoveryRef).current?.focus();
  }, [disabled, totp, attempt]);

  const send = async (path: '/auth/totp' | '/auth/recovery', body: Record<string, string>) => {
    setBusy(true);
    const result = await api<RecoveryResponse>('POST', path, { challengeId: challenge.id, ...body });
    if (result.ok) {
      goOn('authenticated');
      return;
    }
    setBusy(false);
    setCode('');
    setRecovery('');
    setProblem(problemOf(result.failure, Date.now()));
    setAttempt((n) => n + 1);
  };

  const submitCode = (value: string) => {
    if (disabled || !isCompleteCode(value, challenge.digits)) return;
    void send('/auth/totp', { code: value });
  };

  const describedBy = shown === null ? 'code-status' : 'code-problem code-status';
  const secondsLeft = Math.max(0, Math.ceil((expiresAt - now) / 1000));

  return (
    <section className="card code-card" aria-labelledby="code-heading" aria-busy={busy}>
      <h1 id="code-heading">{totp ? en.code.heading : en.code.recoveryHeading}</h1>
      <p className="muted">{totp ? en.code.intro(challenge.digits) : en.code.recoveryIntro}</p>
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
            label={en.code.label(challenge.digits)}
            disabled={disabled}
            invalid={shown?.kind === 'wrongCode'}
            describedBy={describedBy}
            autoFocus
          />
        </form>
      ) : (
        <RecoveryCodeForm
          inputRef={recoveryRef}
          value={recovery}
          onValueChange={setRecovery}
          onSubmit={(recoveryCode) => void send('/auth/recovery', { recoveryCode })}
          disabled={disabled}
          describedBy={describedBy}
        />
      )}
      <p id="code-status" className="muted status">
        {busy ? en.code.verifying : over ? '' : en.code.expiresIn(secondsLeft)}
      </p>
      {shown !== null && <ProblemMessage key={problemKey(shown, attempt)} problem={shown} now={now} id="code-problem" />}
      <div className="actions">
        {over ? (
          <button type="button" className="primary" onClick={onStartAgain}>
            {en.code.startAgain}
          </button>
        ) : (
          challenge.methods.includes('recovery_code') && (
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() => {
                setMethod(totp ? 'recovery_code' : 'totp');
                setProblem(null);
              }}
            >
              {totp ? en.code.useRecovery : en.code.useAuthenticator}
            </button>
          )
        )}
        <button type="button" className="secondary" onClick={onStartAgain}>
          {en.code.cancel}
        </button>
      </div>
    </section>
  );
}
