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
 *   reset (nollata): an administrator removing all of someone's authenticators and recovery codes;
 * - identity provider (tunnistuspalvelu): the organisation's own sign-in service (Entra ID, Okta, ...),
 *   "Sign in with {provider}" (Kirjaudu {provider}-tunnuksella); sign-in server (kirjautumispalvelin): Stepgate's.
 * - trusted computer (luotettu tietokone): a computer (in the browser pages: a browser) on which, for a number
 *   of days, the password alone signs in; "Don't ask for a code on this computer" offers it, "forget all"
 *   (unohda kaikki) ends every one.
 * The Finnish catalogues address the person as "sinä" throughout.
 */
import type { Problem, ServerAddressProblem, SsoProblem } from '../ipc/problem.js';
import { assertNever } from '../util/assert-never.js';
import { type LockCauses, withLockCause } from './lock-cause.js';
import { count, minutesAndSeconds, type PluralForms } from './plural.js';

const LOCALE = 'en';
const n = (value: number, forms: PluralForms) => count(LOCALE, value, forms);
const SECONDS: PluralForms = { one: 'second', other: 'seconds' };
const MINUTES: PluralForms = { one: 'minute', other: 'minutes' };
const DAYS: PluralForms = { one: 'day', other: 'days' };
const time = (epochMs: number) => new Date(epochMs).toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });

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

/** A clock difference in whole minutes, at least one: it is only said when it is more than a minute. */
export const clockMinutes = (seconds: number): number => Math.max(1, Math.round(Math.abs(seconds) / 60));

const lockedFor = (seconds: number) => `Too many attempts. You can try again in ${duration(seconds)}.`;
const lockedOver = 'You can try again now.';
/** Why the code that started a lock-out was refused, where that is more than a wrong code. */
const lockCause: LockCauses = {
  clock_skew: 'The last code was for another time: your phone’s clock looks wrong. Set it to automatic time before you try again.',
  already_used: 'The last code had already been used.',
};

/** The sentence for a reason worth its own, else the code's general one (`none`). */
const byReason = <R extends string>(reason: R | null, texts: Readonly<Record<R | 'none', string>>): string => texts[reason ?? 'none'];

function ssoProblem(problem: SsoProblem): string {
  switch (problem.kind) {
    case 'ssoRequired':
      return 'This account does not sign in with a password here. Use the button to sign in with your organisation’s identity provider.';
    case 'ssoCancelled':
      return 'The sign-in was cancelled in the browser. Nothing has changed; you can start again.';
    case 'ssoExpired':
      return 'The sign-in was not finished within 5 minutes. Start again.';
    case 'ssoStateInvalid':
      return byReason(problem.reason, {
        otherBrowser: 'The sign-in was finished in a different browser from the one it started in. Start again, and finish it in the same browser.',
        providerRemoved: 'This identity provider was removed while you were signing in. Start again.',
        none: 'The sign-in that came back does not belong to the one started here, so it was not used. Start again.',
      });
    case 'ssoProviderError':
      return byReason(problem.reason, {
        unreachable: 'The sign-in server could not reach your identity provider. Try again later; if it keeps happening, ask your administrator.',
        configuration: 'The connection to your identity provider is not set up correctly. Ask your administrator.',
        none: 'Your identity provider could not complete the sign-in. Try again later; if it keeps happening, ask your administrator.',
      });
    case 'ssoTokenInvalid':
      return problem.reason === 'clock'
        ? 'Your identity provider’s answer failed a time check; the servers’ clocks may differ. Ask your administrator.'
        : 'Your identity provider’s answer failed a security check, so it was not accepted. Ask your administrator.';
    case 'ssoUnknownUser':
      return byReason(problem.reason, {
        emailUnverified: 'Your email address is not verified at your identity provider. Verify it there, then try again.',
        claimMissing: 'Your identity provider did not say which account is yours. Ask your administrator.',
        none: 'There is no account here for the identity you signed in with. Ask your administrator for an account.',
      });
    case 'ssoAccountConflict':
      return 'The account your identity names is already linked to another identity at this provider. Ask your administrator.';
    case 'ssoLinkRequired':
      return 'The account your identity names exists, but it is not linked to this identity yet. Ask your administrator to link it, then sign in again.';
    case 'ssoNotAllowed':
      return byReason(problem.reason, {
        disabled: 'This account is disabled. Ask your administrator.',
        ssoOff: 'This account does not sign in through an identity provider. Sign in with your username and password.',
        none: 'This account may not sign in through your identity provider. Ask your administrator.',
      });
    case 'ssoResultInvalid':
      return 'The sign-in could not be finished: its one-time result was already used or has expired. Start again.';
    case 'ssoBrowserFailed':
      return 'Stepgate could not open your browser for the sign-in. Try again; if it keeps happening, ask your administrator.';
    case 'ssoStartRefused':
      return 'The sign-in server gave an address for this identity provider that Stepgate may not open. Ask your administrator.';
    default:
      return assertNever(problem);
  }
}

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
    keyringRefused:
      'Your login keyring refused to save, so Stepgate cannot keep you signed in or remember anything new on this computer. Signing in still works. Unlock your login keyring, or ask IT.',
    keychainRefused:
      'The keychain refused to save, so Stepgate cannot keep you signed in or remember anything new on this computer. Signing in still works. If this continues, ask IT.',
    trustedComputerNotKept: 'You are signed in, but the keychain did not keep this computer’s trust, so Stepgate will ask for a code at the next sign-in.',
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
    /** The sign-in server could not be told: the app keeps telling it (network down, server failing, no answer). */
    signedOutUnconfirmed:
      'You are signed out on this computer, but the sign-in server could not be reached to end your session there. Stepgate will keep trying and end it as soon as the server answers.',
    signedOutConfirmedLater: 'You are signed out. The sign-in server has now ended your session.',
    providers: 'Sign in through your organisation',
    or: 'or',
    checkingOptions: 'Checking how you can sign in…',
    noSignInOption:
      'Your organisation has turned off signing in with a password here, and this server offers no other way to sign in. Ask your administrator.',
    retry: 'Try again',
  },
  browserSignIn: {
    heading: 'Continue in your browser',
    body: (name: string) => `Stepgate opened the ${name} sign-in page in your browser. Sign in there, and Stepgate continues by itself.`,
    deadline: 'The sign-in has to be finished within 5 minutes.',
    cancel: 'Cancel',
    finishing: 'Finishing sign-in…',
  },
  /** The small page the browser shows when it comes back to the app at the end of a browser sign-in. */
  browserReturnPage: {
    done: 'Your sign-in continues in Stepgate. You can close this tab.',
    doneSwitchBack: 'Switch back to Stepgate: your sign-in continues there. You can close this tab.',
    failed: 'The sign-in did not finish. Go back to Stepgate to see why. You can close this tab.',
    notOurs: 'This is not the sign-in Stepgate is waiting for.',
  },
  /** The message box a window shows when its page cannot load, stops, or stops responding. */
  recovery: {
    loadFailed: 'Stepgate could not show this window.',
    loadFailedDetail: (cause: string) => `Its page did not load (${cause}). Try again; if this keeps happening, tell your IT department: details are in the log.`,
    reopened: 'This Stepgate window stopped unexpectedly, so Stepgate opened it again.',
    reopenedDetail: (cause: string) => `Your sign-in goes on where it was; anything you had typed needs typing again. (${cause})`,
    crashLoop: 'This Stepgate window keeps stopping.',
    crashLoopDetail: (count: number) =>
      `It stopped ${count} times within a minute, so Stepgate no longer opens it again by itself. Try again, or quit and tell your IT department: details are in the log.`,
    unresponsive: 'This Stepgate window is not responding.',
    unresponsiveDetail: 'You can wait for it, or reload it. Your sign-in goes on where it was.',
    tryAgain: 'Try again',
    wait: 'Wait',
    reload: 'Reload',
    ok: 'OK',
    quit: 'Quit',
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
  /** The About view's facts for IT support, and "Copy diagnostics". */
  diagnostics: {
    heading: 'Diagnostics',
    intro: 'For IT support. They never contain a password, a code or a session token.',
    collecting: 'Collecting diagnostics…',
    collectFailed: 'The diagnostics could not be collected. Close About and open it again.',
    copy: 'Copy diagnostics',
    copied: 'Diagnostics copied',
    copyFailed: 'The diagnostics could not be copied. Try again.',
    title: 'Stepgate diagnostics',
    label: {
      version: 'Version',
      runtime: 'Runs on',
      collectedAt: 'Collected',
      server: 'Server',
      serverOrigin: 'Server address from',
      proxy: 'Proxy',
      certificate: 'Server certificate',
      clock: 'Clock',
      policy: 'Policy',
      keychain: 'Keychain',
      logFile: 'Log file',
    },
    origin: {
      policy: 'policy',
      developmentSwitch: 'development switch (--server or STEPGATE_SERVER)',
      userSettings: 'personal settings',
      buildDefaults: 'build default',
      enteredNow: 'entered in the app',
    },
    noServer: 'none yet',
    proxyDirect: 'direct',
    proxyUnused: (proxy: string) => `direct (the environment names ${proxy}, which this process does not use)`,
    proxyEnvironment: (proxy: string) => `${proxy} (from the environment)`,
    notTls: 'not TLS (plain http, only for this computer)',
    issuedBy: (issuer: string) => `issued by ${issuer}`,
    issuedTo: (subject: string) => `to ${subject}`,
    validUntil: (date: string) => `valid until ${date}`,
    clockInStep: 'in step with the server (within a second)',
    clockAhead: (seconds: number) => `this computer is ${n(seconds, SECONDS)} ahead of the server`,
    clockBehind: (seconds: number) => `this computer is ${n(seconds, SECONDS)} behind the server`,
    failed: (cause: string) => `not known: ${cause}`,
    policyNone: 'no policy source read',
    policyAbsent: 'not present',
    policyEmpty: 'present, sets nothing',
    policyValues: (keys: string) => `sets ${keys}`,
    policyIgnored: (names: string) => `ignored: ${names}`,
    policyUnreadable: (cause: string) => `unreadable: ${cause}`,
    keychainAvailable: 'available',
    keychainMissing: 'not available, so nothing is remembered',
    keychainUnchecked: 'not yet written to in this run',
    keyringRefused: 'refused to store (the login keyring is locked, or no Secret Service is running), so nothing new is remembered',
    keychainRefused: 'refused to store, so nothing new is remembered',
    noLogFile: 'none (this process logs to its console)',
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
    lockCause,
    lockIncludesRecovery: 'Recovery codes cannot be used until then either.',
    lockIncludesAuthenticator: 'Codes from your authenticator app cannot be used until then either.',
    /** "Don't ask for a code on this computer": ticked before the code is complete, as a complete code is sent at once. */
    trustComputer: (days: number) => `Don’t ask for a code on this computer for ${n(days, DAYS)}`,
    /**
     * Said when this computer's clock is more than a minute from the server's (seconds: this computer minus the
     * server). Codes are checked on the server's time, so only the phone's clock matters.
     */
    computerClock: (seconds: number) =>
      `This computer’s clock is ${n(clockMinutes(seconds), MINUTES)} ${seconds > 0 ? 'ahead of' : 'behind'} the server’s. That does not affect your code; only your phone’s clock does.`,
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
    /** After a password sign-in that this computer's trust let through without a code. */
    codeSkipped: (until: number) => `This computer is trusted until ${time(until)}: no code was asked.`,
    /** After a sign-in whose code made this computer trusted. */
    trustedNow: (until: number) => `Stepgate will not ask for a code on this computer until ${time(until)}.`,
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
      case 'wrongCode': {
        const left = n(problem.attemptsRemaining, { one: 'attempt', other: 'attempts' });
        const over = problem.attemptsRemaining === 0;
        const reason = problem.reason;
        switch (reason) {
          case 'incorrect':
            return over
              ? 'That code is not right, and no attempts are left. Start again with your password.'
              : `That code is not right. ${left} left. Check that you use the newest code from your app.`;
          case 'already_used':
            return over
              ? 'That code was just used, and no attempts are left. Start again with your password, then enter the next code from your app.'
              : `That code was just used. Wait for the next code in your app, then enter it. ${left} left.`;
          case 'clock_skew':
            return `That code is for another time: your phone’s clock looks wrong. Set it to automatic time, then ${over ? 'start again with your password.' : `enter the newest code. ${left} left.`}`;
          default:
            return assertNever(reason);
        }
      }
      case 'challengeExpired':
        return 'This sign-in request has expired. Start again with your password.';
      case 'wrongRecoveryCode': {
        const left = n(problem.attemptsRemaining, { one: 'attempt', other: 'attempts' });
        const over = problem.attemptsRemaining === 0;
        return problem.reason === 'already_used'
          ? over
            ? 'That recovery code has already been used, and no attempts are left. Start again with your password.'
            : `That recovery code has already been used: each works once. Enter another one. ${left} left.`
          : over
            ? 'That recovery code is not right, and no attempts are left. Start again with your password.'
            : `That recovery code is not right. ${left} left. Check it against the codes you saved.`;
      }
      case 'locked': {
        const left = (problem.retryAt - now) / 1000;
        return withLockCause(left > 0 ? lockedFor(left) : lockedOver, lockCause, problem.reason);
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
      case 'proxyAuth':
        return 'The proxy server between this computer and the sign-in server asks for a sign-in, so nothing reached the server. Ask your IT support to let Stepgate through the proxy.';
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
        return ssoProblem(problem);
    }
  },
  time,
};

export type Messages = typeof en;
