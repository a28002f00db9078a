/**
 * The preload's bridge inside Electron; the preview's HTTP bridge in a plain browser. A page served
 * by the app (app://) gets its bridge only from the preload: without it (the preload failed) the
 * page says so instead of sitting blank or talking to an HTTP server that is not there.
 */
import { BRIDGE_GLOBAL, type StepgateBridge } from '../../shared/ipc/bridge.js';
import { httpBridge } from './http-bridge.js';

export type BridgeSource = 'preload' | 'http' | 'missing';

export function bridgeSource(protocol: string, preloadBridgePresent: boolean): BridgeSource {
  if (preloadBridgePresent) return 'preload';
  return protocol === 'http:' || protocol === 'https:' ? 'http' : 'missing';
}

export function pickBridge(): StepgateBridge | null {
  const exposed = (window as unknown as Record<string, StepgateBridge | undefined>)[BRIDGE_GLOBAL];
  switch (bridgeSource(window.location.protocol, exposed !== undefined)) {
    case 'preload':
      return exposed ?? null;
    case 'http':
      return httpBridge();
    case 'missing':
      return null;
  }
}
