/**
 * What can happen to the flow: the person's actions and the server's answers. Answers carry the
 * time they arrived, so transitions stay pure.
 */
import type { Static } from 'typebox';
import type { AuthenticatedResponse, CodeAcceptedResponse, LoginResponse, MeResponse, RecoveryResponse } from '../../shared/api/schemas.js';
import type { CodeMethod } from '../../shared/ipc/view.js';
import type { Problem } from '../../shared/ipc/problem.js';
import type { ApiResult } from '../api/api-result.js';
import type { ProviderRef, Server } from './state.js';

export type FlowEvent =
  | { readonly type: 'started'; readonly server: Server | null; readonly username: string; readonly hasStoredSession: boolean }
  | { readonly type: 'serverInfoFailed'; readonly url: string; readonly problem: Problem }
  | { readonly type: 'serverInfoLoaded'; readonly url: string }
  | { readonly type: 'serverSubmitted'; readonly address: string; readonly url: string }
  | { readonly type: 'serverAddressRejected'; readonly address: string; readonly problem: Problem }
  | { readonly type: 'serverAccepted'; readonly server: Server }
  | { readonly type: 'changeServerRequested' }
  | { readonly type: 'credentialsSubmitted'; readonly username: string; readonly keepSignedIn: boolean }
  | { readonly type: 'loginAnswered'; readonly result: ApiResult<Static<typeof LoginResponse>>; readonly now: number }
  | { readonly type: 'methodChosen'; readonly method: CodeMethod }
  | { readonly type: 'codeSubmitted' }
  | { readonly type: 'codeRefusedLocally'; readonly problem: Problem }
  | {
      readonly type: 'codeAnswered';
      readonly result: ApiResult<CodeAcceptedResponse | RecoveryResponse>;
      readonly now: number;
    }
  | { readonly type: 'browserSignInStarted'; readonly provider: ProviderRef; readonly keepSignedIn: boolean }
  | { readonly type: 'browserReturned' }
  | { readonly type: 'browserSignInFailed'; readonly problem: Problem }
  | { readonly type: 'browserSignInExchanged'; readonly result: ApiResult<Static<typeof AuthenticatedResponse>>; readonly now: number }
  | { readonly type: 'sessionStored'; readonly stored: boolean }
  /** The keychain kept the token of the trust this sign-in's code created, which lasts until `until` (epoch ms). */
  | { readonly type: 'trustedComputerKept'; readonly until: number }
  | { readonly type: 'cancelled' }
  | { readonly type: 'startedAgain' }
  | { readonly type: 'restoreAnswered'; readonly token: string; readonly result: ApiResult<Static<typeof MeResponse>>; readonly now: number }
  | { readonly type: 'signOutRequested' }
  /** The server ended the session (or it was already over), or it could not be told. */
  | { readonly type: 'signedOut'; readonly confirmed: boolean }
  /** The server has now ended the session of an earlier unconfirmed sign-out from `serverUrl`, and none is left. */
  | { readonly type: 'earlierSignOutConfirmed'; readonly serverUrl: string }
  | { readonly type: 'enrollmentPageOpened'; readonly opened: boolean };

export type FlowEventType = FlowEvent['type'];
