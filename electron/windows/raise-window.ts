/** Performs raise-plan.ts's steps on one BrowserWindow; `appTakesFocus` is app.focus({ steal: true }). */
import type { BrowserWindow } from 'electron';
import { assertNever } from '../../shared/util/assert-never.js';
import { raiseSteps, type RaiseMethod, type RaiseStep } from './raise-plan.js';

export function raiseWindow(window: BrowserWindow, method: RaiseMethod, appTakesFocus: () => void): void {
  if (window.isDestroyed()) return;
  for (const step of raiseSteps(method, window.isMinimized())) perform(window, step, appTakesFocus);
}

function perform(window: BrowserWindow, step: RaiseStep, appTakesFocus: () => void): void {
  switch (step) {
    case 'restore':
      window.restore();
      return;
    case 'appTakesFocus':
      appTakesFocus();
      return;
    case 'alwaysOnTop':
      window.setAlwaysOnTop(true);
      return;
    case 'show':
      window.show();
      return;
    case 'focus':
      window.focus();
      return;
    case 'dropAlwaysOnTop':
      window.setAlwaysOnTop(false);
      return;
    case 'flashUntilFocused':
      if (window.isFocused()) return;
      window.flashFrame(true);
      window.once('focus', () => {
        if (!window.isDestroyed()) window.flashFrame(false);
      });
      return;
    default:
      return assertNever(step);
  }
}
