/** The account needs an authenticator: set-up happens in the browser or the mobile app, never here. */
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';
import { ServerLine } from './ServerLine.js';

type Props = { readonly view: Extract<FlowView, { kind: 'enrollmentNeeded' }>; readonly send: (intent: Intent) => void };

export function EnrollmentView({ view, send }: Props) {
  return (
    <section className="card" aria-labelledby="enrollment-heading">
      <h1 id="enrollment-heading">{en.enrollment.heading}</h1>
      <ServerLine server={view.server} />
      <p>{en.enrollment.body}</p>
      <p className="muted">{en.enrollment.steps}</p>
      <button type="button" className="primary" onClick={() => send({ type: 'openEnrollment' })} autoFocus>
        {en.enrollment.open}
      </button>
      <button type="button" className="secondary" onClick={() => send({ type: 'startAgain' })}>
        {en.enrollment.tryAgain}
      </button>
    </section>
  );
}
