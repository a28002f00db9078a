/**
 * The login form: username and password, and a "Sign in with …" button for each identity provider
 * the server offers (before the form when policy preselects one or the server requires them, after it
 * otherwise; alone when policy hides the password). The password lives only in this form's state
 * until it is sent, and is cleared as soon as it has been. After every change of state focus goes to
 * what the person does next: the provider's button after its sign-in failed or when it is the way in,
 * else the field to fill in: the empty one, else the password (cleared after each attempt).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView, ProviderView, SignOutOutcome } from '../../shared/ipc/view.js';
import type { Messages } from '../../shared/messages/en.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { useFocusWhen } from '../app/use-focus-when.js';
import { useSecondsLeft } from '../app/use-seconds-left.js';
import { useAnnounce } from '../components/Announcer.js';
import { CredentialFields, useCredentials } from '../components/CredentialFields.js';
import { ProblemMessage, problemKey } from '../components/ProblemMessage.js';
import { useMessages } from '../i18n/messages.js';
import { ServerLine } from './ServerLine.js';

export type LoginViewModel = Extract<FlowView, { kind: 'signIn' }>;
type Props = { readonly view: LoginViewModel; readonly send: (intent: Intent) => void; readonly inert?: boolean };

const PROBLEM_ID = 'signin-problem';

/** What the form says after a sign-out, by whether the server has ended the session. */
function signOutText(outcome: SignOutOutcome, t: Messages): string {
  switch (outcome) {
    case 'confirmed':
      return t.signIn.signedOut;
    case 'unconfirmed':
      return t.signIn.signedOutUnconfirmed;
    case 'confirmedLater':
      return t.signIn.signedOutConfirmedLater;
    default:
      return assertNever(outcome);
  }
}

export function LoginView({ view, send, inert = false }: Props) {
  const t = useMessages();
  const announce = useAnnounce();
  const credentials = useCredentials(view.username);
  const [keep, setKeep] = useState(view.keepSignedIn);
  /** Submit presses refused for an empty field; each one moves focus to that field again. */
  const [refusals, setRefusals] = useState(0);
  /** Submissions sent: the same problem after another attempt is read out again. */
  const [sent, setSent] = useState(0);
  const providerButtons = useRef(new Map<string, HTMLButtonElement>());
  const retryRef = useRef<HTMLButtonElement>(null);
  const lockLeft = useSecondsLeft(view.problem?.kind === 'locked' ? view.problem.retryAt : null);
  const disabled = view.busy || inert;
  const retryShown = !view.passwordSignIn && view.providers === null && view.problem !== null;
  // The form's own moves: on every change of state and every refused submit, the field to fill in.
  useFocusWhen(disabled ? null : `${refusals}:${retryShown}`, () => (view.passwordSignIn ? credentials.focusPrimary() : retryRef.current?.focus()));
  // Then, when a provider's button is the way on, that button; one that appears only once the server
  // has answered takes focus from a form nobody has started to fill in, never from someone typing.
  const untouched = credentials.username === view.username && credentials.password === '' && refusals === 0;
  useFocusWhen(disabled ? null : (view.focusProvider ?? ''), () => {
    if (view.focusProvider !== null && (untouched || view.problem !== null)) providerButtons.current.get(view.focusProvider)?.focus();
  });
  const signedOutText = view.signedOut === null ? null : signOutText(view.signedOut, t);
  useEffect(() => {
    if (signedOutText !== null) announce(signedOutText);
  }, [signedOutText, announce]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disabled || lockLeft > 0 || !view.passwordSignIn) return;
    if (!credentials.check()) {
      setRefusals((n) => n + 1);
      return;
    }
    const { username, password } = credentials;
    send({ type: 'submitCredentials', username: username.trim().slice(0, 256), password: password.slice(0, 1024), keepSignedIn: keep });
    setSent((n) => n + 1);
    credentials.clearPassword();
  };

  const providers = view.providers ?? [];
  const providerBlock = providers.length > 0 && (
    <ProviderButtons
      providers={providers}
      emphasised={view.providersFirst}
      disabled={disabled}
      describedBy={view.problem === null ? undefined : PROBLEM_ID}
      buttons={providerButtons.current}
      onChoose={(id) => send({ type: 'signInWithProvider', providerId: id, keepSignedIn: keep })}
    />
  );
  const divider = view.passwordSignIn && providers.length > 0 && (
    <p className="or-divider" aria-hidden="true">
      <span>{t.signIn.or}</span>
    </p>
  );

  return (
    <form className="card" onSubmit={submit} aria-labelledby="signin-heading" aria-busy={view.busy} noValidate>
      <h1 id="signin-heading" data-testid="login-heading">{t.signIn.heading}</h1>
      {signedOutText !== null && <p className="status-note">{signedOutText}</p>}
      <ServerLine server={view.server} />
      {!view.server.locked && (
        <button type="button" className="link server-change" onClick={() => send({ type: 'changeServer' })} disabled={disabled}>
          {t.signIn.changeServer}
        </button>
      )}
      {view.providersFirst && providerBlock}
      {view.providersFirst && divider}
      {view.passwordSignIn && (
        <CredentialFields
          {...credentials.fields}
          readOnly={disabled}
          invalid={view.problem?.kind === 'invalidCredentials'}
          problemId={view.problem === null ? undefined : PROBLEM_ID}
        />
      )}
      {/* Without a keychain the notice above says so once; a disabled checkbox would only repeat it. */}
      {view.canKeepSignedIn && (
        <label className="checkbox">
          <input type="checkbox" checked={keep} disabled={disabled} onChange={(e) => setKeep(e.target.checked)} data-testid="login-keep-signed-in" />
          {t.signIn.keepSignedIn}
        </label>
      )}
      {view.problem !== null && <ProblemMessage key={problemKey(view.problem, sent)} problem={view.problem} id={PROBLEM_ID} />}
      {view.passwordSignIn && (
        <button type="submit" className="primary" disabled={disabled || lockLeft > 0} data-testid="login-submit">
          {view.busy ? t.signIn.busy : t.signIn.submit}
        </button>
      )}
      {!view.providersFirst && divider}
      {!view.providersFirst && providerBlock}
      {!view.passwordSignIn && view.providers === null && view.problem === null && (
        <p className="muted" role="status">
          {t.signIn.checkingOptions}
        </p>
      )}
      {!view.passwordSignIn && view.providers === null && view.problem !== null && (
        <button type="button" className="secondary" ref={retryRef} disabled={disabled} onClick={() => send({ type: 'reloadServerInfo' })}>
          {t.signIn.retry}
        </button>
      )}
      {!view.passwordSignIn && view.providers !== null && providers.length === 0 && (
        <div className="problem" role="alert">
          <p>{t.signIn.noSignInOption}</p>
        </div>
      )}
    </form>
  );
}

interface ProviderButtonsProps {
  readonly providers: readonly ProviderView[];
  /** The first button is the form's main action. */
  readonly emphasised: boolean;
  readonly disabled: boolean;
  readonly describedBy: string | undefined;
  readonly buttons: Map<string, HTMLButtonElement>;
  readonly onChoose: (id: string) => void;
}

function ProviderButtons({ providers, emphasised, disabled, describedBy, buttons, onChoose }: ProviderButtonsProps) {
  const t = useMessages();
  return (
    <div className="providers" role="group" aria-label={t.signIn.providers}>
      {providers.map((provider, index) => (
        <button
          key={provider.id}
          type="button"
          className={emphasised && index === 0 ? 'primary' : 'secondary'}
          ref={(element) => {
            if (element === null) buttons.delete(provider.id);
            else buttons.set(provider.id, element);
          }}
          disabled={disabled}
          aria-describedby={describedBy}
          onClick={() => onChoose(provider.id)}
          data-testid="login-sso"
          data-provider={provider.displayName}
        >
          {t.signIn.withProvider(provider.displayName)}
        </button>
      ))}
    </div>
  );
}
