/**
 * Which windows exist, decided from what happens: the code window exists exactly while the flow is
 * in the code step; a person closing it is Cancel; a second start of the app, or the browser coming
 * back from a sign-in, brings the open window forward; on macOS the app stays in the Dock without windows and reopens the login window from there.
 * The adapter (app-windows.ts) performs the effects.
 */
import type { FlowView } from '../../shared/ipc/view.js';
import { assertNever } from '../../shared/util/assert-never.js';

export interface WindowsState {
  readonly login: boolean;
  readonly code: boolean;
}

export type WindowEvent =
  | { readonly type: 'view'; readonly flow: FlowView['kind'] }
  | { readonly type: 'codeClosedByPerson' }
  | { readonly type: 'loginClosed' }
  | { readonly type: 'secondInstance' }
  | { readonly type: 'activate' }
  /** The system browser came back from a sign-in at the identity provider. */
  | { readonly type: 'browserReturned' };

export type WindowEffect = 'openLogin' | 'openCode' | 'closeCode' | 'cancelFlow' | 'focusLogin' | 'focusCode' | 'quit';

export interface WindowPlan {
  readonly state: WindowsState;
  readonly effects: readonly WindowEffect[];
}

export function planWindows(state: WindowsState, event: WindowEvent, platform: NodeJS.Platform): WindowPlan {
  switch (event.type) {
    case 'view': {
      const wantsCode = event.flow === 'code' && state.login;
      if (wantsCode && !state.code) return { state: { ...state, code: true }, effects: ['openCode'] };
      if (!wantsCode && state.code) return { state: { ...state, code: false }, effects: ['closeCode'] };
      return { state, effects: [] };
    }
    case 'codeClosedByPerson':
      return { state: { ...state, code: false }, effects: state.code ? ['cancelFlow'] : [] };
    case 'loginClosed':
      // The code window is the login window's child and closes with it; that is a Cancel too.
      return {
        state: { login: false, code: false },
        effects: [...(state.code ? (['cancelFlow'] as const) : []), ...(platform === 'darwin' ? [] : (['quit'] as const))],
      };
    case 'secondInstance':
    case 'activate':
    case 'browserReturned':
      if (!state.login) return { state: { ...state, login: true }, effects: ['openLogin'] };
      return { state, effects: [state.code ? 'focusCode' : 'focusLogin'] };
    default:
      return assertNever(event);
  }
}
