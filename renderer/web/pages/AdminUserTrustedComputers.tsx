/**
 * One user's trusted computers in administration, below the users: Remove for each and Forget all,
 * each after a confirmation. Focus goes to the panel's heading when it opens and after each change;
 * Close gives it back to the button that opened it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminUser, TrustedComputer, TrustedComputersResponse } from '../../../shared/api/schemas.js';
import { useLanguage, usePagesMessages } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api } from '../api/web-api.js';
import type { Report } from '../components/Messages.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { TrustedComputersTable } from '../components/TrustedComputersTable.js';
import { useTrustedEndings } from './use-trusted-endings.js';

interface Props {
  /** As the users' list shows it now. */
  readonly user: AdminUser;
  readonly report: Report;
  /** The users' list shows a count of trusted computers: it reloads after each change. */
  readonly onChanged: () => Promise<void>;
  readonly onClose: () => void;
}

export function AdminUserTrustedComputers({ user, report, onChanged, onClose }: Props) {
  const p = usePagesMessages();
  const t = p.admin;
  const language = useLanguage();
  const [computers, setComputers] = useState<readonly TrustedComputer[] | null>(null);
  const base = `/admin/users/${encodeURIComponent(user.id)}/trusted-computers`;

  const load = useCallback(async () => {
    const r = await api<TrustedComputersResponse>('GET', base);
    if (r.ok) setComputers(r.value.computers);
    else report(null, problemText(r.failure, language));
  }, [base, report, language]);

  const { pending, setPending, busy, headingRef, end } = useTrustedEndings(report, () => Promise.all([load(), onChanged()]));

  useEffect(() => headingRef.current?.focus(), [headingRef]);
  // Also when the users' list counts differently: a reset, a disable or a new password ended them.
  useEffect(() => void load(), [load, user.trustedComputers]);

  return (
    <section className="subpanel" aria-labelledby="user-trusted-heading">
      <h3 id="user-trusted-heading" ref={headingRef} tabIndex={-1}>
        {t.trustedOf(user.username)}
      </h3>
      {computers === null ? (
        <p>{p.loading}</p>
      ) : computers.length === 0 ? (
        <p>{t.trustedNoneFor(user.username)}</p>
      ) : (
        <TrustedComputersTable
          computers={computers}
          busy={busy}
          removeLabel={(c) => t.removeTrustedFor(c.name, user.username)}
          onRemove={(computer) => setPending({ kind: 'remove', computer })}
        />
      )}
      <div className="button-row">
        {computers !== null && computers.length > 0 && (
          <button type="button" className="secondary" disabled={busy} onClick={() => setPending({ kind: 'forgetAll' })}>
            {t.forgetAllFor(user.username)}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          {p.close}
        </button>
      </div>
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          heading={t.removeTrustedHeading(pending.computer.name, user.username)}
          confirmLabel={p.settings.removeTrustedConfirm}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void end(`${base}/${encodeURIComponent(pending.computer.id)}`, t.removedTrusted(pending.computer.name, user.username))}
        >
          <p>{t.removeTrustedBody}</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'forgetAll' && (
        <ConfirmDialog heading={t.forgetAllHeading(user.username)} confirmLabel={t.forgetAllConfirm} busy={busy} onCancel={() => setPending(null)} onConfirm={() => void end(base, t.forgotAll(user.username))}>
          <p>{t.forgetAllBody}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
