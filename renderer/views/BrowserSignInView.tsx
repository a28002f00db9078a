/**
 * A sign-in at the identity provider, in the system browser: the window says where to continue and
 * offers Cancel (focused) while it waits; once the browser is back, it says the sign-in is finishing.
 * Each step is read out as it comes.
 */
import { useEffect, useRef } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { useFocusWhen } from '../app/use-focus-when.js';
import { useAnnounce } from '../components/Announcer.js';
import { useMessages } from '../i18n/messages.js';
import { ServerLine } from './ServerLine.js';

type Props = { readonly view: Extract<FlowView, { kind: 'browserSignIn' }>; readonly send: (intent: Intent) => void };

export function BrowserSignInView({ view, send }: Props) {
  const t = useMessages();
  const announce = useAnnounce();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const body = t.browserSignIn.body(view.provider);
  useFocusWhen(view.finishing ? 'finishing' : 'waiting', () => (view.finishing ? headingRef.current : cancelRef.current)?.focus());
  useEffect(() => announce(view.finishing ? t.browserSignIn.finishing : body), [announce, t, body, view.finishing]);
  return (
    <section className="card" aria-labelledby="browser-heading" aria-busy={view.finishing}>
      <h1 id="browser-heading" ref={headingRef} tabIndex={-1} data-testid="browser-sign-in-heading">
        {t.browserSignIn.heading}
      </h1>
      <ServerLine server={view.server} />
      {view.finishing ? (
        <p className="status-note">{t.browserSignIn.finishing}</p>
      ) : (
        <>
          <p>{body}</p>
          <p className="muted">{t.browserSignIn.deadline}</p>
          <button type="button" className="secondary" ref={cancelRef} onClick={() => send({ type: 'cancel' })} data-testid="browser-sign-in-cancel">
            {t.browserSignIn.cancel}
          </button>
        </>
      )}
    </section>
  );
}
