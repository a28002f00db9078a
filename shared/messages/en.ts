/**
 * Every word the person reads, in one place, so that other languages can be added by translating
 * this file, and so the browser pages can reuse the same sentences.
 */
import type { Problem, ServerAddressProblem } from '../ipc/problem.js';
import { assertNever } from '../util/assert-never.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "45 seconds", "2 minutes 5 seconds": a countdown a person can read aloud. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return plural(s, 'second', 'seconds');
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? plural(m, 'minute', 'minutes') : `${plural(m, 'minute', 'minutes')} ${plural(rest, 'second', 'seconds')}`;
}

const serverAddress: Readonly<Record<ServerAddressProblem, string>> = {
  empty: 'Enter the address of your sign-in server.',
  malformed: 'That does not look like a web address. Check it and try again, for example https://id.example.com.',
  notHttps: 'The address must start with https:// (plain http is only allowed for this computer).',
  notAllowed: 'Your organisation does not allow this server address.',
};

export const en = {
  appName: 'Stepgate',
  windowTitle: {
    signIn: 'Sign in – Stepgate',
    code: 'Verification code – Stepgate',
  },
  starting: 'Starting…',
  bridgeMissing: 'Part of Stepgate did not load, so this window cannot work. Reinstalling Stepgate should fix this.',
  menu: { edit: 'Edit', window: 'Window' },
  notices: {
    noKeychain:
      'This computer has no keychain available, so Stepgate cannot remember your username or keep you signed in. Signing in still works.',
    dismiss: 'Dismiss',
  },
  serverPrompt: {
    heading: 'Which server do you sign in to?',
    intro: 'Your organisation gives you this address. You only need to enter it once.',
    label: 'Server address',
    placeholder: 'https://id.example.com',
    submit: 'Continue',
    busy: 'Checking the server…',
  },
  signIn: {
    heading: 'Sign in',
    serverLabel: 'Server',
    serverUnknownName: 'Sign-in server',
    changeServer: 'Change server',
    username: 'Username',
    password: 'Password',
    keepSignedIn: 'Keep me signed in',
    keepSignedInUnavailable: 'Keep me signed in (not available on this computer)',
    submit: 'Sign in',
    busy: 'Signing in…',
  },
  code: {
    heading: 'Enter your verification code',
    intro: (digits: number) => `Open your authenticator app and enter the ${digits}-digit code it shows for this account.`,
    label: (digits: number) => `Verification code, ${digits} digits`,
    recoveryHeading: 'Enter a recovery code',
    recoveryIntro: 'Use one of the recovery codes you saved when you set up two-factor authentication. Each works once.',
    recoveryLabel: 'Recovery code',
    recoverySubmit: 'Verify',
    submit: 'Verify',
    verifying: 'Checking the code…',
    useRecovery: 'Use a recovery code instead',
    useAuthenticator: 'Use a code from your authenticator app instead',
    cancel: 'Cancel',
    startAgain: 'Start again',
    expiresIn: (seconds: number) => `This sign-in request expires in ${duration(seconds)}.`,
    lockedFor: (seconds: number) => `Too many attempts. You can try again in ${duration(seconds)}.`,
    lockedOver: 'You can try again now.',
  },
  enrollment: {
    heading: 'Set up two-factor authentication first',
    body: 'Your account needs an authenticator app before you can sign in here. Set-up is done in your web browser or in the mobile app, not in this app.',
    steps: 'Open the set-up page, add the account to your authenticator app, then come back and sign in again.',
    open: 'Open set-up page in browser',
    tryAgain: 'Try again',
  },
  signedIn: {
    heading: 'You are signed in',
    as: 'Signed in as',
    server: 'Server',
    until: 'Session ends',
    remembered: 'You will stay signed in on this computer until the session ends or you sign out.',
    notRemembered: 'You will be signed out when you quit Stepgate.',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    manage: 'Manage two-factor authentication',
    recoveryCodesLeft: (n: number): string =>
      n === 0
        ? 'You signed in with your last recovery code. Make new ones now in your two-factor settings.'
        : `You signed in with a recovery code. ${n} ${n === 1 ? 'code is' : 'codes are'} left; each works once. You can make new ones in your two-factor settings.`,
  },
  problem(problem: Problem, now: number): string {
    switch (problem.kind) {
      case 'invalidCredentials':
        return 'The username or password is not right. Check them and try again.';
      case 'wrongCode':
        return problem.attemptsRemaining > 0
          ? `That code is not right. ${plural(problem.attemptsRemaining, 'attempt', 'attempts')} left. Check that you use the newest code from your app.`
          : 'That code is not right, and no attempts are left. Start again with your password.';
      case 'challengeExpired':
        return 'This sign-in request has expired. Start again with your password.';
      case 'locked': {
        const left = (problem.retryAt - now) / 1000;
        return left > 0 ? en.code.lockedFor(left) : en.code.lockedOver;
      }
      case 'sessionEnded':
        return 'Your session has ended. Sign in again.';
      case 'forbidden':
        return 'This account is not allowed to sign in here. Ask your administrator.';
      case 'notFound':
        return 'The server does not offer this sign-in. Check the server address.';
      case 'totpDisabled':
        return 'Two-factor authentication was just turned off for this server. Sign in again with your password.';
      case 'invalidRequest':
        return 'The server did not accept what was sent. Check what you entered and try again.';
      case 'unreachable':
        return 'Cannot reach the server. Check your network connection and the server address, then try again.';
      case 'timeout':
        return 'The server took too long to answer. Try again in a moment.';
      case 'tls':
        return 'The server’s security certificate could not be verified, so Stepgate did not send anything. Ask your administrator.';
      case 'unexpected':
        return 'The server gave an answer Stepgate does not understand. Try again later or ask your administrator.';
      case 'serverError':
        return 'The server ran into a problem of its own. Try again in a few minutes; if it keeps happening, tell your administrator.';
      case 'invalidServerAddress':
        return serverAddress[problem.reason];
      default:
        return assertNever(problem);
    }
  },
  time(epochMs: number): string {
    return new Date(epochMs).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
  },
} as const;

export type Messages = typeof en;
