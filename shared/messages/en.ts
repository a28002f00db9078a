/**
 * Every word the person reads in the desktop app, in English; fi.ts has the same keys in Finnish
 * and pages-en.ts / pages-fi.ts the browser pages' words. The browser pages reuse these sentences.
 *
 * Vocabulary, the same in every view and both languages (never "TOTP", "2FA", "MFA", "OTP" or "log in"):
 * - two-factor authentication (kaksivaiheinen tunnistautuminen): the protection as a whole, the
 *   thing an administrator turns on, requires or resets;
 * - authenticator app (todennussovellus): the app on the phone; "authenticator" (todennussovellus)
 *   for one that is set up for the account, named by its owner;
 * - verification code (vahvistuskoodi): the digits the authenticator app shows;
 * - recovery code (varakoodi): the one-time codes saved at set-up;
 * - sign in, sign out (kirjaudu sisään, kirjaudu ulos); set up (ottaa käyttöön); remove (poistaa);
 *   reset (nollata): an administrator removing all of someone's authenticators and recovery codes.
 * The Finnish catalogues address the person as "sinä" throughout.
 */
import type { Problem, ServerAddressProblem } from '../ipc/problem.js';
import { assertNever } from '../util/assert-never.js';
import { count, minutesAndSeconds, type PluralForms } from './plural.js';

const LOCALE = 'en';
const n = (value: number, forms: PluralForms) => count(LOCALE, value, forms);
const SECONDS: PluralForms = { one: 'second', other: 'seconds' };
const MINUTES: PluralForms = { one: 'minute', other: 'minutes' };

/** "45 seconds", "2 minutes 5 seconds": a countdown a person can read aloud. */
export function duration(seconds: number): string {
  const d = minutesAndSeconds(seconds);
  if (d.minutes === 0) return n(d.seconds, SECONDS);
  return d.seconds === 0 ? n(d.minutes, MINUTES) : `${n(d.minutes, MINUTES)} ${n(d.seconds, SECONDS)}`;
}

const serverAddress: Readonly<Record<ServerAddressProblem, string>> = {
  empty: 'Enter the address of your sign-in server.',
  malformed: 'That does not look like a web address. Check it and try again, for example https://id.example.com.',
  notHttps: 'The address must start with https:// (plain http is only allowed for this computer).',
  notAllowed: 'Your organisation does not allow this server address.',
};

const lockedFor = (seconds: number) => `Too many attempts. You can try again in ${duration(seconds)}.`;
const lockedOver = 'You can try again now.';

export const en = {
  locale: LOCALE,
  appName: 'Stepgate',
  windowTitle: {
    signIn: 'Sign in – Stepgate',
    code: 'Verification code – Stepgate',
  },
  starting: 'Starting…',
  bridgeMissing: 'Part of Stepgate did not load, so this window cannot work. Reinstalling Stepgate should fix this.',
  menu: { edit: 'Edit', window: 'Window', help: 'Help', about: 'About Stepgate' },
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
    serverUnknownName: 'Sign-in server',
    changeServer: 'Change server',
    username: 'Username',
    password: 'Password',
    showPassword: 'Show password',
    usernameRequired: 'Enter your username.',
    passwordRequired: 'Enter your password.',
    keepSignedIn: 'Keep me signed in',
    submit: 'Sign in',
    /** A single sign-on button: the provider's display name as the server's /info gives it. */
    withProvider: (provider: string) => `Sign in with ${provider}`,
    busy: 'Signing in…',
    signedOut: 'You are signed out.',
  },
  about: {
    open: 'About Stepgate',
    heading: 'About Stepgate',
    body: 'Stepgate signs you in to accounts protected by two-factor authentication.',
    version: 'Version',
    server: 'Server',
    close: 'Close',
    footer: (version: string) => `Stepgate ${version}`,
  },
  code: {
    heading: 'Enter your verification code',
    intro: (digits: number) => `Open your authenticator app and enter the ${digits}-digit code it shows for this account.`,
    label: (digits: number) => `Verification code, ${n(digits, { one: 'digit', other: 'digits' })}`,
    recoveryHeading: 'Enter a recovery code',
    recoveryIntro: 'Use one of the recovery codes you saved when you set up two-factor authentication. Each works once.',
    recoveryLabel: 'Recovery code',
    recoveryRequired: 'Enter one of your recovery codes.',
    recoverySubmit: 'Verify',
    verifying: 'Checking the code…',
    useRecovery: 'Use a recovery code instead',
    useAuthenticator: 'Use a code from your authenticator app instead',
    help: 'Can’t use your authenticator app?',
    cancel: 'Cancel',
    startAgain: 'Start again',
    expiresIn: (seconds: number) => `This sign-in request expires in ${duration(seconds)}.`,
    lockedFor,
    lockedOver,
    lockIncludesRecovery: 'Recovery codes cannot be used until then either.',
    lockIncludesAuthenticator: 'Codes from your authenticator app cannot be used until then either.',
  },
  enrollment: {
    heading: 'Set up two-factor authentication first',
    body: 'Your account needs an authenticator app before you can sign in here. Set-up is done in your web browser or in the mobile app, not in this app.',
    steps: 'Open the set-up page, add the account to your authenticator app, then come back and sign in again.',
    open: 'Open set-up page in browser',
    opened: 'The set-up page has opened in your browser. Add the account to your authenticator app there, then come back here and sign in again.',
    openFailed: 'Stepgate could not open your browser. Open this address in your browser yourself:',
    backToSignIn: 'Back to sign in',
  },
  signedIn: {
    heading: 'You are signed in',
    announce: (name: string) => `You are signed in as ${name}.`,
    as: 'Signed in as',
    server: 'Server',
    until: 'Session ends',
    remembered: 'You will stay signed in on this computer until the session ends or you sign out.',
    notRemembered: 'You will be signed out when you quit Stepgate.',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    manage: 'Manage two-factor authentication',
    recoveryCodesLeft: (left: number): string =>
      left === 0
        ? 'You signed in with your last recovery code. Make new ones now in your two-factor authentication settings.'
        : `You signed in with a recovery code. ${n(left, { one: 'code is', other: 'codes are' })} left; each works once. You can make new ones in your two-factor authentication settings.`,
  },
  problem(problem: Problem, now: number): string {
    switch (problem.kind) {
      case 'invalidCredentials':
        return 'The username or password is not right. Check them and try again.';
      case 'wrongCode':
        return problem.attemptsRemaining > 0
          ? `That code is not right. ${n(problem.attemptsRemaining, { one: 'attempt', other: 'attempts' })} left. Check that you use the newest code from your app.`
          : 'That code is not right, and no attempts are left. Start again with your password.';
      case 'challengeExpired':
        return 'This sign-in request has expired. Start again with your password.';
      case 'locked': {
        const left = (problem.retryAt - now) / 1000;
        return left > 0 ? lockedFor(left) : lockedOver;
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
    return new Date(epochMs).toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
  },
};

export type Messages = typeof en;
