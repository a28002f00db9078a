/**
 * The Electron security baseline applied to every web contents the app ever creates, carrying out
 * web-contents-policy.ts's decisions.
 */
import { app, Menu, session, type WebContents } from 'electron';
import { editContextMenu, mayNavigate, mayUsePermission, windowOpenDecision } from './web-contents-policy.js';

function hardenContents(contents: WebContents): void {
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

export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('ready', () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(mayUsePermission()));
    session.defaultSession.setPermissionCheckHandler(() => mayUsePermission());
  });
}
