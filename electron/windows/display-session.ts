/** This process's platform, desktop session and Chromium display switches, for raise-plan.ts. */
import { app } from 'electron';
import { raiseMethod, type RaiseMethod } from './raise-plan.js';

export function currentRaiseMethod(): RaiseMethod {
  return raiseMethod({
    platform: process.platform,
    sessionType: process.env['XDG_SESSION_TYPE'],
    waylandDisplay: process.env['WAYLAND_DISPLAY'],
    ozonePlatform: app.commandLine.getSwitchValue('ozone-platform'),
    ozonePlatformHint: app.commandLine.getSwitchValue('ozone-platform-hint'),
  });
}
