/** The login window's footer: the app's version, and "About Stepgate" with what it is and where it signs in. */
import { useRef, useState } from 'react';
import { ModalDialog } from '../components/ModalDialog.js';
import { useMessages } from '../i18n/messages.js';

export function AppFooter({ version, server }: { readonly version: string; readonly server: string | null }) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    <footer className="app-footer">
      <span className="muted">{t.about.footer(version)}</span>
      <button type="button" className="link" ref={opener} onClick={() => setOpen(true)}>
        {t.about.open}
      </button>
      {open && (
        <ModalDialog labelledBy="about-heading" onCancel={close}>
          <section className="card">
            <h2 id="about-heading">{t.about.heading}</h2>
            <p>{t.about.body}</p>
            <dl className="facts">
              <dt>{t.about.version}</dt>
              <dd>{version}</dd>
              {server !== null && (
                <>
                  <dt>{t.about.server}</dt>
                  <dd>{server}</dd>
                </>
              )}
            </dl>
            <button type="button" className="secondary" onClick={close}>
              {t.about.close}
            </button>
          </section>
        </ModalDialog>
      )}
    </footer>
  );
}
