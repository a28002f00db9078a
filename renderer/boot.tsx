/**
 * Starts React for one window. The code window's pages (code.html, code-fi.html) are the code
 * window; otherwise the page's ?window= says which window it is.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { isCodePagePath } from '../shared/ipc/code-window.js';
import { App, type WindowRole } from './app/App.js';
import { pickBridge } from './bridge/pick-bridge.js';
import { messagesFor } from '../shared/messages/catalogue.js';
import { isUiLanguage, pickLanguage } from '../shared/messages/language.js';

const ROLES: readonly WindowRole[] = ['login', 'code', 'combined'];
const requested = isCodePagePath(window.location.pathname) ? 'code' : new URLSearchParams(window.location.search).get('window');
const picked = pickBridge();
if (picked === null) {
  // The app's preload did not load: say so rather than leave the window blank (the main process logs and stops too).
  const root = document.getElementById('root');
  if (root !== null) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'card';
    const lang = document.documentElement.lang;
    message.textContent = messagesFor(isUiLanguage(lang) ? lang : pickLanguage(navigator.languages)).bridgeMissing;
    root.replaceChildren(message);
  }
  throw new Error('no bridge to the main process');
}
const bridge = picked;
// In a plain browser there is no second window, so the page plays both unless told otherwise.
const fallback: WindowRole = 'stepgate' in window ? 'login' : 'combined';
const role = ROLES.find((r) => r === requested) ?? fallback;

// The first view is fetched before React replaces the page, so code.html's early input keeps
// taking digits until the real one exists; what was typed into it, and where its caret was, are
// then carried over (the caret counted in digits, as the real input holds only digits).
const initialView = bridge.initialView ?? (await bridge.getState());
const early = document.getElementById('early-code');
const digitsBefore = (text: string, index: number | null) => text.slice(0, index ?? text.length).replace(/[^0-9]/g, '').length;
const earlyCode =
  early instanceof HTMLInputElement
    ? {
        value: early.value,
        selection: document.activeElement === early ? ([digitsBefore(early.value, early.selectionStart), digitsBefore(early.value, early.selectionEnd)] as const) : null,
      }
    : undefined;

const root = document.getElementById('root');
if (root !== null) {
  const reactRoot = createRoot(root);
  // Rendered synchronously rather than in a later task: the code window should take input as early as it can.
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <App bridge={bridge} role={role} initialView={initialView} {...(earlyCode === undefined ? {} : { earlyCode })} />
      </StrictMode>,
    ),
  );
}
