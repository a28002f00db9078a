/**
 * The roles and accessible names the kit finds the app's elements by: a contract with the QA teams
 * whose tests use the kit. Every name comes from the app's own message catalogue, so what this
 * module says is what the app shows; docs/testing.md writes the same table down, and a unit test
 * fails when the two differ (a catalogue change that renames a button breaks it there first).
 * Changing a row needs a note in CHANGELOG.md, carrying the new fingerprint.
 */
import { createHash } from 'node:crypto';
import { CODE_DIGITS } from '../shared/api/schemas.js';
import { messagesFor } from '../shared/messages/catalogue.js';
import type { Messages } from '../shared/messages/en.js';
import { LANGUAGES, type Language } from '../shared/messages/language.js';

/**
 * A role as Playwright's getByRole takes it; `label` for a control that has no role of its own (a
 * password field), found by its label; `definition` for the first definition in the view, whose
 * term is the name (ARIA gives definitions no name of their own).
 */
export type ContractRole = 'heading' | 'region' | 'textbox' | 'button' | 'checkbox' | 'dialog' | 'definition' | 'label';

export interface ContractElement {
  readonly role: ContractRole;
  /** The element's `data-testid`: what the kit finds it by, the same in every language and through changes of wording. */
  readonly testId: string;
  /** The accessible name in the catalogue `t`; `provider` for names that carry one. */
  readonly name: (t: Messages, provider: string) => string;
  /** For a name that carries a number of days, the name for any number (`name` gives it for DAYS_IN_CONTRACT). */
  readonly withDays?: (t: Messages, days: number) => string;
}

/** How the contract writes a name that carries the identity provider's display name. */
export const PROVIDER_PLACEHOLDER = '{provider}';
/** The number of days the contract writes in a name that carries one; the kit matches any number. */
export const DAYS_IN_CONTRACT = 30;

const element = (role: ContractRole, testId: string, name: (t: Messages, provider: string) => string): ContractElement => ({ role, testId, name });
const elementWithDays = (role: ContractRole, testId: string, name: (t: Messages, days: number) => string): ContractElement => ({
  role,
  testId,
  name: (t) => name(t, DAYS_IN_CONTRACT),
  withDays: name,
});

/** Each view's elements, named after what a person sees. */
export const CONTRACT = {
  'Server-address view': {
    heading: element('heading', 'server-heading', (t) => t.serverPrompt.heading),
    'server address': element('textbox', 'server-address', (t) => t.serverPrompt.label),
    continue: element('button', 'server-continue', (t) => t.serverPrompt.submit),
  },
  'Login window': {
    heading: element('heading', 'login-heading', (t) => t.signIn.heading),
    username: element('textbox', 'login-username', (t) => t.signIn.username),
    password: element('label', 'password', (t) => t.signIn.password),
    'show password': element('button', 'password-show', (t) => t.signIn.showPassword),
    'keep me signed in': element('checkbox', 'login-keep-signed-in', (t) => t.signIn.keepSignedIn),
    'sign in': element('button', 'login-submit', (t) => t.signIn.submit),
    'single sign-on': element('button', 'login-sso', (t, provider) => t.signIn.withProvider(provider)),
  },
  'Browser sign-in view': {
    heading: element('heading', 'browser-sign-in-heading', (t) => t.browserSignIn.heading),
    cancel: element('button', 'browser-sign-in-cancel', (t) => t.browserSignIn.cancel),
  },
  'Verification-code window': {
    window: element('dialog', 'code-window', (t) => t.windowTitle.code),
    heading: element('heading', 'code-heading', (t) => t.code.heading),
    'verification code': element('textbox', 'code-input', (t) => t.code.label(CODE_DIGITS)),
    'use a recovery code': element('button', 'code-use-recovery', (t) => t.code.useRecovery),
    'recovery-code heading': element('heading', 'code-recovery-heading', (t) => t.code.recoveryHeading),
    'recovery code': element('textbox', 'code-recovery-input', (t) => t.code.recoveryLabel),
    verify: element('button', 'code-recovery-verify', (t) => t.code.recoverySubmit),
    'use the authenticator app': element('button', 'code-use-authenticator', (t) => t.code.useAuthenticator),
    'trust this computer': elementWithDays('checkbox', 'code-trust-computer', (t, days) => t.code.trustComputer(days)),
    help: element('button', 'code-help', (t) => t.code.help),
    cancel: element('button', 'code-cancel', (t) => t.code.cancel),
    'start again': element('button', 'code-start-again', (t) => t.code.startAgain),
  },
  'Enrollment-needed view': {
    heading: element('heading', 'enrollment-heading', (t) => t.enrollment.heading),
    'open set-up page': element('button', 'enrollment-open', (t) => t.enrollment.open),
    'back to sign in': element('button', 'enrollment-back', (t) => t.enrollment.backToSignIn),
  },
  'Signed-in view': {
    view: element('region', 'signed-in', (t) => t.signedIn.heading),
    heading: element('heading', 'signed-in-heading', (t) => t.signedIn.heading),
    'signed-in person': element('definition', 'signed-in-user', (t) => t.signedIn.as),
    'manage two-factor authentication': element('button', 'signed-in-manage', (t) => t.signedIn.manage),
    'sign out': element('button', 'signed-in-sign-out', (t) => t.signedIn.signOut),
  },
  'About view': {
    open: element('button', 'about-open', (t) => t.about.open),
    window: element('dialog', 'about', (t) => t.about.heading),
    diagnostics: element('region', 'about-diagnostics', (t) => t.diagnostics.heading),
    'copy diagnostics': element('button', 'about-copy-diagnostics', (t) => t.diagnostics.copy),
    close: element('button', 'about-close', (t) => t.about.close),
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, ContractElement>>>>;

export type ContractView = keyof typeof CONTRACT;

export interface ContractRow {
  readonly view: string;
  readonly element: string;
  readonly role: ContractRole;
  readonly testId: string;
  /** The accessible name in each language, by language code. */
  readonly names: Readonly<Record<Language, string>>;
}

/** The contract as rows, in the order of CONTRACT, with the names in every language the app speaks. */
export function contractRows(): readonly ContractRow[] {
  return Object.entries(CONTRACT).flatMap(([view, elements]) =>
    Object.entries(elements).map(([name, e]: [string, ContractElement]) => ({
      view,
      element: name,
      role: e.role,
      testId: e.testId,
      names: Object.fromEntries(LANGUAGES.map((language) => [language, e.name(messagesFor(language), PROVIDER_PLACEHOLDER)])) as Record<Language, string>,
    })),
  );
}

/** Twelve hex digits that change whenever a row does: a CHANGELOG.md note names the contract by it. */
export function contractFingerprint(rows: readonly ContractRow[] = contractRows()): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12);
}

/** The contract as docs/testing.md writes it: a Markdown table, one row per element. */
export function contractTable(rows: readonly ContractRow[] = contractRows()): string {
  const header = ['| View | Element | Test id | Role | English | Finnish |', '| --- | --- | --- | --- | --- | --- |'];
  return [...header, ...rows.map((r) => `| ${r.view} | ${r.element} | \`${r.testId}\` | ${r.role} | ${r.names.en} | ${r.names.fi} |`)].join('\n');
}
