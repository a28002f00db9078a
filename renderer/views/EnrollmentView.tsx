/**
 * The account needs an authenticator: set-up happens in the browser or the mobile app, never here.
 * After "Open set-up page in browser" the view says what happened and what to do next, and focus
 * moves on: to "Back to sign in", or, when no browser could be opened, to the page's address.
 */
import { useRef } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { useFocusWhen } from '../app/use-focus-when.js';
import { useMessages } from '../i18n/messages.js';
import { ServerLine } from './ServerLine.js';

type Props = { readonly view: Extract<FlowView, { kind: 'enrollmentNeeded' }>; readonly send: (intent: Intent) => void };

export function EnrollmentView({ view, send }: Props) {
  const t = useMessages();
  const openRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  useFocusWhen(view.browser, () => {
    if (view.browser === 'notOpened') openRef.current?.focus();
    else if (view.browser === 'opened') backRef.current?.focus();
    else addressRef.current?.select();
  });
  return (
    <section className="card" aria-labelledby="enrollment-heading">
      <h1 id="enrollment-heading" data-testid="enrollment-heading">{t.enrollment.heading}</h1>
      <ServerLine server={view.server} />
      <p>{t.enrollment.body}</p>
      <p className="muted">{t.enrollment.steps}</p>
      <button type="button" className="primary" ref={openRef} onClick={() => send({ type: 'openEnrollment' })} data-testid="enrollment-open">
        {t.enrollment.open}
      </button>
      {/* Mounted empty, so that the sentence is read when it appears. */}
      <div role="status" className={view.browser === 'opened' ? 'status-note' : 'live-empty'}>
        {view.browser === 'opened' && <p>{t.enrollment.opened}</p>}
      </div>
      {view.browser === 'failed' && (
        <div className="problem" role="alert">
          <p>
            <label htmlFor="enrollment-address">{t.enrollment.openFailed}</label>
          </p>
          <input id="enrollment-address" ref={addressRef} readOnly value={view.enrollmentUrl} />
        </div>
      )}
      <button type="button" className="secondary" ref={backRef} onClick={() => send({ type: 'startAgain' })} data-testid="enrollment-back">
        {t.enrollment.backToSignIn}
      </button>
    </section>
  );
}
