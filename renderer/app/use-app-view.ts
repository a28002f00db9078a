/** The latest AppView from the main process, starting from the one the page was opened with. */
import { useEffect, useState } from 'react';
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import type { AppView } from '../../shared/ipc/view.js';

export function useAppView(bridge: StepgateBridge, initial: AppView): AppView {
  const [view, setView] = useState<AppView>(initial);
  useEffect(() => {
    let pushed = false;
    const stop = bridge.onState((next) => {
      pushed = true;
      setView(next);
    });
    // The view may have changed between the first request and subscribing; a pushed view is newer still.
    void bridge.getState().then((current) => {
      if (!pushed) setView(current);
    });
    return stop;
  }, [bridge]);
  return view;
}
