/**
 * Sign-in settings: the person's authenticators (name, added, last used), adding another,
 * removing one after a confirmation that says what follows, new recovery codes, trusted
 * computers, and changing the password.
 */
import { useCallback, useRef, useState } from 'react';
import type { Authenticator, MeResponse } from '../../../shared/api/schemas.js';
import { useFocusWhen } from '../../app/use-focus-when.js';
import { useLanguage, useMessages, usePagesMessages } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api } from '../api/web-api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorText, StatusText } from '../components/Messages.js';
import { PageFrame } from '../components/PageFrame.js';
import { RecoveryCodesPanel } from '../components/RecoveryCodesPanel.js';
import { StackedTable } from '../components/StackedTable.js';
import { ChangePasswordSection } from './ChangePasswordSection.js';
import { TrustedComputersSection } from './TrustedComputersSection.js';
import { useMe } from './use-me.js';

type Pending = { readonly kind: 'remove'; readonly authenticator: Authenticator } | { readonly kind: 'regenerate' } | null;

export function SettingsPage() {
  const p = usePagesMessages();
  const t = p.settings;
  const [state, reload] = useMe();
  const user = state.kind === 'ready' ? state.me.user : undefined;
  return (
    <PageFrame title={p.title.settings} user={user} wide>
      <h1>{t.heading}</h1>
      {state.kind === 'loading' && <p>{p.loading}</p>}
      {state.kind === 'failed' && <ErrorText id="settings-problem" text={state.text} />}
      {state.kind === 'ready' && <Settings me={state.me} reload={reload} />}
    </PageFrame>
  );
}

function Settings({ me, reload }: { readonly me: MeResponse; readonly reload: () => Promise<void> }) {
  const t = usePagesMessages().settings;
  const time = useMessages().time;
  const language = useLanguage();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const recoveryHeadingRef = useRef<HTMLHeadingElement>(null);
  /** New codes saved: back on the list, focus goes to the recovery codes, where the person was. */
  const [codesSaved, setCodesSaved] = useState(0);
  useFocusWhen(codesSaved === 0 || codes !== null ? null : `${codesSaved}`, () => recoveryHeadingRef.current?.focus());
  const { authenticators, required, environmentEnabled, recoveryCodesRemaining } = me.totp;
  const report = useCallback((ok: string | null, failed: string | null) => {
    setNews(ok);
    setError(failed);
  }, []);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setNews(null);
    const message = await action();
    setBusy(false);
    setPending(null);
    await reload();
    headingRef.current?.focus();
    return message;
  };

  const remove = (a: Authenticator) =>
    run(async () => {
      const result = await api('DELETE', `/me/authenticators/${encodeURIComponent(a.id)}`);
      if (result.ok) setNews(t.removed(a.name));
      else setError(problemText(result.failure, language));
      return null;
    });

  const regenerate = () =>
    run(async () => {
      const result = await api<{ readonly recoveryCodes: readonly string[] }>('POST', '/me/recovery-codes');
      if (result.ok) setCodes(result.value.recoveryCodes);
      else setError(problemText(result.failure, language));
      return null;
    });

  if (codes !== null) {
    return (
      <RecoveryCodesPanel
        codes={codes}
        environment=""
        onDone={() => {
          setCodes(null);
          setCodesSaved((n) => n + 1);
        }}
      />
    );
  }

  const isLast = authenticators.length === 1;
  return (
    <>
      {!environmentEnabled && <p className="card">{t.totpOff}</p>}
      <p>{required ? t.required : t.optional}</p>
      <StatusText id="settings-news" text={news} />
      <ErrorText id="settings-problem" text={error} />

      <section className="card" aria-labelledby="authenticators-heading">
        <h2 id="authenticators-heading" ref={headingRef} tabIndex={-1}>
          {t.authenticatorsHeading}
        </h2>
        {authenticators.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <StackedTable>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">{t.name}</th>
                <th role="columnheader" scope="col">{t.added}</th>
                <th role="columnheader" scope="col">{t.lastUsed}</th>
                <th role="columnheader" scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {authenticators.map((a) => (
                <tr role="row" key={a.id}>
                  <th role="rowheader" scope="row">{a.name}</th>
                  <td role="cell" data-label={t.added}>{time(Date.parse(a.createdAt))}</td>
                  <td role="cell" data-label={t.lastUsed}>{a.lastUsedAt === null ? t.never : time(Date.parse(a.lastUsedAt))}</td>
                  <td role="cell" className="row-actions">
                    <button type="button" className="secondary compact" aria-label={t.removeLabel(a.name)} disabled={busy} onClick={() => setPending({ kind: 'remove', authenticator: a })}>
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        )}
        {environmentEnabled && (
          <a className="button primary" href="/enroll">
            {authenticators.length === 0 ? t.add : t.addAnother}
          </a>
        )}
      </section>

      <section className="card" aria-labelledby="recovery-codes-heading">
        <h2 id="recovery-codes-heading" tabIndex={-1} ref={recoveryHeadingRef}>
          {t.recoveryHeading}
        </h2>
        {authenticators.length === 0 ? (
          <p>{t.recoveryNone}</p>
        ) : (
          <>
            <p>{t.recoveryLeft(recoveryCodesRemaining)}</p>
            {environmentEnabled && (
              <button type="button" className="secondary" disabled={busy} onClick={() => setPending({ kind: 'regenerate' })}>
                {t.regenerate}
              </button>
            )}
          </>
        )}
      </section>

      <TrustedComputersSection trusted={me.trustedComputers} reload={reload} report={report} />
      <ChangePasswordSection reload={reload} report={report} />

      {pending?.kind === 'remove' && (
        <ConfirmDialog
          heading={t.removeHeading(pending.authenticator.name)}
          confirmLabel={t.removeConfirm}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void remove(pending.authenticator)}
        >
          <p>{t.removeBody}</p>
          {(me.trustedComputers?.computers.length ?? 0) > 0 && <p>{t.removeEndsTrusted}</p>}
          {isLast && <p className="warning">{required ? t.removeLastRequired : t.removeLastOptional}</p>}
        </ConfirmDialog>
      )}
      {pending?.kind === 'regenerate' && (
        <ConfirmDialog heading={t.regenerateHeading} confirmLabel={t.regenerateConfirm} busy={busy} onCancel={() => setPending(null)} onConfirm={() => void regenerate()}>
          <p>{t.regenerateBody}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
