/**
 * The person's trusted computers in their settings: the list, Remove for each and Forget all, each
 * after a confirmation. Shown while the server offers trusted computers or any are left. After each
 * change focus goes to the section's heading and the page's status line says what happened.
 */
import type { MeResponse } from '../../../shared/api/schemas.js';
import { usePagesMessages } from '../../i18n/messages.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import type { Report } from '../components/Messages.js';
import { TrustedComputersTable } from '../components/TrustedComputersTable.js';
import { useTrustedEndings } from './use-trusted-endings.js';

interface Props {
  /** Absent from a server without trusted computers. */
  readonly trusted: MeResponse['trustedComputers'];
  readonly reload: () => Promise<void>;
  readonly report: Report;
}

export function TrustedComputersSection({ trusted, reload, report }: Props) {
  const t = usePagesMessages().settings;
  const { pending, setPending, busy, headingRef, end } = useTrustedEndings(report, reload);
  const { days, computers } = trusted ?? { days: 0, computers: [] };

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
