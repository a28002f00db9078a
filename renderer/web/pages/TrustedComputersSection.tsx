/**
 * The person's trusted computers in their settings: the list, Remove for each and Forget all, each
 * after a confirmation. Shown while the server offers trusted computers or any are left. After each
 * change focus goes to the section's heading and the page's status line says what happened.
 */
import { useRef, useState } from 'react';
import type { MeResponse, TrustedComputer } from '../../../shared/api/schemas.js';
import { useLanguage, usePagesMessages } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api } from '../api/web-api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import type { Report } from '../components/Messages.js';
import { TrustedComputersTable } from '../components/TrustedComputersTable.js';

type Pending = { readonly kind: 'remove'; readonly computer: TrustedComputer } | { readonly kind: 'forgetAll' } | null;

interface Props {
  /** Absent from a server without trusted computers. */
  readonly trusted: MeResponse['trustedComputers'];
  readonly reload: () => Promise<void>;
  readonly report: Report;
}

export function TrustedComputersSection({ trusted, reload, report }: Props) {
  const t = usePagesMessages().settings;
  const language = useLanguage();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { days, computers } = trusted ?? { days: 0, computers: [] };

  const end = async (path: string, done: string) => {
    setBusy(true);
    const result = await api('DELETE', path);
    report(result.ok ? done : null, result.ok ? null : problemText(result.failure, language));
    setBusy(false);
    setPending(null);
    // The dialog closes while the list reloads; then focus goes where the list is.
    await reload();
    headingRef.current?.focus();
  };

  if (days === 0 && computers.length === 0) return null;
  return (
    <section className="card" aria-labelledby="trusted-heading">
      <h2 id="trusted-heading" ref={headingRef} tabIndex={-1}>
        {t.trustedHeading}
      </h2>
      <p>{days > 0 ? t.trustedIntro(days) : t.trustedOff}</p>
      {computers.length === 0 ? (
        <p>{t.trustedNone}</p>
      ) : (
        <>
          <TrustedComputersTable
            computers={computers}
            busy={busy}
            removeLabel={(c) => t.removeTrustedLabel(c.name)}
            onRemove={(computer) => setPending({ kind: 'remove', computer })}
          />
          <div className="button-row">
            <button type="button" className="secondary" disabled={busy} onClick={() => setPending({ kind: 'forgetAll' })}>
              {t.forgetAll}
            </button>
          </div>
        </>
      )}
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          heading={t.removeTrustedHeading(pending.computer.name)}
          confirmLabel={t.removeTrustedConfirm}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void end(`/me/trusted-computers/${encodeURIComponent(pending.computer.id)}`, t.removedTrusted(pending.computer.name))}
        >
          {pending.computer.thisComputer && <p className="warning">{t.removeTrustedThis}</p>}
          <p>{t.removeTrustedBody}</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'forgetAll' && (
        <ConfirmDialog heading={t.forgetAllHeading} confirmLabel={t.forgetAllConfirm} busy={busy} onCancel={() => setPending(null)} onConfirm={() => void end('/me/trusted-computers', t.forgotAll)}>
          <p>{t.forgetAllBody}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
