/**
 * The login window's footer: the app's version, and "About Stepgate" with what it is, where it
 * signs in, and the diagnostics IT support asks for.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { useMessages } from '../i18n/messages.js';
import { DiagnosticsPanel } from './DiagnosticsPanel.js';

interface Props {
  readonly version: string;
  readonly server: string | null;
  readonly bridge: Pick<StepgateBridge, 'diagnostics' | 'copyDiagnostics'>;
}

export function AppFooter({ version, server, bridge }: Props) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  // The dialog focuses its first control (Copy diagnostics) as it opens; a person who opened About
  // to read it leaves with Close, so focus goes there. This runs after the dialog's own effect.
  useLayoutEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    <footer className="app-footer">
      <span className="muted">{t.about.footer(version)}</span>
      <button type="button" className="link" ref={opener} onClick={() => setOpen(true)} data-testid="about-open">
        {t.about.open}
      </button>
      {open && (
        <ModalDialog labelledBy="about-heading" className="about" onCancel={close}>
          <section className="card" data-testid="about">
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
            <DiagnosticsPanel bridge={bridge} />
            <button type="button" className="secondary" ref={closeButton} onClick={close} data-testid="about-close">
              {t.about.close}
            </button>
          </section>
        </ModalDialog>
      )}
    </footer>
  );
}
