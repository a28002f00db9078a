/**
 * The Electron security baseline applied to every web contents the app ever creates, carrying out
 * web-contents-policy.ts's decisions.
 */
import { app, Menu, session, type WebContents } from 'electron';
import { editContextMenu, mayNavigate, mayUsePermission, presentsClientCertificate, windowOpenDecision } from './web-contents-policy.js';

export interface HardenOptions {
  /** false in release builds: DevTools that open anyway (a window made without devTools: false) are closed at once. */
  readonly devTools: boolean;
}

function hardenContents(contents: WebContents, options: HardenOptions): void {
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('context-menu', (_event, params) => {
    const template = editContextMenu(params);
    if (template !== null) Menu.buildFromTemplate(template).popup();
  });
}

export function hardenApp(options: HardenOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, options));
  app.on('select-client-certificate', (event, _contents, _url, _certificates, callback) => {
    if (presentsClientCertificate()) return;
    event.preventDefault();
    callback();
  });
  app.on('ready', () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(mayUsePermission()));
    session.defaultSession.setPermissionCheckHandler(() => mayUsePermission());
  });
}
