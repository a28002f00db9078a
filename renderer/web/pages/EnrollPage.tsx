/**
 * Enrollment, the page behind `enrollmentUrl`: name the authenticator, scan the QR code (or type
 * the key), confirm with a code, then save the recovery codes when new ones were made. A wrong
 * code keeps the QR code and the name, so the person simply tries the next code.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConfirmAuthenticatorResponse, InfoResponse, PendingAuthenticator } from '../../../shared/api/schemas.js';
import { isCompleteCode } from '../../../shared/code/normalise-code.js';
import type { UiLanguage } from '../../../shared/messages/language.js';
import { useFocusWhen } from '../../app/use-focus-when.js';
import { CodeInput } from '../../components/CodeInput.js';
import { useLanguage, usePagesMessages } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api, isCode, type Failure } from '../api/web-api.js';
import { CopyButton } from '../components/CopyButton.js';
import { ErrorText, StatusText } from '../components/Messages.js';
import { PageFrame } from '../components/PageFrame.js';
import { RecoveryCodesPanel } from '../components/RecoveryCodesPanel.js';
import { signInUrl } from '../../../shared/pages/page-paths.js';
import { keyGroups } from './key-groups.js';
import { appAccount } from './otpauth-label.js';

const DIGITS = 6;

type Step =
  | { readonly kind: 'name' }
  | { readonly kind: 'confirm'; readonly pending: PendingAuthenticator; readonly over: boolean }
  | { readonly kind: 'recovery'; readonly name: string; readonly codes: readonly string[] }
  | { readonly kind: 'saved'; readonly name: string };

export function EnrollPage() {
  const p = usePagesMessages();
  const t = p.enroll;
  const [step, setStep] = useState<Step>({ kind: 'name' });
  const [environment, setEnvironment] = useState('');
  const [totpOff, setTotpOff] = useState(false);

  useEffect(() => {
    void api<InfoResponse>('GET', '/info').then((r) => {
      if (!r.ok) return;
      setEnvironment(r.value.environment);
      setTotpOff(!r.value.totp.enabled);
    });
  }, []);

  return (
    <PageFrame title={p.title.enroll}>
      <h1>{t.heading}</h1>
      {totpOff ? (
        <p className="card">{t.totpOff}</p>
      ) : step.kind === 'name' ? (
        <NameStep onCreated={(pending) => setStep({ kind: 'confirm', pending, over: false })} />
      ) : step.kind === 'confirm' ? (
        <ConfirmStep
          pending={step.pending}
          over={step.over}
          onOver={() => setStep({ ...step, over: true })}
          onStartAgain={() => setStep({ kind: 'name' })}
          onConfirmed={(res) =>
            setStep(res.recoveryCodes === undefined ? { kind: 'saved', name: step.pending.name } : { kind: 'recovery', name: step.pending.name, codes: res.recoveryCodes })
          }
        />
      ) : step.kind === 'recovery' ? (
        <RecoveryCodesPanel codes={step.codes} environment={environment} onDone={() => setStep({ kind: 'saved', name: step.name })} />
      ) : (
        <Saved name={step.name} />
      )}
    </PageFrame>
  );
}

function NameStep({ onCreated }: { readonly onCreated: (pending: PendingAuthenticator) => void }) {
  const t = usePagesMessages().enroll;
  const language = useLanguage();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setError(t.nameRequired);
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api<PendingAuthenticator>('POST', '/me/authenticators', { name: name.trim().slice(0, 64) });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else {
      setError(unauthorizedOr(result.failure, language));
      inputRef.current?.focus();
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
      <p>{t.intro}</p>
      <label htmlFor="authenticator-name">{t.nameLabel}</label>
      <p id="name-hint" className="muted hint">
        {t.nameHint}
      </p>
      <input
        id="authenticator-name"
        ref={inputRef}
        maxLength={64}
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-describedby="name-hint name-problem"
        aria-invalid={error !== null || undefined}
        autoFocus
        required
      />
      <ErrorText id="name-problem" text={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t.creating : t.continue}
      </button>
    </form>
  );
}

/** An ended session sends the person to sign in again and back here. */
function unauthorizedOr(failure: Failure, language: UiLanguage): string {
  if (isCode(failure, 'unauthorized')) window.location.assign(signInUrl('/enroll', true));
  return problemText(failure, language);
}

interface ConfirmProps {
  readonly pending: PendingAuthenticator;
  readonly over: boolean;
  readonly onOver: () => void;
  readonly onStartAgain: () => void;
  readonly onConfirmed: (res: ConfirmAuthenticatorResponse) => void;
}

function ConfirmStep({ pending, over, onOver, onStartAgain, onConfirmed }: ConfirmProps) {
  const t = usePagesMessages().enroll;
  const language = useLanguage();
  const account = appAccount(pending.otpauthUri);
  const scanHeadingRef = useRef<HTMLHeadingElement>(null);
  const startAgainRef = useRef<HTMLButtonElement>(null);
  const [showKey, setShowKey] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const sent = useRef<string | null>(null);

  // A new step: the person hears its heading and reads on (QR code, key, then the code); after
  // every answer the boxes are empty and take the next code; once over, "Start again".
  useFocusWhen(busy ? null : over ? 'over' : `${attempt}`, () => {
    if (over) startAgainRef.current?.focus();
    else if (attempt === 0) scanHeadingRef.current?.focus();
    else codeRef.current?.focus();
  });

  const confirm = async (value: string) => {
    if (busy || over || !isCompleteCode(value, DIGITS) || sent.current === value) return;
    sent.current = value;
    setBusy(true);
    const result = await api<ConfirmAuthenticatorResponse>('POST', `/me/authenticators/${encodeURIComponent(pending.id)}/confirm`, { code: value });
    setBusy(false);
    if (result.ok) {
      onConfirmed(result.value);
      return;
    }
    const failure = result.failure;
    setCode('');
    sent.current = null;
    if (failure.kind === 'api' && failure.code === 'invalid_code') {
      setError(t.wrongCode(failure.attemptsRemaining ?? 0));
      if ((failure.attemptsRemaining ?? 0) === 0) onOver();
    } else if (isCode(failure, 'not_found')) {
      setError(t.expired);
      onOver();
    } else {
      setError(unauthorizedOr(failure, language));
    }
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void confirm(code);
  };

  return (
    <>
      <section className="card" aria-labelledby="scan-heading">
        <h2 id="scan-heading" tabIndex={-1} ref={scanHeadingRef}>
          {t.scanHeading}
        </h2>
        <p>{t.scanIntro}</p>
        {account !== null && <p>{t.appLabel(account.label)}</p>}
        <img className="qr" src={pending.qrCode} alt={t.qrAlt(pending.name)} width={240} height={240} />
        <button type="button" className="link" aria-expanded={showKey} aria-controls="manual-key" onClick={() => setShowKey((s) => !s)}>
          {t.showKey}
        </button>
        <div id="manual-key" hidden={!showKey}>
          <p>{t.keyIntro}</p>
          <dl className="facts">
            {account !== null && (
              <>
                <dt>{t.accountLabel}</dt>
                <dd>{account.label}</dd>
              </>
            )}
            <dt>{t.keyLabel}</dt>
            <dd>
              <code className="setup-key" aria-label={`${t.keyLabel}: ${keyGroups(pending.secret).join(' ')}`}>
                {keyGroups(pending.secret).map((group, i) => (
                  <span key={i}>{group}</span>
                ))}
              </code>
            </dd>
          </dl>
          <CopyButton id="copy-key" text={pending.secret} label={t.copyKey} />
        </div>
      </section>
      <form className="card" onSubmit={submit} aria-labelledby="confirm-code-heading" aria-busy={busy} noValidate>
        <h2 id="confirm-code-heading">{t.confirmHeading}</h2>
        <p className="muted">{t.confirmIntro(DIGITS)}</p>
        <CodeInput
          id="enroll-code"
          inputRef={codeRef}
          digits={DIGITS}
          value={code}
          onChange={(value) => {
            setCode(value);
            void confirm(value);
          }}
          onEnter={() => void confirm(code)}
          label={t.codeLabel(DIGITS)}
          readOnly={busy}
          disabled={over}
          invalid={error !== null}
          describedBy="enroll-problem enroll-status"
        />
        <p id="enroll-status" className="muted status">
          {busy ? t.saving : ''}
        </p>
        <ErrorText id="enroll-problem" text={error} />
        {over ? (
          <button type="button" className="primary" ref={startAgainRef} onClick={onStartAgain}>
            {t.startAgain}
          </button>
        ) : (
          <button type="submit" className="primary" disabled={busy || !isCompleteCode(code, DIGITS)}>
            {t.save}
          </button>
        )}
      </form>
    </>
  );
}

function Saved({ name }: { readonly name: string }) {
  const t = usePagesMessages().enroll;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="card" ref={ref} tabIndex={-1}>
      <StatusText id="enroll-saved" text={t.saved(name)} />
      <p>{t.backToApp}</p>
      <a className="button primary" href="/settings">
        {t.toSettings}
      </a>
    </div>
  );
}
