import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOW_FALLBACK_MS } from '../../../../electron/windows/show-once.js';
import { showWhenReady } from '../../../../electron/windows/show-when-ready.js';
import { FakeWindow } from './fake-window.js';

describe('showWhenReady', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const watch = () => {
    const window = new FakeWindow();
    const shown: number[] = [];
    const reveal = showWhenReady(window.asWindow, () => shown.push(Date.now()));
    return { window, shown, reveal };
  };

  it('shows on ready-to-show, once, and the later signals and timer do nothing', () => {
    const { window, shown } = watch();
    window.emit('ready-to-show');
    window.webContents.emit('did-finish-load');
    vi.advanceTimersByTime(SHOW_FALLBACK_MS * 2);
    expect(shown).toHaveLength(1);
  });

  it('shows on the page’s load when ready-to-show never comes (Wayland)', () => {
    const { window, shown } = watch();
    window.webContents.emit('did-finish-load');
    window.emit('ready-to-show');
    expect(shown).toHaveLength(1);
  });

  it('shows on the timer when nothing comes', () => {
    const { shown } = watch();
    vi.advanceTimersByTime(SHOW_FALLBACK_MS - 1);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(shown).toHaveLength(1);
  });

  it('never shows a window closed first', () => {
    const { window, shown, reveal } = watch();
    window.close();
    window.emit('ready-to-show');
    reveal();
    vi.advanceTimersByTime(SHOW_FALLBACK_MS * 2);
    expect(shown).toHaveLength(0);
  });

  it('shows at once for a message against it, and not again', () => {
    const { window, shown, reveal } = watch();
    reveal();
    window.emit('ready-to-show');
    vi.advanceTimersByTime(SHOW_FALLBACK_MS * 2);
    expect(shown).toHaveLength(1);
  });
});
