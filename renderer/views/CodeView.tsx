/**
 * The verification-code window. Submits once, by itself, when the code is complete (Enter also
 * submits). While the server checks the code, and during a lock-out, the input stays focused but
 * read-only, so focus never falls out of the window; each answered attempt starts with empty boxes
 * in the same render that makes them writable again. Counts the lock-out and the challenge's
 * expiry down; once the challenge is over, focus goes to "Start again", and an expired request says
 * so in place of whatever was said before. Says so when this computer's
 * clock is more than a minute from the server's. Where it is offered, "Don't ask for a code on this
 * computer" (unticked at first) goes with every code and recovery code sent. It follows the code
 * input, so the boxes do not move under digits typed into the early input, and has to be ticked
 * before the last digit (a complete code goes at once); a recovery code's "Verify" comes after it.
 */
import { useEffect, useRef, useState } from 'react';
import { isCompleteCode, normaliseCode } from '../../shared/code/normalise-code.js';
import { challengeIsOver, shownCodeProblem } from '../../shared/ipc/code-problem.js';
import type { Intent } from '../../shared/ipc/intents.js';
import type { Problem } from '../../shared/ipc/problem.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { EXPIRY, useCountdownAnnouncement } from '../app/use-countdown-announcement.js';
import { useFocusWhen } from '../app/use-focus-when.js';
import { useSecondsLeft } from '../app/use-seconds-left.js';
import { CodeInput } from '../components/CodeInput.js';
import { ProblemMessage, problemKey } from '../components/ProblemMessage.js';
import { RecoveryCodeForm } from '../components/RecoveryCodeForm.js';
import { useMessages } from '../i18n/messages.js';

export type CodeViewModel = Extract<FlowView, { kind: 'code' }>;
type Props = {
  readonly view: CodeViewModel;
  readonly send: (intent: Intent) => void;
  /** Digits typed before this view existed (into code.html's early input). */
  readonly initialCode?: string;
  /** Where the early input's caret was, so an arrow key pressed there is not lost. */
  readonly initialSelection?: readonly [number, number] | null;
};

export function CodeView({ view, send, initialCode = '', initialSelection = null }: Props) {
  const t = useMessages();
  const [code, setCode] = useState(() => normaliseCode(initialCode, view.digits));
  const [recovery, setRecovery] = useState('');
  const [recoveryEmpty, setRecoveryEmpty] = useState(0);
  // "Enter one of your recovery codes" belongs to the empty field it was said for, not to a later attempt's.
  const [showRecoveryEmpty, setShowRecoveryEmpty] = useState(false);
  const [trustComputer, setTrustComputer] = useState(false);
  // Each answered attempt starts with empty boxes, cleared in the render that shows the answer
  // (not in an effect after it), so the input is never writable while it still holds the old code.
  const [shownAttempt, setShownAttempt] = useState(view.attempt);
  if (shownAttempt !== view.attempt) {
    setShownAttempt(view.attempt);
    setCode('');
    setRecovery('');
    setShowRecoveryEmpty(false);
  }
  const inputRef = useRef<HTMLInputElement>(null);
  const recoveryRef = useRef<HTMLInputElement>(null);
  const startAgainRef = useRef<HTMLButtonElement>(null);
  /** The attempt a code was last sent for: one submission per attempt, however the code arrived. */
  const sentFor = useRef<number | null>(null);

  const lockLeft = useSecondsLeft(view.problem?.kind === 'locked' ? view.problem.retryAt : null);
  const expiryLeft = useSecondsLeft(view.expiresAt);
  const over = challengeIsOver(view.problem) || expiryLeft === 0;
  const problem: Problem | null = shownCodeProblem(view.problem, expiryLeft === 0);
  const waiting = view.busy || lockLeft > 0;
  const trustOffered = view.trustDays !== null;
  const totp = view.method === 'totp';
  const expirySentence = t.code.expiresIn(expiryLeft);
  useCountdownAnnouncement(over ? null : expiryLeft, expirySentence, EXPIRY);

  useFocusWhen(
    over ? 'over' : `${view.attempt}:${view.method}:${recoveryEmpty}`,
    () => {
      if (over) startAgainRef.current?.focus();
      else (totp ? inputRef : recoveryRef).current?.focus();
    },
  );

  const submitCode = (value: string) => {
    if (waiting || over || !isCompleteCode(value, view.digits) || sentFor.current === view.attempt) return;
    sentFor.current = view.attempt;
    send({ type: 'submitCode', code: value, trustComputer: trustOffered && trustComputer });
  };

  // A code completed before the view existed is sent as soon as it exists.
  const sendEarlyCode = useRef(isCompleteCode(code, view.digits));
  useEffect(() => {
    if (!sendEarlyCode.current) return;
    sendEarlyCode.current = false;
    submitCode(code);
  });

  const clockNote = view.computerClockOffset === null ? null : t.code.computerClock(view.computerClockOffset);
  const describedBy = [problem === null ? null : 'code-problem', 'code-status', clockNote === null ? null : 'code-clock'].filter((id) => id !== null).join(' ');
  const trustCheckbox = view.trustDays !== null && (
    <label className="checkbox trust-computer">
      <input type="checkbox" checked={trustComputer} onChange={(e) => setTrustComputer(e.target.checked)} disabled={over} data-testid="code-trust-computer" />
      {t.code.trustComputer(view.trustDays)}
    </label>
  );
  const lockAlso = view.methods.length > 1 ? (totp ? t.code.lockIncludesRecovery : t.code.lockIncludesAuthenticator) : undefined;

  return (
    <section className="card code-card" aria-labelledby="code-heading" aria-busy={view.busy} data-testid="code-window">
      <h1 id="code-heading" data-testid={totp ? 'code-heading' : 'code-recovery-heading'}>{totp ? t.code.heading : t.code.recoveryHeading}</h1>
      <p className="muted">{totp ? t.code.intro(view.digits) : t.code.recoveryIntro}</p>

      {totp ? (
        <form onSubmit={(e) => (e.preventDefault(), submitCode(code))} noValidate>
          <CodeInput
            id="code"
            inputRef={inputRef}
            digits={view.digits}
            value={code}
            onChange={(value) => {
              setCode(value);
              submitCode(value);
            }}
            onEnter={() => submitCode(code)}
            label={t.code.label(view.digits)}
            readOnly={waiting}
            disabled={over}
            invalid={problem !== null && problem.kind === 'wrongCode'}
            describedBy={describedBy}
            initialSelection={initialSelection}
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
            send({ type: 'submitRecoveryCode', recoveryCode, trustComputer: trustOffered && trustComputer });
          }}
          onEmpty={() => {
            setRecoveryEmpty((n) => n + 1);
            setShowRecoveryEmpty(true);
          }}
          showEmpty={showRecoveryEmpty}
          readOnly={waiting}
          disabled={over}
          describedBy={describedBy}
          beforeSubmit={trustCheckbox}
        />
      )}

      {totp && trustCheckbox}
      {clockNote !== null && (
        // Part of the input's description, so it is heard with the input; a status, so it is heard when it appears later.
        <p id="code-clock" className="muted clock-note" role="status">
          {clockNote}
        </p>
      )}
      <p id="code-status" className="muted status">
        {view.busy ? t.code.verifying : over ? '' : expirySentence}
      </p>
      {problem !== null && (
        <ProblemMessage key={problemKey(problem, view.attempt)} problem={problem} id="code-problem" whileLocked={lockAlso} />
      )}

      <div className="actions">
        {over ? (
          <button type="button" className="primary" ref={startAgainRef} onClick={() => send({ type: 'startAgain' })} data-testid="code-start-again">
            {t.code.startAgain}
          </button>
        ) : (
          // While locked, the other kind of code is locked too: the problem says so instead of offering it.
          view.methods.length > 1 &&
          lockLeft === 0 && (
            <button
              type="button"
              className="link"
              disabled={view.busy}
              onClick={() => send({ type: 'chooseMethod', method: totp ? 'recovery_code' : 'totp' })}
              data-testid={totp ? 'code-use-recovery' : 'code-use-authenticator'}
            >
              {totp ? t.code.useRecovery : t.code.useAuthenticator}
            </button>
          )
        )}
        <button type="button" className="link" onClick={() => send({ type: 'openHelp' })} data-testid="code-help">
          {t.code.help}
        </button>
        <button type="button" className="secondary" onClick={() => send({ type: 'cancel' })} data-testid="code-cancel">
          {t.code.cancel}
        </button>
      </div>
    </section>
  );
}
