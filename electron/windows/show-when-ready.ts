/**
 * Carries out show-once.ts for one BrowserWindow: listens for the three signals and the window's
 * end, and shows it the first time the decision says so.
 */
import type { BrowserWindow } from 'electron';
import { nextShow, SHOW_FALLBACK_MS, type ShowEvent, type ShowState } from './show-once.js';

/** Returns what shows the window at once if it is not shown yet (for a message against it). */
export function showWhenReady(window: BrowserWindow, show: (window: BrowserWindow) => void, fallbackMs: number = SHOW_FALLBACK_MS): () => void {
  let state: ShowState = 'waiting';
  const on = (event: ShowEvent) => {
    const step = nextShow(state, event);
    state = step.state;
    if (step.state !== 'waiting') clearTimeout(timer);
    if (step.show && !window.isDestroyed()) show(window);
  };
  const timer = setTimeout(() => on('timer'), fallbackMs);
  window.once('ready-to-show', () => on('readyToShow'));
  window.webContents.once('did-finish-load', () => on('didFinishLoad'));
  window.once('closed', () => on('closed'));
  return () => on('needed');
}
