import { describe, expect, it } from 'vitest';
import {
  actionOf,
  closesOnResponsive,
  CRASH_LOOP_WINDOW_MS,
  ERR_ABORTED,
  planRecovery,
  recoveryLogLine,
  replacesShown,
  type RendererGoneReason,
  type WindowTrouble,
} from '../../../../electron/windows/recovery-plan.js';
import { recoveryText } from '../../../../electron/windows/recovery-text.js';
import { en } from '../../../../shared/messages/en.js';
import { fi } from '../../../../shared/messages/fi.js';

const NOW = 1_700_000_000_000;
const crash = (reason: RendererGoneReason = 'crashed', byApp = false): WindowTrouble => ({ kind: 'rendererGone', reason, exitCode: 11, byApp });
const failedLoad: WindowTrouble = { kind: 'loadFailed', code: -6, description: 'ERR_FILE_NOT_FOUND', mainFrame: true };

describe('planRecovery', () => {
  it('asks to try again or quit when the page does not load', () => {
    expect(planRecovery(failedLoad, [], NOW).recovery).toEqual({
      kind: 'tell',
      message: { kind: 'loadFailed', description: 'ERR_FILE_NOT_FOUND' },
      choices: ['tryAgain', 'quit'],
      reloadNow: false,
    });
  });

  it('asks the same when loadURL is refused, with or without a net error number', () => {
    for (const code of [-2, null]) {
      const plan = planRecovery({ kind: 'loadRejected', code, description: 'ERR_FAILED' }, [], NOW);
      expect(plan.recovery).toMatchObject({ kind: 'tell', message: { kind: 'loadFailed' }, choices: ['tryAgain', 'quit'] });
    }
  });

  it('ignores a frame inside the page, and a load replaced by another (ERR_ABORTED)', () => {
    expect(planRecovery({ ...failedLoad, mainFrame: false }, [], NOW).recovery).toEqual({ kind: 'ignore' });
    expect(planRecovery({ ...failedLoad, code: ERR_ABORTED, description: 'ERR_ABORTED' }, [], NOW).recovery).toEqual({ kind: 'ignore' });
    expect(planRecovery({ kind: 'loadRejected', code: ERR_ABORTED, description: 'ERR_ABORTED' }, [], NOW).recovery).toEqual({ kind: 'ignore' });
  });

  it.each(['abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'integrity-failure', 'memory-eviction'] as const)(
    'reloads a renderer gone by %s at once and says so',
    (reason) => {
      const plan = planRecovery(crash(reason), [], NOW);
      expect(plan.recovery).toEqual({ kind: 'tell', message: { kind: 'reopened', reason }, choices: ['ok', 'quit'], reloadNow: true });
      expect(plan.crashes).toEqual([NOW]);
    },
  );

  it('ignores a clean exit, and a renderer the app ended itself to reload it, and does not count them', () => {
    for (const trouble of [crash('clean-exit'), crash('killed', true)]) {
      expect(planRecovery(trouble, [NOW - 1000], NOW)).toEqual({ crashes: [NOW - 1000], recovery: { kind: 'ignore' } });
    }
  });

  it('stops reloading by itself at the third crash within a minute, and says so', () => {
    const first = planRecovery(crash(), [], NOW);
    const second = planRecovery(crash(), first.crashes, NOW + 10_000);
    expect(second.recovery).toMatchObject({ reloadNow: true, message: { kind: 'reopened' } });
    const third = planRecovery(crash(), second.crashes, NOW + 20_000);
    expect(third.recovery).toEqual({ kind: 'tell', message: { kind: 'crashLoop', count: 3 }, choices: ['tryAgain', 'quit'], reloadNow: false });
    // After "Try again", a fourth within the minute is still a loop.
    expect(planRecovery(crash(), third.crashes, NOW + 30_000).recovery).toMatchObject({ reloadNow: false, message: { kind: 'crashLoop', count: 4 } });
  });

  it('forgets crashes older than a minute', () => {
    const old = [NOW - CRASH_LOOP_WINDOW_MS, NOW - CRASH_LOOP_WINDOW_MS + 1];
    const plan = planRecovery(crash(), old, NOW);
    expect(plan.crashes).toEqual([NOW - CRASH_LOOP_WINDOW_MS + 1, NOW]);
    expect(plan.recovery).toMatchObject({ reloadNow: true, message: { kind: 'reopened' } });
    expect(planRecovery(failedLoad, old, NOW).crashes).toEqual([NOW - CRASH_LOOP_WINDOW_MS + 1]);
  });

  it('offers to wait or reload a window that does not respond', () => {
    expect(planRecovery({ kind: 'unresponsive' }, [], NOW).recovery).toEqual({
      kind: 'tell',
      message: { kind: 'unresponsive' },
      choices: ['wait', 'reload', 'quit'],
      reloadNow: false,
    });
  });
});

describe('actionOf', () => {
  it('maps each button to what it does', () => {
    expect(actionOf(['tryAgain', 'quit'], 0)).toBe('reload');
    expect(actionOf(['tryAgain', 'quit'], 1)).toBe('quit');
    expect(actionOf(['wait', 'reload', 'quit'], 0)).toBe('nothing');
    expect(actionOf(['wait', 'reload', 'quit'], 1)).toBe('reload');
    expect(actionOf(['wait', 'reload', 'quit'], 2)).toBe('quit');
    expect(actionOf(['ok', 'quit'], 0)).toBe('nothing');
  });

  it('takes an answer outside the buttons (Escape, a closed box) as the first, never as Quit', () => {
    expect(actionOf(['tryAgain', 'quit'], -1)).toBe('reload');
    expect(actionOf(['ok', 'quit'], 7)).toBe('nothing');
  });
});

describe('one message at a time', () => {
  it('replaces a shown message with different news, not with the same failure reported twice', () => {
    expect(replacesShown(null, { kind: 'loadFailed', description: 'x' })).toBe(true);
    expect(replacesShown('loadFailed', { kind: 'loadFailed', description: 'x' })).toBe(false);
    expect(replacesShown('reopened', { kind: 'crashLoop', count: 3 })).toBe(true);
    expect(replacesShown('unresponsive', { kind: 'reopened', reason: 'crashed' })).toBe(true);
  });

  it('closes only "not responding" when the page answers again', () => {
    expect(closesOnResponsive('unresponsive')).toBe(true);
    for (const kind of ['loadFailed', 'reopened', 'crashLoop', null] as const) expect(closesOnResponsive(kind)).toBe(false);
  });
});

describe('the words', () => {
  it('name what happened and label the buttons in English and Finnish', () => {
    const loop = { kind: 'crashLoop', count: 3 } as const;
    expect(recoveryText(loop, ['tryAgain', 'quit'], en)).toEqual({ message: en.recovery.crashLoop, detail: en.recovery.crashLoopDetail(3), buttons: ['Try again', 'Quit'] });
    expect(recoveryText(loop, ['tryAgain', 'quit'], fi).buttons).toEqual(['Yritä uudelleen', 'Lopeta']);
    expect(recoveryText({ kind: 'unresponsive' }, ['wait', 'reload', 'quit'], en).buttons).toEqual(['Wait', 'Reload', 'Quit']);
    expect(recoveryText({ kind: 'loadFailed', description: 'ERR_FAILED' }, ['tryAgain', 'quit'], fi).detail).toContain('ERR_FAILED');
    expect(recoveryText({ kind: 'reopened', reason: 'oom' }, ['ok', 'quit'], en).detail).toContain('oom');
  });
});

describe('recoveryLogLine', () => {
  it('says which window, what happened with its reason, and what the app does', () => {
    expect(recoveryLogLine('login', failedLoad, planRecovery(failedLoad, [], NOW).recovery)).toBe(
      'login window: the page did not load: ERR_FILE_NOT_FOUND (-6); asking to try again',
    );
    expect(recoveryLogLine('code', crash('oom'), planRecovery(crash('oom'), [], NOW).recovery)).toBe(
      'code window: the renderer stopped: oom (exit code 11); reloaded it',
    );
    const loop = planRecovery(crash(), [NOW - 2, NOW - 1], NOW).recovery;
    expect(recoveryLogLine('login', crash(), loop)).toContain('3 stops within a minute: no longer reloading by itself');
    expect(recoveryLogLine('login', crash('killed', true), { kind: 'ignore' })).toContain('ended by the app to reload it; nothing to do');
    expect(recoveryLogLine('login', { kind: 'unresponsive' }, planRecovery({ kind: 'unresponsive' }, [], NOW).recovery)).toBe(
      'login window: the page stopped responding; asking to wait or reload',
    );
  });
});
