/**
 * When a new window is shown: on the first of `ready-to-show`, the page's `did-finish-load`, or a
 * short timer. On Wayland `ready-to-show` often never comes (Electron 38 and later), so waiting for
 * it alone can leave the app with no window at all. A window is shown once: a second show could take
 * focus from whatever the person has moved to since; one already closed is never shown.
 * show-when-ready.ts carries the answer out.
 */
import { assertNever } from '../../shared/util/assert-never.js';

/** How long a hidden window waits for its page before it is shown anyway. */
export const SHOW_FALLBACK_MS = 1500;

export type ShowState = 'waiting' | 'shown' | 'closed';

/** `needed`: the app has something to say against the window (its page did not load) and shows it first. */
export type ShowEvent = 'readyToShow' | 'didFinishLoad' | 'timer' | 'needed' | 'closed';

export interface ShowStep {
  readonly state: ShowState;
  /** Whether the adapter shows (and focuses) the window now. */
  readonly show: boolean;
}

export function nextShow(state: ShowState, event: ShowEvent): ShowStep {
  switch (event) {
    case 'closed':
      return { state: 'closed', show: false };
    case 'readyToShow':
    case 'didFinishLoad':
    case 'timer':
    case 'needed':
      return state === 'waiting' ? { state: 'shown', show: true } : { state, show: false };
    default:
      return assertNever(event);
  }
}
