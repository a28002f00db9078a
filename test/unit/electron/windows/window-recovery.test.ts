import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { windowRecovery } from '../../../../electron/windows/window-recovery.js';
import { en } from '../../../../shared/messages/en.js';
import { FakeWindow } from './fake-window.js';

const URL = 'app://stepgate/index.html?window=login';

/** A message box the test answers; `options` is what the app asked to show. */
interface Box {
  readonly options: MessageBoxOptions;
  answer(response: number): Promise<void>;
}

function setUp() {
  const window = new FakeWindow();
  const boxes: Box[] = [];
  const log: string[] = [];
  let quits = 0;
  let reveals = 0;
  let clock = 1_700_000_000_000;
  const recovery = windowRecovery({
    messages: en,
    log: (line) => log.push(line),
    quit: () => void quits++,
    now: () => clock,
    showMessageBox: (_window, options) =>
      new Promise<MessageBoxReturnValue>((resolve) => {
        options.signal?.addEventListener('abort', () => resolve({ response: options.cancelId ?? 0, checkboxChecked: false }));
        boxes.push({
          options,
          answer: async (response) => {
            resolve({ response, checkboxChecked: false });
            await flush();
          },
        });
      }),
  });
  recovery.load(window.asWindow, 'login', URL, () => void reveals++);
  return {
    window,
    boxes,
    log,
    quits: () => quits,
    reveals: () => reveals,
    tick: (ms: number) => void (clock += ms),
    loads: () => window.calls.filter((c) => c === `load ${URL}`).length,
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const crash = (window: FakeWindow, reason = 'crashed') => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });

describe('windowRecovery', () => {
  it('loads the page, and on a failed load shows the window and offers to try again, which loads it again', async () => {
    const app = setUp();
    expect(app.loads()).toBe(1);
    app.window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', URL, true, 1, 1);
    expect(app.reveals()).toBe(1);
    expect(app.boxes).toHaveLength(1);
    expect(app.boxes[0]?.options).toMatchObject({ message: en.recovery.loadFailed, buttons: ['Try again', 'Quit'], defaultId: 0, cancelId: 0 });
    expect(app.boxes[0]?.options.detail).toContain('ERR_FILE_NOT_FOUND');
    await app.boxes[0]?.answer(0);
    expect(app.loads()).toBe(2);
    expect(app.log).toContain('login window: the page did not load: ERR_FILE_NOT_FOUND (-6); asking to try again');
  });

  it('shows one message for a failure that both the event and loadURL report', async () => {
    const window = new FakeWindow();
    window.nextLoad = () => Promise.reject(Object.assign(new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://x'"), { errno: -6, code: 'ERR_FILE_NOT_FOUND' }));
    const boxes: MessageBoxOptions[] = [];
    windowRecovery({ messages: en, log: () => undefined, quit: () => undefined, showMessageBox: (_w, o) => (boxes.push(o), new Promise(() => undefined)) }).load(
      window.asWindow,
      'code',
      URL,
      () => undefined,
    );
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', URL, true, 1, 1);
    await flush();
    expect(boxes).toHaveLength(1);
  });

  it('ignores a sub-frame and an aborted load', () => {
    const app = setUp();
    app.window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', URL, false, 1, 1);
    app.window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', URL, true, 1, 1);
    expect(app.boxes).toHaveLength(0);
  });

  it('Quit quits', async () => {
    const app = setUp();
    app.window.webContents.emit('did-fail-load', {}, -2, 'ERR_FAILED', URL, true, 1, 1);
    await app.boxes[0]?.answer(1);
    expect(app.quits()).toBe(1);
    expect(app.loads()).toBe(1);
  });

  it('reloads a crashed renderer at once, twice, and at the third crash within a minute stops and asks', async () => {
    const app = setUp();
    crash(app.window);
    expect(app.loads()).toBe(2);
    expect(app.boxes[0]?.options).toMatchObject({ message: en.recovery.reopened, buttons: ['OK', 'Quit'] });
    app.tick(10_000);
    crash(app.window, 'oom');
    expect(app.loads()).toBe(3);
    app.tick(10_000);
    crash(app.window);
    expect(app.loads()).toBe(3);
    const last = app.boxes.at(-1);
    expect(last?.options).toMatchObject({ message: en.recovery.crashLoop, detail: en.recovery.crashLoopDetail(3), buttons: ['Try again', 'Quit'] });
    expect(app.log.at(-1)).toContain('3 stops within a minute');
    await last?.answer(0);
    expect(app.loads()).toBe(4);
  });

  it('offers to wait or reload a window that stops responding, and closes the offer when it answers again', async () => {
    const app = setUp();
    app.window.emit('unresponsive');
    expect(app.boxes[0]?.options).toMatchObject({ message: en.recovery.unresponsive, buttons: ['Wait', 'Reload', 'Quit'] });
    app.window.emit('responsive');
    expect(app.boxes[0]?.options.signal?.aborted).toBe(true);
    await flush();
    expect(app.loads()).toBe(1);
    expect(app.quits()).toBe(0);
  });

  it('on Reload ends the hung renderer and loads the page, without counting that as a crash', async () => {
    const app = setUp();
    app.window.emit('unresponsive');
    await app.boxes[0]?.answer(1);
    expect(app.window.calls).toContain('crashRenderer');
    crash(app.window, 'killed');
    expect(app.boxes).toHaveLength(1);
    expect(app.loads()).toBe(2);
    expect(app.log).toContain('login window: the renderer stopped: killed (exit code 139), ended by the app to reload it; nothing to do');
  });

  it('does nothing for a window already gone', async () => {
    const app = setUp();
    app.window.webContents.emit('did-fail-load', {}, -2, 'ERR_FAILED', URL, true, 1, 1);
    app.window.close();
    await app.boxes[0]?.answer(0);
    crash(app.window);
    expect(app.loads()).toBe(1);
    expect(app.boxes).toHaveLength(1);
  });
});
