/**
 * The verification-code window. Submits once, by itself, when the code is complete (Enter also
 * submits); locks while the server checks; after a wrong code clears and refocuses; counts down
 * a lock-out and the challenge's expiry; offers a recovery code instead.
 */
import { useEffect, useRef, useState } from 'react';
import { isCompleteCode, normaliseCode } from '../../shared/code/normalise-code.js';
import type { Intent } from '../../shared/ipc/intents.js';
import type { Problem } from '../../shared/ipc/problem.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';
import { useNow } from '../app/use-now.js';
import { CodeInput } from '../components/CodeInput.js';
import { ProblemMessage, problemKey } from '../components/ProblemMessage.js';
import { RecoveryCodeForm } from '../components/RecoveryCodeForm.js';

export type CodeViewModel = Extract<FlowView, { kind: 'code' }>;
type Props = {
  readonly view: CodeViewModel;
  readonly send: (intent: Intent) => void;
  /** Digits typed before this view existed (into code.html's early input). */
  readonly initialCode?: string;
};

const challengeOver = (problem: Problem | null) =>
  problem !== null && (problem.kind === 'challengeExpired' || (problem.kind === 'wrongCode' && problem.attemptsRemaining === 0));

export function CodeView({ view, send, initialCode = '' }: Props) {
  const [code, setCode] = useState(() => normaliseCode(initialCode, view.digits));
  const [recovery, setRecovery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const recoveryRef = useRef<HTMLInputElement>(null);
  /** The attempt a code was last sent for: one submission per attempt, however the code arrived. */
  const sentFor = useRef<number | null>(null);
  const now = useNow(true);

  const lockedUntil = view.problem?.kind === 'locked' ? view.problem.retryAt : null;
  const isLocked = lockedUntil !== null && lockedUntil > now;
  const expiredHere = now >= view.expiresAt;
  const over = challengeOver(view.problem) || expiredHere;
  const problem: Problem | null = view.problem ?? (expiredHere ? { kind: 'challengeExpired' } : null);
  const inputDisabled = view.busy || isLocked || over;
  const totp = view.method === 'totp';

  // Each answered attempt starts with empty boxes.
  const shownAttempt = useRef(view.attempt);
  useEffect(() => {
    if (shownAttempt.current === view.attempt) return;
    shownAttempt.current = view.attempt;
    setCode('');
    setRecovery('');
    sentFor.current = null;
  }, [view.attempt]);

  // Focus on open, after every answer, when a lock-out ends, and on switching method.
  useEffect(() => {
    if (inputDisabled) return;
    (totp ? inputRef : recoveryRef).current?.focus();
  }, [inputDisabled, totp, view.attempt]);

  const submitCode = (value: string) => {
    if (inputDisabled || !isCompleteCode(value, view.digits) || sentFor.current === view.attempt) return;
    sentFor.current = view.attempt;
    send({ type: 'submitCode', code: value });
  };

  // A code completed before the view existed is sent as soon as it exists.
  const sendEarlyCode = useRef(isCompleteCode(code, view.digits));
  useEffect(() => {
    if (!sendEarlyCode.current) return;
    sendEarlyCode.current = false;
    submitCode(code);
  });

  const onCodeChange = (value: string) => {
    setCode(value);
    submitCode(value);
  };

  const secondsLeft = Math.max(0, Math.ceil((view.expiresAt - now) / 1000));
  const describedBy = problem === null ? 'code-status' : 'code-problem code-status';

  return (
    <section className="card code-card" aria-labelledby="code-heading" aria-busy={view.busy}>
      <h1 id="code-heading">{totp ? en.code.heading : en.code.recoveryHeading}</h1>
      <p className="muted">{totp ? en.code.intro(view.digits) : en.code.recoveryIntro}</p>

      {totp ? (
        <form onSubmit={(e) => (e.preventDefault(), submitCode(code))} noValidate>
          <CodeInput
            id="code"
            inputRef={inputRef}
            digits={view.digits}
            value={code}
            onChange={onCodeChange}
            onEnter={() => submitCode(code)}
            label={en.code.label(view.digits)}
            disabled={inputDisabled}
            invalid={problem !== null && problem.kind === 'wrongCode'}
            describedBy={describedBy}
            autoFocus
          />
        </form>
      ) : (
        <RecoveryCodeForm
          inputRef={recoveryRef}
          value={recovery}
          onValueChange={setRecovery}
          onSubmit={(recoveryCode) => {
            if (sentFor.current === view.attempt) return;
            sentFor.current = view.attempt;
            send({ type: 'submitRecoveryCode', recoveryCode });
          }}
          disabled={inputDisabled}
          describedBy={describedBy}
          autoFocus
        />
      )}

      <p id="code-status" className="muted status">
        {view.busy ? en.code.verifying : over ? '' : en.code.expiresIn(secondsLeft)}
      </p>
      {problem !== null && <ProblemMessage key={problemKey(problem, view.attempt)} problem={problem} now={now} id="code-problem" />}

      <div className="actions">
        {over ? (
          <button type="button" className="primary" onClick={() => send({ type: 'startAgain' })}>
            {en.code.startAgain}
          </button>
        ) : (
          view.methods.length > 1 && (
            <button
              type="button"
              className="link"
              disabled={view.busy}
              onClick={() => send({ type: 'chooseMethod', method: totp ? 'recovery_code' : 'totp' })}
            >
              {totp ? en.code.useRecovery : en.code.useAuthenticator}
            </button>
          )
        )}
        <button type="button" className="secondary" onClick={() => send({ type: 'cancel' })}>
          {en.code.cancel}
        </button>
      </div>
    </section>
  );
}
