/**
 * Administration: the environment's two-factor switches and trusted-computer days; users with
 * search; create a user; per user "Two-factor required", "Reset two-factor" (after a confirmation),
 * disable or enable, their trusted computers, and a new password. What a per-user action did is
 * said in that user's row, in view and announced. On narrow screens the users table becomes one
 * card per user (see web.css).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { AdminUser, Environment } from '../../../shared/api/schemas.js';
import { useAnnounce } from '../../components/Announcer.js';
import { PasswordField } from '../../components/PasswordField.js';
import { useLanguage, usePagesMessages } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api, type Result } from '../api/web-api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorText, StatusText, type Report } from '../components/Messages.js';
import { PageFrame } from '../components/PageFrame.js';
import { StackedTable } from '../components/StackedTable.js';
import { AdminSetPassword } from './AdminSetPassword.js';
import { AdminTrustedDays } from './AdminTrustedDays.js';
import { AdminUserTrustedComputers } from './AdminUserTrustedComputers.js';
import { useMe } from './use-me.js';

export function AdminPage() {
  const p = usePagesMessages();
  const t = p.admin;
  const [state] = useMe();
  const user = state.kind === 'ready' ? state.me.user : undefined;
  return (
    <PageFrame title={p.title.admin} user={user} wide>
      <h1>{t.heading}</h1>
      {state.kind === 'loading' && <p>{p.loading}</p>}
      {state.kind === 'failed' && <ErrorText id="admin-problem" text={state.text} />}
      {state.kind === 'ready' &&
        (state.me.user.isAdmin ? (
          <>
            {state.me.totp.environmentEnabled && state.me.totp.authenticators.length === 0 && (
              <div className="status-note" role="note">
                <p>{t.selfUnprotected}</p>
                <a href="/enroll">{t.selfUnprotectedLink}</a>
              </div>
            )}
            <Administration selfId={state.me.user.id} />
          </>
        ) : (
          <ErrorText id="admin-problem" text={t.notAllowed} />
        ))}
    </PageFrame>
  );
}

function Administration({ selfId }: { readonly selfId: string }) {
  const [news, setNews] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const report = useCallback((ok: string | null, failed: string | null) => {
    setNews(ok);
    setError(failed);
  }, []);
  return (
    <>
      <StatusText id="admin-news" text={news} />
      <ErrorText id="admin-problem" text={error} />
      <EnvironmentSwitches report={report} />
      <Users selfId={selfId} report={report} />
      <CreateUser report={report} />
    </>
  );
}

function EnvironmentSwitches({ report }: { readonly report: Report }) {
  const p = usePagesMessages();
  const t = p.admin;
  const language = useLanguage();
  const [env, setEnv] = useState<Environment | null>(null);
  const [busy, setBusy] = useState(false);
  /** Turning two-factor authentication off for everyone waits for this confirmation. */
  const [confirmingOff, setConfirmingOff] = useState(false);
  useEffect(() => {
    void api<Environment>('GET', '/admin/environment').then((r) => (r.ok ? setEnv(r.value) : report(null, problemText(r.failure, language))));
  }, [report, language]);

  // The switch moves at once; it moves back if the server refuses.
  const change = async (patch: Partial<Pick<Environment, 'totpEnabled' | 'totpRequiredForAll' | 'trustedComputerDays'>>) => {
    if (env === null) return;
    const before = env;
    setEnv({ ...env, ...patch });
    setBusy(true);
    const r = await api<Environment>('PATCH', '/admin/environment', patch);
    setBusy(false);
    setEnv(r.ok ? r.value : before);
    report(r.ok ? savedText(patch) : null, r.ok ? null : problemText(r.failure, language));
  };
  /** What was saved, in words: the switch that changed and what it now does. */
  const savedText = (patch: Partial<Pick<Environment, 'totpEnabled' | 'totpRequiredForAll' | 'trustedComputerDays'>>): string => {
    if (patch.totpEnabled !== undefined) return t.savedTotp(patch.totpEnabled);
    if (patch.totpRequiredForAll !== undefined) return t.savedRequiredForAll(patch.totpRequiredForAll);
    return t.saved;
  };

  return (
    <section className="card" aria-labelledby="environment-heading">
      <h2 id="environment-heading">
        {t.environmentHeading}
        {env !== null && env.environment !== '' && <span className="muted"> – {env.environment}</span>}
      </h2>
      {env === null ? (
        <p>{p.loading}</p>
      ) : (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={env.totpEnabled}
              disabled={busy}
              aria-describedby="totp-enabled-hint"
              onChange={(e) => (e.target.checked ? void change({ totpEnabled: true }) : setConfirmingOff(true))}
            />
            {t.totpEnabled}
          </label>
          <p id="totp-enabled-hint" className="muted hint">
            {t.totpEnabledHint}
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={env.totpRequiredForAll}
              disabled={busy}
              aria-describedby="required-all-hint"
              onChange={(e) => void change({ totpRequiredForAll: e.target.checked })}
            />
            {t.requiredForAll}
          </label>
          <p id="required-all-hint" className="muted hint">
            {t.requiredForAllHint}
          </p>
          <AdminTrustedDays days={env.trustedComputerDays} busy={busy} onSave={(days) => void change({ trustedComputerDays: days })} />
          {confirmingOff && (
            <ConfirmDialog
              heading={t.totpOffHeading}
              confirmLabel={t.totpOffConfirm}
              busy={busy}
              onCancel={() => setConfirmingOff(false)}
              onConfirm={() => {
                setConfirmingOff(false);
                void change({ totpEnabled: false });
              }}
            >
              <p>{t.totpOffBody}</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </section>
  );
}

/** What the last per-user action did, said in that user's row. */
interface RowNote {
  readonly userId: string;
  readonly kind: 'news' | 'error';
  readonly text: string;
  /** Whether the note takes focus: after a dialog whose opener may now be disabled. */
  readonly focus: boolean;
  /** Each note is new, even with the same words. */
  readonly count: number;
}

function Users({ selfId, report }: { readonly selfId: string; readonly report: Report }) {
  const p = usePagesMessages();
  const t = p.admin;
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [users, setUsers] = useState<readonly AdminUser[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<AdminUser | null>(null);
  const [settingPassword, setSettingPassword] = useState<AdminUser | null>(null);
  const [showingTrusted, setShowingTrusted] = useState<{ readonly user: AdminUser; readonly opener: HTMLButtonElement } | null>(null);
  const [rowNote, setRowNote] = useState<RowNote | null>(null);
  const noteRef = useRef<HTMLDivElement>(null);
  const announce = useAnnounce();

  /**
   * What a per-user action did, beside that user's row: news is announced politely, a refusal is an
   * alert. After a dialog the note takes focus (the dialog's opener may now be disabled).
   */
  const noteRow = (user: AdminUser, kind: RowNote['kind'], text: string, focus = false) => {
    report(null, null);
    setRowNote({ userId: user.id, kind, text, focus, count: (rowNote?.count ?? 0) + 1 });
    if (kind === 'news') announce(text);
  };
  const noteResult = (user: AdminUser, r: Result<unknown>, news: string, focus = false) =>
    r.ok ? noteRow(user, 'news', news, focus) : noteRow(user, 'error', problemText(r.failure, language), focus);
  // After the dialog has closed and given focus back to its opener.
  useLayoutEffect(() => {
    if (rowNote === null) return;
    noteRef.current?.scrollIntoView({ block: 'nearest' });
    if (rowNote.focus) noteRef.current?.focus({ preventScroll: true });
  }, [rowNote]);

  const load = useCallback(
    async (term: string) => {
      const query = term.trim() === '' ? '' : `?search=${encodeURIComponent(term.trim().slice(0, 64))}`;
      const r = await api<{ readonly users: readonly AdminUser[] }>('GET', `/admin/users${query}`);
      if (r.ok) setUsers(r.value.users);
      else report(null, problemText(r.failure, language));
    },
    [report, language],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(search), 200);
    return () => clearTimeout(timer);
  }, [search, load]);
  useEffect(() => {
    const refresh = () => void load(search);
    window.addEventListener('stepgate:users-changed', refresh);
    return () => window.removeEventListener('stepgate:users-changed', refresh);
  }, [search, load]);

  const update = async (user: AdminUser, patch: { readonly totpRequired?: boolean; readonly disabled?: boolean }) => {
    setUsers((list) => list?.map((u) => (u.id === user.id ? { ...u, ...patch } : u)) ?? null);
    setBusy(true);
    const r = await api('PATCH', `/admin/users/${encodeURIComponent(user.id)}`, patch);
    setBusy(false);
    noteResult(user, r, t.saved);
    await load(search);
  };

  const revoke = async (user: AdminUser) => {
    setBusy(true);
    const r = await api('DELETE', `/admin/users/${encodeURIComponent(user.id)}/authenticators`);
    setBusy(false);
    setRevoking(null);
    noteResult(user, r, t.revoked(user.username), true);
    await load(search);
  };

  return (
    <section className="card" aria-labelledby="users-heading">
      <h2 id="users-heading">{t.usersHeading}</h2>
      <label htmlFor="user-search">{t.search}</label>
      <input id="user-search" type="search" value={search} placeholder={t.searchHint} onChange={(e) => setSearch(e.target.value)} maxLength={64} />
      {users === null ? (
        <p>{p.loading}</p>
      ) : users.length === 0 ? (
        <p>{t.noUsers}</p>
      ) : (
        <StackedTable className="users-table">
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">{t.username}</th>
              <th role="columnheader" scope="col">{t.displayName}</th>
              <th role="columnheader" scope="col">{t.authenticators}</th>
              <th role="columnheader" scope="col">{t.trustedComputers}</th>
              <th role="columnheader" scope="col">{t.status}</th>
              <th role="columnheader" scope="col">{t.requireTotp}</th>
              <th role="columnheader" scope="col">{p.settings.actions}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {users.map((u) => (
              <tr role="row" key={u.id}>
                <th role="rowheader" scope="row">{u.username}</th>
                <td role="cell" data-label={t.displayName}>{u.displayName}</td>
                <td role="cell" data-label={t.authenticators}>{u.authenticatorCount}</td>
                <td role="cell" data-label={t.trustedComputers}>
                  {/* The count opens the list: one button fewer in a row that is already full. */}
                  <button type="button" className="link" aria-label={t.trustedCount(u.username, u.trustedComputers)} onClick={(e) => setShowingTrusted({ user: u, opener: e.currentTarget })}>
                    {u.trustedComputers}
                  </button>
                </td>
                <td role="cell" data-label={t.status}>{[u.disabled ? t.disabled : t.active, ...(u.isAdmin ? [t.admin] : [])].join(', ')}</td>
                <td role="cell" data-label={t.requireTotp}>
                  <input type="checkbox" aria-label={t.requireTotpFor(u.username)} checked={u.totpRequired} disabled={busy} onChange={(e) => void update(u, { totpRequired: e.target.checked })} />
                </td>
                <td role="cell" className="row-actions">
                    <button type="button" className="secondary compact" aria-label={t.revokeFor(u.username)} disabled={busy || u.authenticatorCount === 0} onClick={() => setRevoking(u)}>
                      {t.revoke}
                    </button>
                    {u.id !== selfId && (
                      <button
                        type="button"
                        className="secondary compact"
                        aria-label={u.disabled ? t.enableFor(u.username) : t.disableFor(u.username)}
                        disabled={busy}
                        onClick={() => void update(u, { disabled: !u.disabled })}
                      >
                        {u.disabled ? t.enable : t.disable}
                      </button>
                    )}
                    {/* One's own password is changed in one's settings, which keeps this session. */}
                    {u.id !== selfId && (
                      <button type="button" className="secondary compact" aria-label={t.setPasswordFor(u.username)} disabled={busy} onClick={() => setSettingPassword(u)}>
                        {t.setPassword}
                      </button>
                    )}
                    {rowNote?.userId === u.id && (
                      <div ref={noteRef} key={rowNote.count} tabIndex={-1} className={rowNote.kind === 'news' ? 'status-note row-note' : 'problem row-note'} role={rowNote.kind === 'error' ? 'alert' : undefined} data-row-note="">
                        <p>{rowNote.text}</p>
                      </div>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
      {showingTrusted !== null && (
        <AdminUserTrustedComputers
          key={showingTrusted.user.id}
          user={users?.find((u) => u.id === showingTrusted.user.id) ?? showingTrusted.user}
          report={report}
          onChanged={() => load(search)}
          onClose={() => {
            showingTrusted.opener.focus();
            setShowingTrusted(null);
          }}
        />
      )}
      {settingPassword !== null && (
        <AdminSetPassword
          user={settingPassword}
          onCancel={() => setSettingPassword(null)}
          onDone={() => {
            noteRow(settingPassword, 'news', t.passwordSet(settingPassword.username), true);
            setSettingPassword(null);
            void load(search);
          }}
        />
      )}
      {revoking !== null && (
        <ConfirmDialog heading={t.revokeHeading(revoking.username)} confirmLabel={t.revokeConfirm} busy={busy} onCancel={() => setRevoking(null)} onConfirm={() => void revoke(revoking)}>
          <p>{t.revokeBody}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CreateUser({ report }: { readonly report: Report }) {
  const t = usePagesMessages().admin;
  const language = useLanguage();
  const usernameRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [totpRequired, setTotpRequired] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const body = { username: username.trim(), password, isAdmin, totpRequired, ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }) };
    const r = await api('POST', '/admin/users', body);
    setBusy(false);
    if (r.ok) {
      report(t.created(body.username), null);
      setError(null);
      setUsername('');
      setDisplayName('');
      setPassword('');
      setIsAdmin(false);
      setTotpRequired(false);
      window.dispatchEvent(new Event('stepgate:users-changed'));
      usernameRef.current?.focus();
    } else setError(problemText(r.failure, language));
  };

  return (
    <form className="card" aria-labelledby="create-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="create-heading">{t.createHeading}</h2>
      <label htmlFor="new-username">{t.username}</label>
      <input id="new-username" ref={usernameRef} autoComplete="off" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={64} />
      <label htmlFor="new-display-name">{t.displayName}</label>
      <input id="new-display-name" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={128} />
      <PasswordField id="new-password" label={t.password} autoComplete="new-password" describedBy="new-password-hint" value={password} onChange={setPassword} />
      <p id="new-password-hint" className="muted hint">
        {t.passwordHint}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
        {t.makeAdmin}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={totpRequired} onChange={(e) => setTotpRequired(e.target.checked)} />
        {t.newRequireTotp}
      </label>
      <ErrorText id="create-problem" text={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t.create}
      </button>
    </form>
  );
}
