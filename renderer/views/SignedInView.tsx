import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';

type Props = { readonly view: Extract<FlowView, { kind: 'signedIn' }>; readonly send: (intent: Intent) => void };

export function SignedInView({ view, send }: Props) {
  return (
    <section className="card" aria-labelledby="signed-in-heading" aria-busy={view.busy}>
      <h1 id="signed-in-heading">{en.signedIn.heading}</h1>
      <dl className="facts">
        <dt>{en.signedIn.as}</dt>
        <dd data-testid="signed-in-user">
          {view.displayName} <span className="muted">({view.username})</span>
        </dd>
        <dt>{en.signedIn.server}</dt>
        <dd>
          {view.server.name ?? en.signIn.serverUnknownName} <span className="muted">{view.server.url}</span>
        </dd>
        <dt>{en.signedIn.until}</dt>
        <dd>
          <time dateTime={new Date(view.expiresAt).toISOString()}>{en.time(view.expiresAt)}</time>
        </dd>
      </dl>
      {view.recoveryCodesRemaining !== null && (
        <p role="status" className={view.recoveryCodesRemaining <= 2 ? 'warning' : undefined}>
          {en.signedIn.recoveryCodesLeft(view.recoveryCodesRemaining)}
        </p>
      )}
      <p className="muted">{view.remembered ? en.signedIn.remembered : en.signedIn.notRemembered}</p>
      <button type="button" className="secondary" onClick={() => send({ type: 'openSettings' })} disabled={view.busy}>
        {en.signedIn.manage}
      </button>
      <button type="button" className="primary" onClick={() => send({ type: 'signOut' })} disabled={view.busy} autoFocus>
        {view.busy ? en.signedIn.signingOut : en.signedIn.signOut}
      </button>
    </section>
  );
}
