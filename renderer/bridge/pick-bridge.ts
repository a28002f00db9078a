/** The preload's bridge inside Electron; the preview's HTTP bridge in a plain browser. */
import { BRIDGE_GLOBAL, type StepgateBridge } from '../../shared/ipc/bridge.js';
import { httpBridge } from './http-bridge.js';

export function pickBridge(): StepgateBridge {
  const exposed = (window as unknown as Record<string, StepgateBridge | undefined>)[BRIDGE_GLOBAL];
  return exposed ?? httpBridge();
}
