/** Debian's Chromium, never a downloaded one, with the switches a headless test run needs. */
export const CHROMIUM_PATH = process.env['STEPGATE_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
