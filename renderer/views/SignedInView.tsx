/**
 * Signed in: who, where and until when; the session is ended here with "Sign out". After a password
 * sign-in that this computer's trust let through without a code it says so, and after a code that
 * made this computer trusted it says until when; the announcement says it too. Focus starts on the
 * heading: nothing irreversible takes it after an automatic step.
 */
import { useEffect, useRef } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { useFocusWhen } from '../app/use-focus-when.js';
import { useAnnounce } from '../components/Announcer.js';
import { useMessages } from '../i18n/messages.js';

type Props = { readonly view: Extract<FlowView, { kind: 'signedIn' }>; readonly send: (intent: Intent) => void };

/** "Ada Lovelace (ada)", or just "ada" when the display name says nothing more. */
export function personLabel(displayName: string, username: string): { readonly name: string; readonly username: string | null } {
  return displayName.trim() === '' || displayName === username ? { name: username, username: null } : { name: displayName, username };
}

export function SignedInView({ view, send }: Props) {
  const t = useMessages();
  const announce = useAnnounce();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const person = personLabel(view.displayName, view.username);
  // The view often follows a step that finished by itself (a code submits itself once complete): focus goes
  // to the heading, never to "Sign out", so an Enter pressed out of habit right after the code does nothing.
  useFocusWhen(view.busy ? null : 'signed-in', () => headingRef.current?.focus());
  const trust = view.trustedComputer;
  const trustNote = trust === null ? null : trust.codeSkipped ? t.signedIn.codeSkipped(trust.until) : t.signedIn.trustedNow(trust.until);
  // The note comes with the sign-in, or a moment later once the keychain has kept a new trust: said either way.
  useEffect(() => announce(trustNote === null ? t.signedIn.announce(person.name) : `${t.signedIn.announce(person.name)} ${trustNote}`), [announce, t, person.name, trustNote]);
  return (
    <section className="card" aria-labelledby="signed-in-heading" aria-busy={view.busy} data-testid="signed-in">
      <h1 id="signed-in-heading" ref={headingRef} tabIndex={-1} data-primary-focus data-testid="signed-in-heading">
        {t.signedIn.heading}
      </h1>
      <dl className="facts">
        <dt>{t.signedIn.as}</dt>
        <dd data-testid="signed-in-user">
          {person.name}
          {person.username !== null && <span className="muted"> ({person.username})</span>}
        </dd>
        <dt>{t.signedIn.server}</dt>
        <dd>
          {view.server.name ?? t.signIn.serverUnknownName} <span className="muted">{view.server.url}</span>
        </dd>
        <dt>{t.signedIn.until}</dt>
        <dd>
          <time dateTime={new Date(view.expiresAt).toISOString()}>{t.time(view.expiresAt)}</time>
        </dd>
      </dl>
      {view.recoveryCodesRemaining !== null && (
        <p role="status" className={view.recoveryCodesRemaining <= 2 ? 'warning' : undefined}>
          {t.signedIn.recoveryCodesLeft(view.recoveryCodesRemaining)}
        </p>
      )}
      {trustNote !== null && <p className="status-note trusted-computer">{trustNote}</p>}
      <p className="muted">{view.remembered ? t.signedIn.remembered : t.signedIn.notRemembered}</p>
      <button type="button" className="secondary" onClick={() => send({ type: 'openSettings' })} disabled={view.busy} data-testid="signed-in-manage">
        {t.signedIn.manage}
      </button>
      <button type="button" className="primary" onClick={() => send({ type: 'signOut' })} disabled={view.busy} data-testid="signed-in-sign-out">
        {view.busy ? t.signedIn.signingOut : t.signedIn.signOut}
      </button>
    </section>
  );
}
