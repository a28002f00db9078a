/**
 * The only bridge between an app page and the main process: five functions on window.stepgate,
 * carrying the IPC contract and nothing else. Built as a CommonJS bundle, as sandboxed preloads
 * require.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import { BRIDGE_GLOBAL } from '../../shared/ipc/bridge.js';
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { AppView } from '../../shared/ipc/view.js';

const bridge: StepgateBridge = {
  getState: () => ipcRenderer.invoke(CHANNELS.getState) as Promise<AppView>,
  send: async (intent) => {
    await ipcRenderer.invoke(CHANNELS.intent, intent);
  },
  onState: (listener) => {
    // The event object is not passed on: it would hand the page a handle to ipcRenderer.
    const wrapped = (_event: IpcRendererEvent, view: AppView) => listener(view);
    ipcRenderer.on(CHANNELS.state, wrapped);
    return () => {
      ipcRenderer.removeListener(CHANNELS.state, wrapped);
    };
  },
  diagnostics: () => ipcRenderer.invoke(CHANNELS.diagnostics) as Promise<Diagnostics>,
  copyDiagnostics: async () => {
    await ipcRenderer.invoke(CHANNELS.copyDiagnostics);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
