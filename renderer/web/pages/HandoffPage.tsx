/**
 * Where the desktop app carries its sign-in over to the browser. The page names the account the link
 * signs in as and waits for the person to continue: a link someone else sent can then not sign this
 * browser into their account unnoticed. Continuing spends the one-time code for a session in the
 * HttpOnly cookie and goes on to the page the app asked for; a code that is spent or expired says so
 * and offers the sign-in form.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { HandoffInspectResponse, HandoffPath, HandoffRedeemResponse, User } from '../../../shared/api/schemas.js';
import { signInUrl } from '../../../shared/pages/page-paths.js';
import { assertNever } from '../../../shared/util/assert-never.js';
import { usePagesMessages } from '../../i18n/messages.js';
import { api, type Failure } from '../api/web-api.js';
import { ErrorText } from '../components/Messages.js';
import { PageFrame } from '../components/PageFrame.js';
import { handoffCode } from './handoff-code.js';

type HandoffState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'asking'; readonly code: string; readonly user: User; readonly next: HandoffPath }
  | { readonly kind: 'continuing'; readonly user: User; readonly next: HandoffPath }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'failed' };

/** An answer from the server (handoff_invalid, or any refusal) means the link cannot be used; no answer, that it could not be checked. */
const settled = (failure: Failure): HandoffState => (failure.kind === 'api' ? { kind: 'invalid' } : { kind: 'failed' });

/** The account as the question names it: the username is what tells two people apart. */
const accountName = (user: User): string => (user.displayName === user.username ? user.username : `${user.displayName} (${user.username})`);

export function HandoffPage() {
  const t = usePagesMessages();
  const words = t.handoff;
  const code = handoffCode();
  const [state, setState] = useState<HandoffState>(code === null ? { kind: 'invalid' } : { kind: 'checking' });
  const question = useRef<HTMLParagraphElement>(null);
  const problem = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (code === null) return;
    void api<HandoffInspectResponse>('POST', '/auth/handoff/inspect', { code }).then((r) =>
      setState(r.ok ? { kind: 'asking', code, user: r.value.user, next: r.value.next } : settled(r.failure)),
    );
  }, [code]);

  // The question takes focus (and so is read out), not the button: a habitual Enter must not sign in as someone else.
  useEffect(() => {
    if (state.kind === 'asking') question.current?.focus();
    else if (state.kind === 'invalid' || state.kind === 'failed') problem.current?.focus();
  }, [state.kind]);

  const proceed = async () => {
    if (state.kind !== 'asking') return;
    setState({ kind: 'continuing', user: state.user, next: state.next });
    const r = await api<HandoffRedeemResponse>('POST', '/auth/handoff/redeem', { code: state.code });
    if (r.ok) window.location.assign(r.value.next);
    else setState(settled(r.failure));
  };

  return (
    <PageFrame title={words.title}>
      <div className="card" aria-labelledby="handoff-heading" aria-busy={state.kind === 'checking' || state.kind === 'continuing'}>
        <h1 id="handoff-heading">{words.heading}</h1>
        <HandoffBody state={state} questionRef={question} problemRef={problem} onContinue={() => void proceed()} />
      </div>
    </PageFrame>
  );
}

function HandoffBody({
  state,
  questionRef,
  problemRef,
  onContinue,
}: {
  readonly state: HandoffState;
  readonly questionRef: RefObject<HTMLParagraphElement | null>;
  readonly problemRef: RefObject<HTMLDivElement | null>;
  readonly onContinue: () => void;
}) {
  const words = usePagesMessages().handoff;
  switch (state.kind) {
    case 'checking':
      return <p>{words.checking}</p>;
    case 'asking':
    case 'continuing':
      return (
        <>
          <p ref={questionRef} tabIndex={-1} id="handoff-question">
            {words.question(accountName(state.user))}
          </p>
          <button type="button" className="primary" disabled={state.kind === 'continuing'} aria-describedby="handoff-question" onClick={onContinue}>
            {state.kind === 'continuing' ? words.continuing : words.continue}
          </button>
          <p>
            <a href={signInUrl(state.next)}>{words.notYou}</a>
          </p>
        </>
      );
    case 'invalid':
    case 'failed':
      return (
        <>
          <div ref={problemRef} tabIndex={-1}>
            <ErrorText id="handoff-problem" text={state.kind === 'invalid' ? words.invalid : words.failed} />
          </div>
          <a className="button primary" href="/signin">
            {words.signIn}
          </a>
        </>
      );
    default:
      return assertNever(state);
  }
}
