/**
 * A stand-in for Electron's BrowserWindow, which cannot exist outside Electron: the events and the
 * few calls the window adapters use, recorded. Everything the adapters decide is tested on the
 * pure modules; these tests check only that the adapters wire events to decisions and carry them out.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';

export class FakeWindow extends EventEmitter {
  readonly webContents = Object.assign(new EventEmitter(), {
    forcefullyCrashRenderer: () => this.calls.push('crashRenderer'),
  });
  readonly calls: string[] = [];
  destroyed = false;
  minimized = false;
  focused = false;
  /** What the next loadURL does; resolves by default. */
  nextLoad: () => Promise<void> = () => Promise.resolve();

  isDestroyed(): boolean {
    return this.destroyed;
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isFocused(): boolean {
    return this.focused;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  setAlwaysOnTop(flag: boolean): void {
    this.calls.push(`alwaysOnTop ${flag}`);
  }
  flashFrame(flag: boolean): void {
    this.calls.push(`flash ${flag}`);
  }
  loadURL(url: string): Promise<void> {
    this.calls.push(`load ${url}`);
    return this.nextLoad();
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
  get asWindow(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }
}
