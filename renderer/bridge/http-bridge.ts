/**
 * The bridge of the browser preview: the same StepgateBridge over HTTP to the preview server,
 * which runs the real main-process flow. Intents are POSTed; views arrive as server-sent events.
 */
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import { INITIAL_VIEW_ELEMENT_ID, PREVIEW_ROUTES } from '../../shared/ipc/preview-routes.js';
import type { AppView } from '../../shared/ipc/view.js';

/** The view the preview embedded in the page, taken once: it saves a round trip before the first render. */
function takeInitialView(): AppView | null {
  const element = document.getElementById(INITIAL_VIEW_ELEMENT_ID);
  if (element === null) return null;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '') as AppView;
  } catch {
    return null;
  }
}

export function httpBridge(base = ''): StepgateBridge {
  const initialView = takeInitialView();
  return {
    initialView,
    getState: async () => {
      const response = await fetch(`${base}${PREVIEW_ROUTES.state}`, { cache: 'no-store' });
      return (await response.json()) as AppView;
    },
    send: async (intent) => {
      const response = await fetch(`${base}${PREVIEW_ROUTES.intent}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(intent),
      });
      if (!response.ok) throw new Error(`intent refused (${response.status})`);
    },
    onState: (listener) => {
      const source = new EventSource(`${base}${PREVIEW_ROUTES.events}`);
      source.onmessage = (event: MessageEvent<string>) => listener(JSON.parse(event.data) as AppView);
      return () => source.close();
    },
    // POSTs, like intents, so the preview can check the page's Origin; neither carries a body.
    diagnostics: async () => {
      const response = await fetch(`${base}${PREVIEW_ROUTES.diagnostics}`, { method: 'POST', cache: 'no-store' });
      if (!response.ok) throw new Error(`diagnostics refused (${response.status})`);
      return (await response.json()) as Diagnostics;
    },
    copyDiagnostics: async () => {
      const response = await fetch(`${base}${PREVIEW_ROUTES.copyDiagnostics}`, { method: 'POST' });
      if (!response.ok) throw new Error(`copy refused (${response.status})`);
    },
  };
}
