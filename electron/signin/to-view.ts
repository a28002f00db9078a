/** Projects the flow's state onto what the windows draw, leaving out tokens and challenge ids. */
import type { FlowView, ServerView } from '../../shared/ipc/view.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { Server, ServerInfo, SignInState } from './state.js';

export interface ViewContext {
  readonly canKeepSignedIn: boolean;
  readonly info: ServerInfo | null;
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
        signedOut: state.kind === 'idle' && state.signedOut,
      };
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
        busy: state.kind === 'signingOut',
        problem: state.kind === 'signedIn' ? state.problem : null,
      };
    default:
      return assertNever(state);
  }
}
