/**
 * Runs the sign-in flow: takes the renderer's intents, performs the requests and keychain calls
 * they need, and feeds the answers back through `transition`. Every action first checks that the
 * flow is in a state that allows it, and after every await checks that the state is still the one
 * that made the request; if the person cancelled or moved on meanwhile, the answer is dropped.
 * Nothing here imports Electron: the same code runs in the app, the browser preview and tests.
 */
import { isCompleteCode, normaliseCode, normaliseRecoveryCode } from '../../shared/code/normalise-code.js';
import type { Intent } from '../../shared/ipc/intents.js';
import type { AppFacts, AppView, Notice } from '../../shared/ipc/view.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { ApiClient } from '../api/api-client.js';
import { parseServerAddress } from '../config/server-address.js';
import type { CredentialStore } from '../keychain/credential-store.js';
import { isAllowedExternalUrl } from '../security/external-url.js';
import type { FlowEvent } from './events.js';
import { problemFromFailure } from './problem-from-failure.js';
import { challengeIsOver, type Server, type ServerInfo, type SignInState } from './state.js';
import { toView } from './to-view.js';
import { transition } from './transition.js';

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
  /** Diagnostics only; never given a password, code or token. */
  readonly log: (message: string) => void;
}

export type ViewListener = (view: AppView) => void;

export class SignInFlow {
  private state: SignInState = { kind: 'starting' };
  private notices: readonly Notice[] = [];
  private info: ServerInfo | null = null;
  private readonly listeners = new Set<ViewListener>();

  constructor(private readonly deps: SignInFlowDeps) {}

  get current(): SignInState {
    return this.state;
  }

  get view(): AppView {
    return {
      flow: toView(this.state, { canKeepSignedIn: this.canKeepSignedIn, info: this.info }),
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
    if (!this.deps.credentials.available) this.notices = ['noKeychain'];
    // Beside the first view, never before it: a locked keyring may take its time.
    void this.settleKeptSessions();
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
   * Where policy allows keeping sessions, checks that the keychain can keep one, and says so when it
   * cannot; where policy forbids it, deletes every session kept earlier and writes nothing else.
   */
  private async settleKeptSessions(): Promise<void> {
    const credentials = this.deps.credentials;
    if (!this.deps.allowKeepSignedIn) {
      const deleted = await credentials.forgetAllSessionTokens();
      if (deleted > 0) this.deps.log(`deleted ${deleted} kept session(s): policy does not allow keeping sessions`);
      return;
    }
    if (!credentials.available || (await credentials.probe())) return;
    this.deps.log('the keychain cannot store entries: nothing will be remembered');
    if (!this.notices.includes('noKeychain')) this.notices = [...this.notices, 'noKeychain'];
    this.emit();
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
      case 'submitCode':
        return this.submitCode(intent.code);
      case 'submitRecoveryCode':
        return this.submitRecoveryCode(intent.recoveryCode);
      case 'chooseMethod':
        this.apply({ type: 'methodChosen', method: intent.method });
        return;
      case 'cancel':
        this.apply({ type: 'cancelled' });
        return;
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
      this.info = { url, name: result.value.environment, settingsUrl: result.value.settingsUrl };
      this.emit();
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
    this.info = { url: parsed.url, name: result.value.environment, settingsUrl: result.value.settingsUrl };
    this.apply({ type: 'serverAccepted', server: { url: parsed.url, locked: false } });
  }

  private async submitCredentials(username: string, password: string, keepSignedIn: boolean): Promise<void> {
    if (this.state.kind !== 'idle' || lockedNow(this.state.problem, this.deps.now())) return;
    const { server } = this.state;
    const name = username.trim();
    const submitting = this.apply({ type: 'credentialsSubmitted', username: name, keepSignedIn: keepSignedIn && this.canKeepSignedIn });
    const result = await this.deps.apiFor(server.url).login({ username: name, password });
    if (!this.isCurrent(submitting)) return;
    if (result.ok) await this.deps.credentials.rememberUsername(server.url, name);
    if (!this.isCurrent(submitting)) return;
    const next = this.apply({ type: 'loginAnswered', result, now: this.deps.now() });
    await this.afterSignIn(next, submitting.kind === 'submittingCredentials' && submitting.keepSignedIn);
  }

  private async submitCode(raw: string): Promise<void> {
    const state = this.state;
    if (state.kind !== 'codeRequired' || state.method !== 'totp' || !this.mayAttempt(state)) return;
    const code = normaliseCode(raw, state.challenge.digits);
    if (!isCompleteCode(code, state.challenge.digits)) return;
    const submitting = this.apply({ type: 'codeSubmitted' });
    const result = await this.deps.apiFor(state.server.url).verifyTotp({ challengeId: state.challenge.id, code });
    if (!this.isCurrent(submitting)) return;
    await this.afterSignIn(this.apply({ type: 'codeAnswered', result, now: this.deps.now() }), state.keepSignedIn);
  }

  private async submitRecoveryCode(raw: string): Promise<void> {
    const state = this.state;
    if (state.kind !== 'codeRequired' || state.method !== 'recovery_code' || !this.mayAttempt(state)) return;
    const recoveryCode = normaliseRecoveryCode(raw);
    if (recoveryCode === '') return;
    const submitting = this.apply({ type: 'codeSubmitted' });
    const result = await this.deps.apiFor(state.server.url).verifyRecoveryCode({ challengeId: state.challenge.id, recoveryCode });
    if (!this.isCurrent(submitting)) return;
    await this.afterSignIn(this.apply({ type: 'codeAnswered', result, now: this.deps.now() }), state.keepSignedIn);
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
    const { server, token } = signingOut;
    // Forget locally first: even if the server cannot be told, this computer no longer holds the session.
    await this.deps.credentials.forgetSessionToken(server.url);
    const result = await this.deps.apiFor(server.url).logout(token);
    if (!result.ok) this.deps.log(`sign-out not confirmed by the server: ${result.failure.kind}`);
    if (!this.isCurrent(signingOut)) return;
    this.apply({ type: 'signedOut' });
  }

  private async openEnrollment(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'enrollmentNeeded') return;
    const opened = await this.openInBrowser(state.enrollmentUrl, [state.server.url]);
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
    await this.openInBrowser(url, [state.server.url]);
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
