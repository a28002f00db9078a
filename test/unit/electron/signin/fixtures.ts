/** Builders for flow states and server answers, shaped exactly like the v1 API's. */
import type { ApiFailure, ApiResult } from '../../../../electron/api/api-result.js';
import type { PendingChallenge, Server, SignInState, StateOf } from '../../../../electron/signin/state.js';

export const NOW = Date.parse('2030-01-01T12:00:00.000Z');

export const server: Server = { url: 'https://id.example.com', locked: false };

export const challenge: PendingChallenge = {
  id: 'ch_1',
  expiresAt: NOW + 5 * 60_000,
  methods: ['totp', 'recovery_code'],
  digits: 6,
  trustedComputerDays: 30,
};

export const session = {
  token: 'tok_secret',
  expiresAt: new Date(NOW + 12 * 3600_000).toISOString(),
  user: { id: 'u1', username: 'ada', displayName: 'Ada Lovelace', isAdmin: false },
};

/** A hand-off as the server gives it: the one-time code in the address's fragment. */
export const handoff = { url: 'https://id.example.com/handoff#sgh_onetime', expiresAt: new Date(NOW + 60_000).toISOString(), expiresIn: 60 };

export const apiChallenge = {
  id: challenge.id,
  expiresAt: new Date(challenge.expiresAt).toISOString(),
  attemptsRemaining: 5,
  methods: ['totp', 'recovery_code'] as ('totp' | 'recovery_code')[],
  digits: 6,
  period: 30,
  trustedComputerDays: 30,
};

export const idle: StateOf<'idle'> = { kind: 'idle', server, username: 'ada', keepSignedIn: false, problem: null, signedOut: null, lastProvider: null };

export const provider = { id: 'contoso', displayName: 'Contoso' } as const;
export const awaitingBrowser: StateOf<'awaitingBrowser'> = { kind: 'awaitingBrowser', server, username: 'ada', keepSignedIn: true, provider };
export const finishingBrowserSignIn: StateOf<'finishingBrowserSignIn'> = { ...awaitingBrowser, kind: 'finishingBrowserSignIn' };
export const submittingCredentials: StateOf<'submittingCredentials'> = {
  kind: 'submittingCredentials',
  server,
  username: 'ada',
  keepSignedIn: true,
};
export const codeRequired: StateOf<'codeRequired'> = {
  kind: 'codeRequired',
  server,
  username: 'ada',
  keepSignedIn: true,
  challenge,
  method: 'totp',
  attempt: 0,
  problem: null,
  clockOffset: null,
};
export const submittingCode: StateOf<'submittingCode'> = { ...codeRequired, kind: 'submittingCode' };
export const enrollmentNeeded: StateOf<'enrollmentNeeded'> = {
  kind: 'enrollmentNeeded',
  server,
  username: 'ada',
  enrollmentUrl: 'https://id.example.com/enroll',
  browser: 'notOpened',
  enrollmentToken: 'sgs_enrollment',
};
export const signedIn: StateOf<'signedIn'> = {
  kind: 'signedIn',
  server,
  username: 'ada',
  displayName: 'Ada Lovelace',
  token: 'tok_secret',
  expiresAt: NOW + 12 * 3600_000,
  remembered: false,
  recoveryCodesRemaining: null,
  trustedComputer: null,
  problem: null,
};

export const allStates: readonly SignInState[] = [
  { kind: 'starting' },
  { kind: 'serverPrompt', address: '', problem: null },
  { kind: 'checkingServer', address: 'id.example.com', url: 'https://id.example.com' },
  idle,
  submittingCredentials,
  codeRequired,
  submittingCode,
  awaitingBrowser,
  finishingBrowserSignIn,
  enrollmentNeeded,
  { kind: 'restoring', server, username: 'ada' },
  signedIn,
  { ...signedIn, kind: 'signingOut' },
];

export const failed = <T>(failure: ApiFailure): ApiResult<T> => ({ ok: false, failure });
export const apiError = <T>(code: Extract<ApiFailure, { kind: 'api' }>['code'], extra: object = {}): ApiResult<T> =>
  failed({ kind: 'api', code, ...extra });
