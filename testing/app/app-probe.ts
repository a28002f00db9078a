/**
 * What the page objects ask the app besides its windows (a StepgateApp is one): its state as the
 * kit's values, whether it has a keychain, and the launch's options, so that a call that cannot do
 * what it was asked says why.
 */
import type { Messages } from '../../shared/messages/en.js';
import type { StepgateState } from '../state/app-state.js';
import type { LaunchOptions } from './target.js';

export interface AppProbe {
  /** The app's words in the language it speaks. */
  readonly t: Messages;
  /** The options the app was launched with. */
  readonly launchOptions: LaunchOptions;
  state(): Promise<StepgateState>;
  /** Whether the app can use this computer's keychain (its diagnostics say so). */
  keychainAvailable(): Promise<boolean>;
}

const POLL_MS = 100;

/**
 * Polls the app's state until `accept` takes it, and returns it. `refuse` names a state that will not
 * become acceptable (the app went elsewhere): the wait ends at once with that sentence. After
 * `timeoutMs` it fails saying what the app shows instead.
 */
export async function waitForState<S extends StepgateState>(
  probe: Pick<AppProbe, 'state'>,
  accept: (state: StepgateState) => state is S,
  options: { readonly what: string; readonly timeoutMs: number; readonly refuse?: (state: StepgateState) => string | null },
): Promise<S> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const state = await probe.state();
    if (accept(state)) return state;
    const refused = options.refuse?.(state) ?? null;
    if (refused !== null) throw new Error(`${options.what}: ${refused}`);
    if (Date.now() > deadline) throw new Error(`${options.what}: after ${options.timeoutMs / 1000} s the app still shows ${describeState(state)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A state in a few words, for failure messages. */
export function describeState(state: StepgateState): string {
  const problem = 'problem' in state && state.problem !== null ? ` with the problem "${state.problem.kind}"` : '';
  switch (state.view) {
    case 'starting':
      return 'nothing yet (it is starting)';
    case 'serverAddress':
      return `the server-address view${problem}`;
    case 'login':
      return `the login window${state.busy ? ' (busy)' : ''}${problem}`;
    case 'browserSignIn':
      return `the browser sign-in view for ${state.provider}`;
    case 'code':
      return `the verification-code window${problem}`;
    case 'enrollmentNeeded':
      return `the enrollment-needed view (${state.username} has no authenticator yet)`;
    case 'signedIn':
      return `the signed-in view (${state.username}${state.codeSkipped ? ', without a code: this computer is trusted' : ''})`;
  }
}
