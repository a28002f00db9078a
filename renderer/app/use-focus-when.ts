/**
 * Moves focus after a change of state: when `key` appears or changes, `focus` runs in a layout
 * effect, i.e. in the same task as the render that made the change, before the window is painted
 * and before any key press can be handled by a half-updated view. A null key means "not now"
 * (while the view is busy); the next key after it always focuses, so a view that becomes usable
 * again puts focus where the person continues.
 */
import { useLayoutEffect, useRef } from 'react';

export function useFocusWhen(key: string | null, focus: () => void): void {
  const last = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (key === null) {
      last.current = null;
      return;
    }
    if (key === last.current) return;
    last.current = key;
    focus();
  });
}
