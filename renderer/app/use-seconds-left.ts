/**
 * Whole seconds until a deadline (epoch milliseconds), re-rendered as each second passes: the one
 * number a countdown's words on screen and its announcements are both made from. 0 once passed
 * or when there is no deadline.
 */
import { useEffect, useReducer } from 'react';

export const secondsUntil = (deadline: number | null, now: number): number =>
  deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));

export function useSecondsLeft(deadline: number | null): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const left = secondsUntil(deadline, Date.now());
  useEffect(() => {
    if (deadline === null || left === 0) return undefined;
    // Wake just after the shown number changes, not on a free-running interval that drifts from it.
    const wait = deadline - Date.now() - (left - 1) * 1000;
    const timer = setTimeout(tick, Math.max(0, wait) + 5);
    return () => clearTimeout(timer);
  }, [deadline, left]);
  return left;
}
