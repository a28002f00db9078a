/** IPC channel names: the only ones the preload bridges and the main process listens on. */
export const CHANNELS = {
  /** renderer -> main (invoke): an Intent; resolves when the main process has accepted it. */
  intent: 'stepgate:intent',
  /** renderer -> main (invoke): the current AppView. */
  getState: 'stepgate:get-state',
  /** main -> renderer (send): the AppView after every change. */
  state: 'stepgate:state',
  /** renderer -> main (invoke, no arguments): the About view's Diagnostics, collected now. */
  diagnostics: 'stepgate:diagnostics',
  /** renderer -> main (invoke, no arguments): puts the diagnostics on the clipboard as text. */
  copyDiagnostics: 'stepgate:copy-diagnostics',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
