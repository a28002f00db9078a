import { describe, expect, it } from 'vitest';
import { planWindows, type WindowEvent, type WindowsState } from '../../../../electron/windows/window-plan.js';

const none: WindowsState = { login: false, code: false };
const loginOnly: WindowsState = { login: true, code: false };
const both: WindowsState = { login: true, code: true };

/** Runs events from a state, collecting every effect, as the adapter would. */
function run(state: WindowsState, events: readonly WindowEvent[], platform: NodeJS.Platform = 'win32') {
  const effects: string[] = [];
  let current = state;
  for (const event of events) {
    const plan = planWindows(current, event, platform);
    current = plan.state;
    effects.push(...plan.effects);
  }
  return { state: current, effects };
}

describe('planWindows', () => {
  it('opens the login window first', () => {
    expect(run(none, [{ type: 'activate' }])).toEqual({ state: loginOnly, effects: ['openLogin'] });
  });

  it('opens the code window when the flow reaches the code step, once', () => {
    expect(run(loginOnly, [{ type: 'view', flow: 'code' }, { type: 'view', flow: 'code' }])).toEqual({ state: both, effects: ['openCode'] });
  });

  it('closes it when the flow leaves the code step (signed in, back to the password, started again)', () => {
    for (const flow of ['signedIn', 'signIn', 'starting', 'enrollmentNeeded', 'browserSignIn'] as const) {
      expect(run(both, [{ type: 'view', flow }])).toEqual({ state: loginOnly, effects: ['closeCode'] });
    }
  });

  it('counts a person closing the code window as Cancel', () => {
    expect(run(both, [{ type: 'codeClosedByPerson' }])).toEqual({ state: loginOnly, effects: ['cancelFlow'] });
  });

  it('does not cancel when the app itself closed the code window', () => {
    expect(run(both, [{ type: 'view', flow: 'signedIn' }, { type: 'codeClosedByPerson' }])).toEqual({ state: loginOnly, effects: ['closeCode'] });
  });

  it('brings the code window forward on a second start while it is open, else the login window', () => {
    expect(run(both, [{ type: 'secondInstance' }]).effects).toEqual(['focusCode']);
    expect(run(loginOnly, [{ type: 'secondInstance' }]).effects).toEqual(['focusLogin']);
  });

  it('quits when the login window closes on Windows and Linux, cancelling a code step under way', () => {
    expect(run(both, [{ type: 'loginClosed' }], 'win32')).toEqual({ state: none, effects: ['cancelFlow', 'quit'] });
    expect(run(loginOnly, [{ type: 'loginClosed' }], 'linux')).toEqual({ state: none, effects: ['quit'] });
  });

  it('stays in the macOS Dock without windows, and reopens the login window from there', () => {
    expect(run(loginOnly, [{ type: 'loginClosed' }, { type: 'activate' }], 'darwin')).toEqual({ state: loginOnly, effects: ['openLogin'] });
    expect(run(none, [{ type: 'secondInstance' }], 'darwin').effects).toEqual(['openLogin']);
  });

  it('brings the login window forward when the browser comes back from a sign-in, reopening it on macOS if it was closed', () => {
    expect(run(loginOnly, [{ type: 'view', flow: 'browserSignIn' }, { type: 'browserReturned' }])).toEqual({ state: loginOnly, effects: ['focusLogin'] });
    expect(run(loginOnly, [{ type: 'loginClosed' }, { type: 'browserReturned' }], 'darwin')).toEqual({ state: loginOnly, effects: ['openLogin'] });
  });

  it('opens no code window while there is no login window to hold it', () => {
    expect(run(none, [{ type: 'view', flow: 'code' }], 'darwin')).toEqual({ state: none, effects: [] });
  });
});
