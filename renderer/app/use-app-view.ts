/**
 * The latest AppView from the main process, starting from the one the page was opened with.
 *
 * Each view is drawn synchronously, with its effects, in the task that delivered it. Drawn as an
 * ordinary update instead, the window would pass through half-done states between tasks (the new
 * view committed, its focus not yet moved; an input enabled, not yet cleared), and a key pressed
 * in that moment went to the wrong place or was lost.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import type { AppView } from '../../shared/ipc/view.js';

export function useAppView(bridge: StepgateBridge, initial: AppView): AppView {
  const [view, setView] = useState<AppView>(initial);
  useEffect(() => {
    let pushed = false;
    const stop = bridge.onState((next) => {
      pushed = true;
      flushSync(() => setView(next));
    });
    // The view may have changed between the first request and subscribing; a pushed view is newer still.
    void bridge.getState().then((current) => {
      if (!pushed) flushSync(() => setView(current));
    });
    return stop;
  }, [bridge]);
  return view;
}
