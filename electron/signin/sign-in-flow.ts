/**
 * Runs the sign-in flow: takes the renderer's intents, performs the requests and keychain calls
 * they need, and feeds the answers back through `transition`. Every action first checks that the
 * flow is in a state that allows it, and after every await checks that the state is still the one
 * that made the request; if the person cancelled or moved on meanwhile, the answer is dropped.
 * Nothing here imports Electron: the same code runs in the app, the browser preview and tests.
 */
import type { HandoffPath, InfoResponse, IssuedTrustedComputer, TrustComputerRequest } from '../../shared/api/schemas.js';
import { isCompleteCode, normaliseCode, normaliseRecoveryCode } from '../../shared/code/normalise-code.js';
import type { Intent } from '../../shared/ipc/intents.js';
import type { Problem } from '../../shared/ipc/problem.js';
import { problemFromSsoError } from '../../shared/ipc/problem-from-api-error.js';
import type { AppFacts, AppView, Notice } from '../../shared/ipc/view.js';
import { messagesFor } from '../../shared/messages/catalogue.js';
import type { UiLanguage } from '../../shared/messages/language.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { ApiClient } from '../api/api-client.js';
import { parseServerAddress } from '../config/server-address.js';
import type { CredentialStore } from '../keychain/credential-store.js';
import { keychainLogLine, keychainNotice } from '../../shared/keychain/keychain-state.js';
import { isAllowedExternalUrl } from '../security/external-url.js';
import type { LoopbackListener, LoopbackOutcome, ReturnPageWords, StartLoopback } from '../sso/loopback-listener.js';
import { newBrowserSignInSecrets } from '../sso/pkce.js';
import { browserStartUrl } from '../sso/start-url.js';
import type { FlowEvent } from './events.js';
import { problemFromFailure } from './problem-from-failure.js';
import { scheduleTimer, SignOutRetries, type Schedule } from './sign-out-retries.js';
import { challengeIsOver, type Server, type ServerInfo, type SignInState, type StateOf } from './state.js';
import { toView } from './to-view.js';
import { transition } from './transition.js';
import { isSendableToken, offeredTrustDays, type TrustPolicy } from './trusted-computer.js';
import { signOutAnswer } from './unconfirmed-sign-out.js';

export interface ConfiguredServer {
  readonly url: string;
  readonly locked: boolean;
}

export interface SignInFlowDeps {
  readonly apiFor: (serverUrl: string) => ApiClient;
  readonly credentials: CredentialStore;
  /** From configuration and policy; null when the first start has to ask. */
  readonly server: ConfiguredServer | null;
  /** Policy may forbid remembering sessions. */
  readonly allowKeepSignedIn: boolean;
  /** Policy may forbid trusted computers: none is offered, sent or kept. */
  readonly allowTrustedComputer: boolean;
  /** Policy's most days a computer may skip the code; null: the server's. */
  readonly trustedComputerDays: number | null;
  /** What the server calls this computer when it trusts it, e.g. "Windows - LAPTOP-42" (trustedComputerName). */
  readonly computerName: string;
  /** Policy may hide the username and password; the flow then refuses them too. */
  readonly allowPasswordSignIn: boolean;
  /** Policy: the identity provider offered first, by its id. */
  readonly ssoProvider: string | null;
  /** Starts the loopback listener a browser sign-in comes back to. */
  readonly startLoopback: StartLoopback;
  /** Brings the app's window to the front when the browser has come back from a sign-in. */
  readonly bringToFront: () => void;
  /** False where bringToFront cannot take focus (Wayland); true when not given. */
  readonly raisesItself?: boolean;
  /** How long the browser may take; by default 5 minutes, as long as the server keeps its half. */
  readonly browserSignInTimeoutMs?: number;
  /** Origins besides the server's that policy allows opening in the browser. */
  readonly extraExternalOrigins: readonly string[];
  /** "Can't use your authenticator app?": a page policy or settings name; null for the server's own /help. */
  readonly helpUrl: string | null;
  /** The language of the windows' words and the app's version, shown in every view. */
  readonly app: AppFacts;
  /** Keeps the address the person entered at first start; may fail silently. */
  readonly saveServerUrl: (url: string) => Promise<void>;
  readonly openExternal: (url: string) => Promise<void>;
  readonly now: () => number;
  /** Timers for telling the server again about a sign-out it did not confirm; by default real ones. */
  readonly schedule?: Schedule;
  /** Diagnostics only; never given a password, code or token. */
  readonly log: (message: string) => void;
}

export type ViewListener = (view: AppView) => void;

export const BROWSER_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/**
 * The browser tab's words at the end of a sign-in, in the app's language. Where the app cannot
 * come to the front by itself (Wayland), the tab asks the person to switch back.
 */
export function returnPageWords(language: UiLanguage, raisesItself: boolean): ReturnPageWords {
  const words = messagesFor(language).browserReturnPage;
  return {
    lang: language,
    title: messagesFor(language).windowTitle.signIn,
    done: raisesItself ? words.done : words.doneSwitchBack,
    failed: words.failed,
    notOurs: words.notOurs,
  };
}

function serverInfo(url: string, info: InfoResponse): ServerInfo {
  return {
    url,
    name: info.environment,
    settingsUrl: info.settingsUrl,
    providers: info.sso.providers ?? [],
    ssoRequiredForAll: info.sso.requiredForAll ?? false,
  };
}

export class SignInFlow {
  private state: SignInState = { kind: 'starting' };
  private notices: readonly Notice[] = [];
  private info: ServerInfo | null = null;
  private readonly listeners = new Set<ViewListener>();
  /** The loopback listener of the browser sign-in under way, for Cancel to stop. */
  private loopback: LoopbackListener | null = null;
  /** Sign-outs the server has not confirmed yet, told again until it does. */
  private readonly signOuts: SignOutRetries;

  constructor(private readonly deps: SignInFlowDeps) {
    this.signOuts = new SignOutRetries({
      apiFor: deps.apiFor,
      credentials: deps.credentials,
      keep: deps.allowKeepSignedIn,
      now: deps.now,
      log: deps.log,
      schedule: deps.schedule ?? scheduleTimer,
      onEnded: (serverUrl) => {
        if (!this.signOuts.pendingFor(serverUrl)) this.apply({ type: 'earlierSignOutConfirmed', serverUrl });
      },
    });
  }

  /** Stops the timers of unconfirmed sign-outs; the keychain keeps them for the next start. */
  stop(): void {
    this.signOuts.stop();
  }

  get current(): SignInState {
    return this.state;
  }

  get view(): AppView {
    return {
      flow: toView(this.state, {
        canKeepSignedIn: this.canKeepSignedIn,
        info: this.info,
        passwordSignIn: this.deps.allowPasswordSignIn,
        preselectedProvider: this.deps.ssoProvider,
        trust: this.trustPolicy,
      }),
      notices: this.notices,
      app: this.deps.app,
    };
  }

  subscribe(listener: ViewListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private get canKeepSignedIn(): boolean {
    return this.deps.allowKeepSignedIn && this.deps.credentials.available;
  }

  /** A token is only worth asking for where the keychain can keep it. */
  private get trustPolicy(): TrustPolicy {
    return { allowed: this.deps.allowTrustedComputer && this.deps.credentials.available, maxDays: this.deps.trustedComputerDays };
  }

  /** The re-check after every await: false once the person has cancelled or moved on. */
  private isCurrent(state: SignInState): boolean {
    return this.state === state;
  }

  private apply(event: FlowEvent): SignInState {
    const next = transition(this.state, event);
    if (next !== this.state) {
      this.state = next;
      this.emit();
    }
    return this.state;
  }

  private emit(): void {
    const view = this.view;
    for (const listener of this.listeners) listener(view);
  }

  /** Reads configuration and the keychain, then shows the first view. */
  async start(): Promise<void> {
    if (this.state.kind !== 'starting') return;
    const unavailable = keychainNotice(this.deps.credentials.state);
    if (unavailable !== null) {
      this.notices = [unavailable];
      this.logKeychain();
    }
    // Beside the first view, never before it: a locked keyring may take its time.
    void this.settleKeychain();
    // Sign-outs an earlier run could not finish: the server is told again, whatever this run does.
    void this.signOuts.resume();
    const configured = this.deps.server;
    if (configured === null) {
      this.apply({ type: 'started', server: null, username: '', hasStoredSession: false });
      return;
    }
    const server: Server = { url: configured.url, locked: configured.locked };
    const [username, token] = await Promise.all([
      this.deps.credentials.lastUsername(server.url),
      // Under a policy that forbids keeping sessions, a token kept earlier is never used.
      this.deps.allowKeepSignedIn ? this.deps.credentials.sessionToken(server.url) : Promise.resolve(null),
    ]);
    const restoring = this.apply({ type: 'started', server, username: username ?? '', hasStoredSession: token !== null });
    void this.loadServerInfo(server.url);
    if (restoring.kind === 'restoring' && token !== null) await this.restore(restoring, token);
  }

  /**
   * Deletes what policy forbids keeping (sessions, trusted-computer tokens) from earlier runs. Where
   * policy allows keeping either, checks that the keychain can keep one, and says so when it cannot;
   * where it allows neither, writes nothing else.
   */
  private async settleKeychain(): Promise<void> {
    const { credentials, allowKeepSignedIn, allowTrustedComputer } = this.deps;
    if (!allowKeepSignedIn) {
      const deleted = await credentials.forgetAllSessionTokens();
      if (deleted > 0) this.deps.log(`deleted ${deleted} kept session(s): policy does not allow keeping sessions`);
    }
    if (!allowTrustedComputer) {
      const deleted = await credentials.forgetAllTrustedComputerTokens();
      if (deleted > 0) this.deps.log(`deleted ${deleted} trusted-computer token(s): policy does not allow trusted computers`);
    }
    if (!allowKeepSignedIn && !allowTrustedComputer) return;
    if (!credentials.available || (await credentials.probe())) return;
    const { state } = credentials;
    const notice = keychainNotice(state);
    this.logKeychain();
    if (notice !== null && !this.notices.includes(notice)) this.notices = [...this.notices, notice];
    this.emit();
  }

  /** Says in the log why the keychain cannot keep entries, in the notice's and Diagnostics' terms. */
  private logKeychain(): void {
    const line = keychainLogLine(this.deps.credentials.state);
    if (line !== null) this.deps.log(line);
  }

  /** Handles one validated intent from the renderer. */
  async handle(intent: Intent): Promise<void> {
    switch (intent.type) {
      case 'setServer':
        return this.setServer(intent.address);
      case 'changeServer':
        this.apply({ type: 'changeServerRequested' });
        return;
      case 'submitCredentials':
        return this.submitCredentials(intent.username, intent.password, intent.keepSignedIn);
      case 'signInWithProvider':
        return this.signInWithProvider(intent.providerId, intent.keepSignedIn);
      case 'reloadServerInfo':
        if (this.state.kind === 'idle') await this.loadServerInfo(this.state.server.url);
        return;
      case 'submitCode':
        return this.submitCode(intent.code, intent.trustComputer);
      case 'submitRecoveryCode':
        return this.submitRecoveryCode(intent.recoveryCode, intent.trustComputer);
      case 'chooseMethod':
        this.apply({ type: 'methodChosen', method: intent.method });
        return;
      case 'cancel': {
        // The listener stops before the form comes back: a browser that returns after Cancel finds no one there.
        const closing = this.state.kind === 'awaitingBrowser' ? this.loopback?.close() : undefined;
        this.apply({ type: 'cancelled' });
        await closing;
        return;
      }
      case 'startAgain':
        this.apply({ type: 'startedAgain' });
        return;
      case 'openEnrollment':
        return this.openEnrollment();
      case 'openSettings':
        return this.openSettings();
      case 'openHelp':
        return this.openHelp();
      case 'signOut':
        return this.signOut();
      case 'dismissNotice':
        this.notices = this.notices.filter((n) => n !== intent.notice);
        this.emit();
        return;
      default:
        return assertNever(intent);
    }
  }

  private async loadServerInfo(url: string): Promise<void> {
    const result = await this.deps.apiFor(url).info();
    if (result.ok) {
      this.signOuts.serverAnswered(url);
      this.info = serverInfo(url, result.value);
      const before = this.state;
      // A problem that only said the server could not be asked is over; either way the buttons may have changed.
      if (this.apply({ type: 'serverInfoLoaded', url }) === before) this.emit();
    } else {
      this.deps.log(`server information unavailable: ${result.failure.kind}`);
      this.apply({ type: 'serverInfoFailed', url, problem: problemFromFailure(result.failure, this.deps.now()) });
    }
  }

  private async setServer(address: string): Promise<void> {
    if (this.state.kind !== 'serverPrompt') return;
    const parsed = parseServerAddress(address);
    if (!parsed.ok) {
      this.apply({ type: 'serverAddressRejected', address, problem: { kind: 'invalidServerAddress', reason: parsed.reason } });
      return;
    }
    const checking = this.apply({ type: 'serverSubmitted', address, url: parsed.url });
    const result = await this.deps.apiFor(parsed.url).info();
    if (!this.isCurrent(checking)) return;
    if (!result.ok) {
      this.apply({ type: 'serverAddressRejected', address, problem: problemFromFailure(result.failure, this.deps.now()) });
      return;
    }
    await this.deps.saveServerUrl(parsed.url);
    if (!this.isCurrent(checking)) return;
    this.info = serverInfo(parsed.url, result.value);
    this.apply({ type: 'serverAccepted', server: { url: parsed.url, locked: false } });
  }

  private async submitCredentials(username: string, password: string, keepSignedIn: boolean): Promise<void> {
    if (this.state.kind !== 'idle' || !this.deps.allowPasswordSignIn || lockedNow(this.state.problem, this.deps.now())) return;
    const { server } = this.state;
    const name = username.trim();
    const submitting = this.apply({ type: 'credentialsSubmitted', username: name, keepSignedIn: keepSignedIn && this.canKeepSignedIn });
    const token = await this.trustedComputerToken(server.url, name);
    if (!this.isCurrent(submitting)) return;
    const result = await this.deps.apiFor(server.url).login({ username: name, password, ...(token === null ? {} : { trustedComputerToken: token }) });
    if (result.ok || result.failure.kind === 'api') this.signOuts.serverAnswered(server.url);
    // A token answered with a code request is over (revoked, expired, forgotten, turned off), Cancel or not.
    if (token !== null && result.ok && result.value.status === 'totp_required') {
      await this.deps.credentials.forgetTrustedComputerToken(server.url, name);
      this.deps.log('the server no longer trusts this computer: its token is deleted');
    }
    if (!this.isCurrent(submitting)) return;
    if (result.ok) await this.deps.credentials.rememberUsername(server.url, name);
    if (!this.isCurrent(submitting)) return;
    const next = this.apply({ type: 'loginAnswered', result, now: this.deps.now() });
    // The server answered now, though it could not say earlier which ways of signing in it offers.
    if (this.info?.url !== server.url) void this.loadServerInfo(server.url);
    await this.afterSignIn(next, submitting.kind === 'submittingCredentials' && submitting.keepSignedIn);
  }

  /**
   * "Sign in with …" (RFC 8252): a loopback listener on a port chosen now, the system browser at the
   * provider's start URL with the listener's address, a fresh state and a PKCE challenge; then the one
   * result code the browser brings back is exchanged, with the verifier only this app holds, for the session.
   */
  private async signInWithProvider(providerId: string, keepSignedIn: boolean): Promise<void> {
    const state = this.state;
    // A lock-out after wrong passwords does not stop this path: the identity provider checks the person itself.
    if (state.kind !== 'idle') return;
    const provider = this.info?.url === state.server.url ? this.info.providers.find((p) => p.id === providerId) : undefined;
    if (provider === undefined) {
      this.deps.log(`the server does not offer the identity provider "${providerId}"`);
      return;
    }
    const waiting = this.apply({
      type: 'browserSignInStarted',
      provider: { id: provider.id, displayName: provider.displayName },
      keepSignedIn: keepSignedIn && this.canKeepSignedIn,
    });
    if (waiting.kind !== 'awaitingBrowser') return;
    const secrets = newBrowserSignInSecrets();
    let listener: LoopbackListener;
    try {
      listener = await this.deps.startLoopback({
        state: secrets.state,
        timeoutMs: this.deps.browserSignInTimeoutMs ?? BROWSER_SIGN_IN_TIMEOUT_MS,
        words: returnPageWords(this.deps.app.language, this.deps.raisesItself ?? true),
      });
    } catch (error) {
      this.deps.log(`could not listen for the browser's return: ${error instanceof Error ? error.message : String(error)}`);
      this.failBrowserSignIn(waiting, { kind: 'ssoBrowserFailed' });
      return;
    }
    try {
      if (!this.isCurrent(waiting)) return;
      this.loopback = listener;
      const url = browserStartUrl(provider.startUrl, { redirectUri: listener.redirectUri, state: secrets.state, codeChallenge: secrets.codeChallenge });
      if (url === null || !isAllowedExternalUrl(url, [waiting.server.url, ...this.deps.extraExternalOrigins])) {
        this.deps.log(`refused to open the start address of "${provider.id}": it is not on the server's origin`);
        this.failBrowserSignIn(waiting, { kind: 'ssoStartRefused' });
        return;
      }
      const opened = await this.openInBrowser(url, [waiting.server.url]);
      if (!this.isCurrent(waiting)) return;
      if (!opened) {
        this.failBrowserSignIn(waiting, { kind: 'ssoBrowserFailed' });
        return;
      }
      const outcome = await listener.outcome;
      if (!this.isCurrent(waiting)) return;
      await this.afterBrowserReturn(waiting, outcome, secrets.codeVerifier);
    } finally {
      if (this.loopback === listener) this.loopback = null;
      await listener.close();
    }
  }

  private async afterBrowserReturn(waiting: StateOf<'awaitingBrowser'>, outcome: LoopbackOutcome, codeVerifier: string): Promise<void> {
    const provider = waiting.provider.id;
    switch (outcome.kind) {
      case 'closed':
        return;
      case 'timeout':
        this.deps.log(`browser sign-in with "${provider}" not finished in time`);
        this.failBrowserSignIn(waiting, { kind: 'ssoExpired' });
        return;
      case 'malformed':
        this.deps.bringToFront();
        this.deps.log(`browser sign-in with "${provider}" came back without a result`);
        this.failBrowserSignIn(waiting, { kind: 'unexpected' });
        return;
      case 'error':
        this.deps.bringToFront();
        // Codes and reasons are for support; they carry no secret.
        this.deps.log(`browser sign-in with "${provider}" ended: ${outcome.code ?? 'unknown code'} (${outcome.reason ?? 'no reason'})`);
        this.failBrowserSignIn(waiting, outcome.code === null ? { kind: 'unexpected' } : problemFromSsoError(outcome.code, outcome.reason));
        return;
      case 'code': {
        this.deps.bringToFront();
        const finishing = this.apply({ type: 'browserReturned' });
        const result = await this.deps.apiFor(waiting.server.url).exchangeSsoResult({ code: outcome.code, codeVerifier });
        if (!this.isCurrent(finishing)) return;
        if (result.ok) await this.deps.credentials.rememberUsername(waiting.server.url, result.value.session.user.username);
        if (!this.isCurrent(finishing)) return;
        if (!result.ok) this.deps.log(`the server refused the browser sign-in's result: ${result.failure.kind === 'api' ? result.failure.code : result.failure.kind}`);
        const next = this.apply({ type: 'browserSignInExchanged', result, now: this.deps.now() });
        await this.afterSignIn(next, waiting.keepSignedIn);
        return;
      }
      default:
        return assertNever(outcome);
    }
  }

  /** Back to the form with the problem; the server is asked again which providers it offers, as one may be gone. */
  private failBrowserSignIn(waiting: StateOf<'awaitingBrowser'>, problem: Problem): void {
    if (!this.isCurrent(waiting)) return;
    this.apply({ type: 'browserSignInFailed', problem });
    void this.loadServerInfo(waiting.server.url);
  }

  private async submitCode(raw: string, trustComputer: boolean): Promise<void> {
    const state = this.state;
    if (state.kind !== 'codeRequired' || state.method !== 'totp' || !this.mayAttempt(state)) return;
    const code = normaliseCode(raw, state.challenge.digits);
    if (!isCompleteCode(code, state.challenge.digits)) return;
    const trust = this.trustRequest(state, trustComputer);
    const submitting = this.apply({ type: 'codeSubmitted' });
    const result = await this.deps.apiFor(state.server.url).verifyTotp({ challengeId: state.challenge.id, code, ...trust });
    if (!this.isCurrent(submitting)) return;
    await this.afterCode(this.apply({ type: 'codeAnswered', result, now: this.deps.now() }), state.keepSignedIn, result.ok ? result.value.trustedComputer : undefined);
  }

  private async submitRecoveryCode(raw: string, trustComputer: boolean): Promise<void> {
    const state = this.state;
    if (state.kind !== 'codeRequired' || state.method !== 'recovery_code' || !this.mayAttempt(state)) return;
    const recoveryCode = normaliseRecoveryCode(raw);
    if (recoveryCode === '') return;
    const trust = this.trustRequest(state, trustComputer);
    const submitting = this.apply({ type: 'codeSubmitted' });
    const result = await this.deps.apiFor(state.server.url).verifyRecoveryCode({ challengeId: state.challenge.id, recoveryCode, ...trust });
    if (!this.isCurrent(submitting)) return;
    await this.afterCode(this.apply({ type: 'codeAnswered', result, now: this.deps.now() }), state.keepSignedIn, result.ok ? result.value.trustedComputer : undefined);
  }

  /** The kept token for this person on this server, when policy lets one be sent. */
  private async trustedComputerToken(serverUrl: string, username: string): Promise<string | null> {
    if (!this.deps.allowTrustedComputer) return null;
    const token = await this.deps.credentials.trustedComputerToken(serverUrl, username);
    if (token === null || isSendableToken(token)) return token;
    // The server would refuse the whole sign-in over it.
    this.deps.log('deleted a kept trusted-computer token of a shape the server does not accept');
    await this.deps.credentials.forgetTrustedComputerToken(serverUrl, username);
    return null;
  }

  /** What a code asks the server for when "Don't ask for a code on this computer" was ticked, and it is offered now. */
  private trustRequest(state: StateOf<'codeRequired'>, ticked: boolean): { readonly trustComputer?: TrustComputerRequest } {
    const days = ticked ? offeredTrustDays(this.trustPolicy, state.challenge.trustedComputerDays) : null;
    return days === null ? {} : { trustComputer: { name: this.deps.computerName, days } };
  }

  /** After a code: keeps the token of the trust it created (`issued`), then the session when the person asked for it. */
  private async afterCode(state: SignInState, keepSignedIn: boolean, issued: IssuedTrustedComputer | undefined): Promise<void> {
    const next = state.kind === 'signedIn' && issued !== undefined ? await this.keepTrustedComputer(state, issued) : state;
    if (next !== null) await this.afterSignIn(next, keepSignedIn);
  }

  /**
   * Keeps the trusted-computer token in the keychain, whatever the person does meanwhile: the server
   * trusts this computer either way. A keychain that refuses is said in a notice; the sign-in stands.
   * Resolves the state to carry on from, or null once the person has moved on.
   */
  private async keepTrustedComputer(state: StateOf<'signedIn'>, issued: IssuedTrustedComputer): Promise<SignInState | null> {
    const kept =
      isSendableToken(issued.token) && (await this.deps.credentials.rememberTrustedComputerToken(state.server.url, state.username, issued.token));
    if (!kept) {
      this.deps.log('the keychain did not keep the trusted-computer token: the next sign-in asks for a code');
      if (!this.notices.includes('trustedComputerNotKept')) this.notices = [...this.notices, 'trustedComputerNotKept'];
      this.emit();
    }
    if (!this.isCurrent(state)) return null;
    const until = Date.parse(issued.expiresAt);
    return kept && Number.isFinite(until) ? this.apply({ type: 'trustedComputerKept', until }) : state;
  }

  /** Refuses, without asking the server, a code for a challenge that is over or still locked. */
  private mayAttempt(state: Extract<SignInState, { kind: 'codeRequired' }>): boolean {
    const now = this.deps.now();
    if (challengeIsOver(state.problem) || lockedNow(state.problem, now)) return false;
    if (now >= state.challenge.expiresAt) {
      this.apply({ type: 'codeRefusedLocally', problem: { kind: 'challengeExpired' } });
      return false;
    }
    return true;
  }

  /** Keeps the session in the keychain when the person asked for it. */
  private async afterSignIn(state: SignInState, keepSignedIn: boolean): Promise<void> {
    if (state.kind !== 'signedIn' || !keepSignedIn || !this.canKeepSignedIn) return;
    const stored = await this.deps.credentials.rememberSessionToken(state.server.url, state.token);
    if (!this.isCurrent(state)) return;
    this.apply({ type: 'sessionStored', stored });
  }

  private async restore(restoring: SignInState, token: string): Promise<void> {
    if (restoring.kind !== 'restoring') return;
    const result = await this.deps.apiFor(restoring.server.url).me(token);
    if (!this.isCurrent(restoring)) return;
    if (!result.ok && result.failure.kind === 'api' && result.failure.code === 'unauthorized') {
      await this.deps.credentials.forgetSessionToken(restoring.server.url);
      if (!this.isCurrent(restoring)) return;
    }
    this.apply({ type: 'restoreAnswered', token, result, now: this.deps.now() });
  }

  private async signOut(): Promise<void> {
    if (this.state.kind !== 'signedIn') return;
    const signingOut = this.apply({ type: 'signOutRequested' });
    if (signingOut.kind !== 'signingOut') return;
    const { server, token, expiresAt } = signingOut;
    // Forget locally first: even if the server cannot be told, this computer no longer holds the session.
    await this.deps.credentials.forgetSessionToken(server.url);
    const result = await this.deps.apiFor(server.url).logout(token);
    const confirmed = signOutAnswer(result) !== 'notConfirmed';
    if (!confirmed && !result.ok) {
      this.deps.log(`sign-out not confirmed by the server (${result.failure.kind === 'api' ? result.failure.code : result.failure.kind}): it is told again later`);
      // The token is kept for nothing but this, in the keychain, until the server ends the session.
      await this.signOuts.add({ serverUrl: server.url, token, expiresAt }, result);
    }
    if (!this.isCurrent(signingOut)) return;
    this.apply({ type: 'signedOut', confirmed });
  }

  private async openEnrollment(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'enrollmentNeeded') return;
    const url = await this.handedOver(state.server, state.enrollmentToken, '/enroll', state.enrollmentUrl);
    if (!this.isCurrent(state)) return;
    const opened = await this.openInBrowser(url, [state.server.url]);
    if (!this.isCurrent(state)) return;
    this.apply({ type: 'enrollmentPageOpened', opened });
  }

  private async openHelp(): Promise<void> {
    const { helpUrl } = this.deps;
    if (helpUrl !== null) {
      await this.openInBrowser(helpUrl, [helpUrl]);
      return;
    }
    const state = this.state;
    if ('server' in state) await this.openInBrowser(`${state.server.url}/help`, [state.server.url]);
  }

  private async openSettings(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'signedIn') return;
    let url = this.info?.url === state.server.url ? this.info.settingsUrl : null;
    if (url === null) {
      const result = await this.deps.apiFor(state.server.url).info();
      if (!result.ok || !this.isCurrent(state)) return;
      url = result.value.settingsUrl;
    }
    const target = await this.handedOver(state.server, state.token, '/settings', url);
    if (!this.isCurrent(state)) return;
    await this.openInBrowser(target, [state.server.url]);
  }

  /**
   * The page at `plain`, carried over to the browser with a one-time hand-off of this session, so the
   * person is not asked to sign in again. Without one (the session has ended, an older server), the
   * plain page, whose sign-in form says why it asks. The address is never logged: it carries the code.
   */
  private async handedOver(server: Server, token: string, next: HandoffPath, plain: string): Promise<string> {
    const result = await this.deps.apiFor(server.url).handoff(token, next);
    if (result.ok) return result.value.url;
    this.deps.log(`no hand-off to the browser (${result.failure.kind === 'api' ? result.failure.code : result.failure.kind}): the page asks to sign in`);
    return plain;
  }

  /** False when the URL is not one the app may open, or the system could not open a browser. */
  private async openInBrowser(url: string, origins: readonly string[]): Promise<boolean> {
    if (!isAllowedExternalUrl(url, [...origins, ...this.deps.extraExternalOrigins])) {
      this.deps.log('refused to open a URL outside the configured server origins');
      return false;
    }
    try {
      await this.deps.openExternal(url);
      return true;
    } catch {
      this.deps.log('the system could not open the browser');
      return false;
    }
  }
}

function lockedNow(problem: { readonly kind: string; readonly retryAt?: number } | null, now: number): boolean {
  return problem !== null && problem.kind === 'locked' && problem.retryAt !== undefined && problem.retryAt > now;
}
