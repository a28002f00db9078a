/** Projects the flow's state onto what the windows draw, leaving out tokens and challenge ids. */
import { isSsoProblem } from '../../shared/ipc/problem.js';
import type { FlowView, ProviderView, ServerView } from '../../shared/ipc/view.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { CLOCK_OFFSET_TOLD_MS, type Server, type ServerInfo, type SignInState, type StateOf } from './state.js';
import { offeredTrustDays, type TrustPolicy } from './trusted-computer.js';

export interface ViewContext {
  readonly canKeepSignedIn: boolean;
  readonly info: ServerInfo | null;
  /** Policy: false hides the username and password. */
  readonly passwordSignIn: boolean;
  /** Policy: the provider to offer first; ignored when the server does not offer it. */
  readonly preselectedProvider: string | null;
  /** Policy and keychain: whether, and for how many days at most, this computer may skip the code. */
  readonly trust: TrustPolicy;
}

type SignInFormState = StateOf<'idle'> | StateOf<'submittingCredentials'>;

/** The sign-in form's ways in: which buttons, in which order, and where focus goes. */
function signInOptions(state: SignInFormState, context: ViewContext) {
  const info = context.info !== null && context.info.url === state.server.url ? context.info : null;
  const offered: readonly ProviderView[] | null = info?.providers.map(({ id, displayName }) => ({ id, displayName })) ?? null;
  const preselected = offered?.find((p) => p.id === context.preselectedProvider) ?? null;
  const providers = offered === null || preselected === null ? offered : [preselected, ...offered.filter((p) => p !== preselected)];
  const providersFirst = preselected !== null || info?.ssoRequiredForAll === true;
  const first = providers?.[0]?.id ?? null;
  const problem = state.kind === 'idle' ? state.problem : null;
  const last = state.kind === 'idle' && providers?.some((p) => p.id === state.lastProvider) === true ? state.lastProvider : null;
  const focusProvider = ((): string | null => {
    if (first === null) return null;
    // "Sign in with your username and password" is the way on from there.
    if (problem?.kind === 'ssoNotAllowed' && problem.reason === 'ssoOff' && context.passwordSignIn) return null;
    // Back from the browser, however it ended: that provider's button again.
    if (last !== null) return last;
    if (!context.passwordSignIn || isSsoProblem(problem)) return first;
    // A wrong password and the like are fixed in the form.
    return problem === null && providersFirst ? first : null;
  })();
  return { providers, providersFirst: providersFirst || !context.passwordSignIn, focusProvider };
}

export function toView(state: SignInState, context: ViewContext): FlowView {
  const serverView = (server: Server): ServerView => ({
    url: server.url,
    name: context.info !== null && context.info.url === server.url ? context.info.name : null,
    locked: server.locked,
  });

  switch (state.kind) {
    case 'starting':
    case 'restoring':
      return { kind: 'starting' };
    case 'serverPrompt':
      return { kind: 'serverPrompt', address: state.address, busy: false, problem: state.problem };
    case 'checkingServer':
      return { kind: 'serverPrompt', address: state.address, busy: true, problem: null };
    case 'idle':
    case 'submittingCredentials':
      return {
        kind: 'signIn',
        server: serverView(state.server),
        username: state.username,
        keepSignedIn: state.keepSignedIn && context.canKeepSignedIn,
        canKeepSignedIn: context.canKeepSignedIn,
        busy: state.kind === 'submittingCredentials',
        problem: state.kind === 'idle' ? state.problem : null,
        signedOut: state.kind === 'idle' ? state.signedOut : null,
        passwordSignIn: context.passwordSignIn,
        ...signInOptions(state, context),
      };
    case 'awaitingBrowser':
    case 'finishingBrowserSignIn':
      return { kind: 'browserSignIn', server: serverView(state.server), provider: state.provider.displayName, finishing: state.kind === 'finishingBrowserSignIn' };
    case 'codeRequired':
    case 'submittingCode':
      return {
        kind: 'code',
        server: serverView(state.server),
        username: state.username,
        method: state.method,
        methods: state.challenge.methods,
        digits: state.challenge.digits,
        expiresAt: state.challenge.expiresAt,
        busy: state.kind === 'submittingCode',
        problem: state.kind === 'codeRequired' ? state.problem : null,
        attempt: state.attempt,
        computerClockOffset:
          state.clockOffset !== null && Math.abs(state.clockOffset) > CLOCK_OFFSET_TOLD_MS ? Math.round(state.clockOffset / 1000) : null,
        trustDays: offeredTrustDays(context.trust, state.challenge.trustedComputerDays),
      };
    case 'enrollmentNeeded':
      return { kind: 'enrollmentNeeded', server: serverView(state.server), username: state.username, enrollmentUrl: state.enrollmentUrl, browser: state.browser };
    case 'signedIn':
    case 'signingOut':
      return {
        kind: 'signedIn',
        server: serverView(state.server),
        username: state.username,
        displayName: state.displayName,
        expiresAt: state.expiresAt,
        remembered: state.remembered,
        recoveryCodesRemaining: state.recoveryCodesRemaining,
        trustedComputer: state.trustedComputer,
        busy: state.kind === 'signingOut',
        problem: state.kind === 'signedIn' ? state.problem : null,
      };
    default:
      return assertNever(state);
  }
}
