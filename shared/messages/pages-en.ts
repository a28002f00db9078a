/**
 * The words of the browser pages (sign-in, enrollment, settings, administration, help), beside the
 * desktop's catalogue in en.ts, whose sign-in, code and problem sentences the pages reuse as they
 * are. pages-fi.ts has the same keys in Finnish; the vocabulary is written down in en.ts.
 */
import type { FieldReason } from './field-reason.js';
import { count, type PluralForms } from './plural.js';

const LOCALE = 'en';
const n = (value: number, forms: PluralForms) => count(LOCALE, value, forms);
const DAYS: PluralForms = { one: 'day', other: 'days' };

/** The fields the server may name in an invalid_request answer, as a sentence's subject. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'The name',
  username: 'The username',
  password: 'The password',
  displayName: 'The display name',
  disabled: 'This change',
  currentPassword: 'The current password',
  newPassword: 'The new password',
  trustedComputerDays: 'The number of days',
  'trustComputer.name': 'The computer’s name',
  'trustComputer.days': 'The number of days',
};

function fieldReason(reason: FieldReason): string {
  switch (reason.kind) {
    case 'required':
      return 'is required';
    case 'empty':
      return 'must not be empty';
    case 'tooShort':
      return `must be at least ${n(reason.min, { one: 'character', other: 'characters' })}`;
    case 'tooLong':
      return `must be at most ${n(reason.max, { one: 'character', other: 'characters' })}`;
    case 'format':
      return 'has the wrong format';
    case 'notAllowed':
      return 'is not allowed';
    case 'other':
      return reason.text;
  }
}

export const pagesEn = {
  title: {
    signIn: 'Sign in – Stepgate',
    enroll: 'Set up an authenticator app – Stepgate',
    settings: 'Sign-in settings – Stepgate',
    admin: 'Administration – Stepgate',
    help: 'Can’t use your authenticator app? – Stepgate',
  },
  frame: {
    nav: 'Stepgate pages',
    settings: 'Sign-in settings',
    admin: 'Administration',
    signOut: 'Sign out',
    signedInAs: (name: string) => `Signed in as ${name}`,
    /** The server did not end the session (no connection, a failing server): the browser still holds it. */
    signOutFailed: 'You are still signed in: the sign-in server did not end your session. Check your connection, then sign out again.',
  },
  loading: 'Loading…',
  cancel: 'Cancel',
  close: 'Close',
  copy: {
    done: 'Copied to the clipboard.',
    failed: 'Could not copy. Select the text and copy it yourself.',
  },
  signIn: {
    sessionEnded: 'Your session has ended. Sign in again to continue.',
    /** Why a person who never had a session here is asked to sign in, by the page they are heading to. */
    purpose: {
      '/enroll': 'Sign in to set up your authenticator app.',
      '/settings': 'Sign in to manage two-factor authentication.',
      '/admin': 'Sign in to use the administration page.',
    },
  },
  /** The page the desktop app opens to carry its sign-in over to this browser. */
  handoff: {
    title: 'Continue from the Stepgate app – Stepgate',
    heading: 'Continue from the Stepgate app',
    checking: 'Checking the link from the app…',
    question: (name: string) => `You are signed in to the Stepgate app as ${name}. Continue in this browser as ${name}?`,
    continue: 'Continue',
    continuing: 'Signing in…',
    notYou: 'Not you? Sign in with your own account',
    invalid: 'This link from the app has expired or was already used. Sign in here, or open the page from the app again.',
    failed: 'The sign-in server could not be reached. Check your connection and reload this page.',
    signIn: 'Sign in',
  },
  enroll: {
    heading: 'Set up an authenticator app',
    intro:
      'An authenticator app, such as Microsoft Authenticator or Google Authenticator, shows a new verification code every 30 seconds. You enter that code when you sign in.',
    nameLabel: 'Name of this authenticator',
    nameHint:
      'You can set up more than one authenticator, so choose a name that tells you which device this is, for example “Work phone”. Your two-factor authentication settings list it by this name.',
    nameRequired: 'Enter a name for this authenticator.',
    continue: 'Continue',
    creating: 'Preparing…',
    scanHeading: 'Scan the QR code with the app',
    scanIntro: 'In your authenticator app, choose to add an account, then scan this QR code.',
    appLabel: (label: string) => `The app will list the account as “${label}”.`,
    qrAlt: (name: string) => `QR code for setting up “${name}” in an authenticator app`,
    showKey: 'Enter the key manually instead',
    keyIntro: 'In your authenticator app, choose to enter a setup key, and enter these details. If the app asks, choose a time-based code.',
    accountLabel: 'Account name',
    keyLabel: 'Setup key',
    copyKey: 'Copy key',
    confirmHeading: 'Enter the code from the app',
    confirmIntro: (digits: number) => `To finish, enter the ${digits}-digit code the app now shows for this account.`,
    codeLabel: (digits: number) => `Code from the app, ${n(digits, { one: 'digit', other: 'digits' })}`,
    save: 'Verify and save',
    saving: 'Checking the code…',
    wrongCode: (left: number) =>
      left > 0
        ? `That code is not right. ${n(left, { one: 'attempt', other: 'attempts' })} left. Check that the time on your device is right and enter the newest code.`
        : 'That code is not right, and this set-up has ended. Start again.',
    expired: 'This set-up took too long and has ended. Start again.',
    startAgain: 'Start again',
    saved: (name: string) => `“${name}” is set up. From now on you can sign in with a code from it.`,
    toSettings: 'Go to two-factor authentication settings',
    backToApp: 'If you came here from the Stepgate desktop app, go back to it now and sign in with a code from this authenticator.',
    totpOff: 'Two-factor authentication is turned off for this server, so there is nothing to set up.',
  },
  recovery: {
    heading: 'Save your recovery codes',
    intro:
      'If you lose access to your authenticator app, a recovery code lets you sign in instead. Each code works once. They are shown only this once: copy or download them, or write them down, and keep them somewhere safe.',
    listLabel: 'Your recovery codes',
    copy: 'Copy codes',
    download: 'Download codes',
    fileName: 'stepgate-recovery-codes.txt',
    fileHeader: (environment: string) => `Stepgate recovery codes${environment === '' ? '' : ` for ${environment}`}. Each code works once.`,
    acknowledge: 'I have saved these recovery codes somewhere safe',
    mustAcknowledge: 'Confirm that you have saved the recovery codes before you continue.',
    continue: 'Continue',
  },
  /** Trusted computers as the code step offers them and the page after sign-in confirms them. */
  trust: {
    checkbox: (days: number) => `Don’t ask for a code on this computer for ${n(days, DAYS)}`,
    checkboxHint: 'Only on a computer that you alone use: until then, your password alone signs you in with this browser.',
    /** The name a trusted browser is listed by; browser and system names are the same in every language. */
    computerName: (name: { readonly browser: string | null; readonly system: string | null }) =>
      `${name.browser ?? 'Web browser'}${name.system === null ? '' : ` on ${name.system}`}`,
    trusted: (until: string) => `This computer is now trusted: until ${until}, signing in with this browser asks only for your password.`,
    codeSkipped: (until: string) => `No verification code was asked, because this computer is trusted until ${until}.`,
  },
  settings: {
    heading: 'Sign-in settings',
    totpOff: 'Two-factor authentication is turned off for this server. Your authenticators are kept, but sign-in does not ask for a code.',
    required: 'Your account requires two-factor authentication.',
    optional: 'Two-factor authentication is optional for your account, and recommended.',
    authenticatorsHeading: 'Authenticator apps',
    none: 'You have no authenticator app set up.',
    name: 'Name',
    added: 'Added',
    lastUsed: 'Last used',
    never: 'Never',
    actions: 'Actions',
    add: 'Set up an authenticator app',
    addAnother: 'Set up another authenticator app',
    remove: 'Remove',
    removeLabel: (name: string) => `Remove “${name}”`,
    removeHeading: (name: string) => `Remove “${name}”?`,
    removeBody: 'Codes from this authenticator will no longer sign you in. Also delete the Stepgate entry for this account from your authenticator app, so you do not pick the wrong code later.',
    removeLastRequired:
      'This is your only authenticator and your account requires two-factor authentication: the next time you sign in, you will be asked to set up an authenticator app again.',
    removeLastOptional: 'This is your only authenticator: after removing it, signing in asks only for your password, and your recovery codes stop working.',
    removeEndsTrusted: 'Your trusted computers end too: each asks for a verification code at its next sign-in.',
    removeConfirm: 'Remove authenticator',
    removed: (name: string) => `“${name}” was removed. Remember to delete it from your authenticator app too.`,
    recoveryHeading: 'Recovery codes',
    recoveryLeft: (left: number) => `You have ${n(left, { one: 'unused recovery code', other: 'unused recovery codes' })}.`,
    recoveryNone: 'Recovery codes are made when you set up your first authenticator app.',
    regenerate: 'Make new recovery codes',
    regenerateHeading: 'Make new recovery codes?',
    regenerateBody: 'Your current recovery codes will stop working at once. Save the new ones when they are shown.',
    regenerateConfirm: 'Make new codes',
    trustedHeading: 'Trusted computers',
    trustedIntro: (days: number) =>
      `When you sign in with a verification code, you can choose not to be asked for a code on that computer for up to ${n(days, DAYS)}. Anyone who has your password can then sign in there, so remove the computers you no longer use.`,
    trustedOff: 'Trusted computers are turned off for this server: every sign-in asks for a verification code.',
    trustedNone: 'No computer is trusted.',
    expires: 'Trusted until',
    thisBrowser: 'This browser',
    removeTrustedLabel: (name: string) => `Remove “${name}” from trusted computers`,
    removeTrustedHeading: (name: string) => `Remove “${name}” from trusted computers?`,
    removeTrustedBody: 'The next sign-in on it asks for a verification code again.',
    removeTrustedThis: 'This is the browser you are using now.',
    removeTrustedConfirm: 'Remove',
    removedTrusted: (name: string) => `“${name}” is no longer trusted. Its next sign-in asks for a verification code.`,
    forgetAll: 'Forget all trusted computers',
    forgetAllHeading: 'Forget all trusted computers?',
    forgetAllBody: 'Every trusted computer, this one included, asks for a verification code at its next sign-in.',
    forgetAllConfirm: 'Forget all',
    forgotAll: 'All trusted computers were forgotten. Every sign-in asks for a verification code again.',
    passwordHeading: 'Change your password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    repeatPassword: 'New password again',
    newPasswordHint: (min: number) => `At least ${n(min, { one: 'character', other: 'characters' })}.`,
    changePassword: 'Change password',
    changingPassword: 'Changing the password…',
    currentMissing: 'Enter your current password.',
    newTooShort: (min: number) => `The new password must be at least ${n(min, { one: 'character', other: 'characters' })}.`,
    mismatch: 'The two new passwords are not the same. Type the new password again in both fields.',
    wrongCurrent: 'Your current password is not right. Check it and try again.',
    passwordChanged: 'Your password was changed. Your other sessions have ended, and so have all your trusted computers.',
  },
  admin: {
    heading: 'Administration',
    notAllowed: 'Only administrators can open this page. Sign in with an administrator account, or ask your administrator.',
    environmentHeading: 'Environment',
    totpEnabled: 'Two-factor authentication on',
    totpEnabledHint: 'When off, nobody is asked for a verification code and no authenticator app can be set up.',
    requiredForAll: 'Required for everyone',
    requiredForAllHint: 'Everyone must set up an authenticator app at their next sign-in.',
    trustedDays: 'Days a computer may be trusted',
    trustedDaysHint:
      'When someone signs in with a verification code, they may choose not to be asked for a code on that computer for this many days. 0 turns this off and ends every trusted computer; fewer days also shorten the trust of computers already trusted.',
    trustedDaysInvalid: 'Enter a whole number of days from 0 to 365.',
    saveDays: 'Save days',
    turnOffHeading: 'Turn trusted computers off?',
    turnOffBody: 'Every trusted computer of every user ends at once, and every sign-in asks for a verification code.',
    turnOffConfirm: 'Turn off',
    usersHeading: 'Users',
    search: 'Search users',
    searchHint: 'Username or display name',
    noUsers: 'No users match.',
    username: 'Username',
    displayName: 'Display name',
    authenticators: 'Authenticators',
    trustedComputers: 'Trusted computers',
    status: 'Status',
    admin: 'Administrator',
    active: 'Active',
    disabled: 'Disabled',
    requireTotp: 'Two-factor required',
    requireTotpFor: (username: string) => `Require two-factor authentication for ${username}`,
    revoke: 'Reset two-factor',
    revokeFor: (username: string) => `Reset two-factor authentication of ${username}`,
    revokeHeading: (username: string) => `Reset two-factor authentication of ${username}?`,
    revokeBody:
      'All of this user’s authenticators and recovery codes stop working at once, and their sessions end. If two-factor authentication is required for them, their next sign-in asks them to set up an authenticator app again.',
    revokeConfirm: 'Reset two-factor authentication',
    disable: 'Disable user',
    disableFor: (username: string) => `Disable user ${username}`,
    enable: 'Enable user',
    enableFor: (username: string) => `Enable user ${username}`,
    trustedCount: (username: string, count: number) => `Trusted computers of ${username}: ${count}`,
    trustedOf: (username: string) => `Trusted computers of ${username}`,
    trustedNoneFor: (username: string) => `${username} has no trusted computer.`,
    removeTrustedFor: (name: string, username: string) => `Remove “${name}” from the trusted computers of ${username}`,
    removeTrustedHeading: (name: string, username: string) => `Remove “${name}” from the trusted computers of ${username}?`,
    removeTrustedBody: 'The next sign-in on that computer asks for a verification code again.',
    removedTrusted: (name: string, username: string) => `“${name}” is no longer a trusted computer of ${username}.`,
    forgetAllFor: (username: string) => `Forget all trusted computers of ${username}`,
    forgetAllHeading: (username: string) => `Forget all trusted computers of ${username}?`,
    forgetAllBody: 'Every sign-in of this user asks for a verification code again, on every computer.',
    forgetAllConfirm: 'Forget all',
    forgotAll: (username: string) => `All trusted computers of ${username} were forgotten.`,
    setPassword: 'Set password',
    setPasswordFor: (username: string) => `Set password for ${username}`,
    setPasswordBody:
      'All of this user’s sessions and trusted computers end at once. Give the new password to the person in a safe way.',
    newPassword: 'New password',
    passwordSet: (username: string) => `The password of ${username} was changed. Their sessions and trusted computers have ended.`,
    createHeading: 'Create a user',
    password: 'Initial password',
    passwordHint: 'At least 8 characters. Give it to the person in a safe way.',
    makeAdmin: 'Administrator',
    newRequireTotp: 'Require two-factor authentication',
    create: 'Create user',
    created: (username: string) => `User ${username} was created.`,
    saved: 'Saved.',
    savedTotp: (on: boolean): string =>
      on ? 'Saved: two-factor authentication is on.' : 'Saved: two-factor authentication is off. Nobody is asked for a verification code until it is turned on again.',
    savedRequiredForAll: (on: boolean): string =>
      on ? 'Saved: everyone must set up an authenticator app at their next sign-in.' : 'Saved: an authenticator app is no longer required of everyone.',
    totpOffHeading: 'Turn two-factor authentication off for everyone?',
    totpOffBody:
      'Nobody will be asked for a verification code when signing in, and nobody can set up an authenticator app, until it is turned on again. Authenticators already set up are kept.',
    totpOffConfirm: 'Turn off for everyone',
    selfUnprotected: 'Your own administrator account has no authenticator app. Set one up so that your password alone cannot open it.',
    selfUnprotectedLink: 'Set up an authenticator app',
    revoked: (username: string) => `Two-factor authentication of ${username} was reset.`,
  },
  help: {
    heading: 'Can’t use your authenticator app?',
    intro: 'If your phone is lost, replaced or reset, or the app no longer shows codes for this account, you can still get back in.',
    recoveryHeading: 'Use a recovery code',
    recovery: (button: string) =>
      `When the sign-in asks for a verification code, choose “${button}” and enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.`,
    afterRecovery:
      'Once you are signed in, set up your authenticator app again in your two-factor authentication settings, and make new recovery codes if few are left.',
    adminHeading: 'No recovery codes?',
    admin:
      'Ask your administrator to reset your two-factor authentication. Your next sign-in then asks only for your password and leads you to set up an authenticator app again.',
    timeHeading: 'Codes are refused?',
    time: 'Authenticator apps use the time of your phone. Check that the phone sets its time automatically, and enter the newest code.',
    toSignIn: 'Go to sign in',
  },
  field: (field: string, reason: FieldReason) => `${FIELD_NAMES[field] ?? 'A value'} ${fieldReason(reason)}.`,
};

export type PagesMessages = typeof pagesEn;
