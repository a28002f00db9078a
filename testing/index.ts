/**
 * Stepgate's testing kit (`stepgate/testing`): Playwright fixtures that launch the app (a packaged
 * end-to-end build, a development build, or the browser preview) against a sign-in server, page
 * objects named after what a person sees, verification codes from a key or an otpauth URI, and a
 * demo server. Every element is found by its test id, as docs/testing.md lists them; what the app
 * shows is also readable as values (`state()`).
 */
export { test, expect, type StepgateOptions, type StepgateFixtures, type LaunchStepgate } from './fixtures.js';
export { launchStepgate, languageOf, type StepgateApp, type DiagnosticsOptions } from './app/stepgate-app.js';
export type { AppProbe } from './app/app-probe.js';
export type { StepgateState, StepgateProblem, StepgateView } from './state/app-state.js';
export { authenticatorSetUpIn, type AuthenticatorSetUpOptions } from './pages/authenticator-set-up.js';
export { electronBinaryOf } from './app/launch-electron.js';
export type { LaunchOptions, StepgateTarget } from './app/target.js';
export { LoginWindow, type Credentials } from './pages/login-window.js';
export { BrowserSignInView } from './pages/browser-sign-in-view.js';
export { CodeWindow, type CodeOptions } from './pages/code-window.js';
export { EnrollmentNeededView } from './pages/enrollment-needed-view.js';
export { SignedInView } from './pages/signed-in-view.js';
export { AboutView } from './pages/about-view.js';
export { ServerAddressView } from './pages/server-address-view.js';
export { Authenticator, parseTotp, waitForNextTimeStep, type AuthenticatorOptions, type NextStepOptions } from './totp.js';
export { startDemoServer, type DemoServer, type DemoServerOptions, type DemoAccount, type DemoAccountWithCode, type DemoAccountKind } from './demo-server.js';
export { CONTRACT, PROVIDER_PLACEHOLDER, DAYS_IN_CONTRACT, contractRows, contractFingerprint, contractTable, type ContractRole, type ContractElement, type ContractRow, type ContractView } from './contract.js';
export { messagesFor as catalogue } from '../shared/messages/catalogue.js';
export type { Messages } from '../shared/messages/en.js';
export type { Language, UiLanguage } from '../shared/messages/language.js';
