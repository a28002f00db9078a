import { describe, expect, it } from 'vitest';
import { nextShow, type ShowEvent, type ShowState } from '../../../../electron/windows/show-once.js';

/** Runs events from a new window, returning after which events it was shown. */
function shows(events: readonly ShowEvent[]): readonly number[] {
  let state: ShowState = 'waiting';
  const at: number[] = [];
  events.forEach((event, index) => {
    const step = nextShow(state, event);
    state = step.state;
    if (step.show) at.push(index);
  });
  return at;
}

function permutations<T>(items: readonly T[]): readonly (readonly T[])[] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

const SIGNALS: readonly ShowEvent[] = ['readyToShow', 'didFinishLoad', 'timer', 'needed'];

describe('nextShow', () => {
  it.each(permutations(SIGNALS).map((order) => [order.join(' → '), order] as const))('shows once, on the first signal: %s', (_name, order) => {
    expect(shows(order)).toEqual([0]);
  });

  it.each(SIGNALS)('shows on %s alone (Wayland: ready-to-show may never come)', (signal) => {
    expect(shows([signal])).toEqual([0]);
  });

  it('shows on the timer when the page sends nothing', () => {
    expect(shows(['timer'])).toEqual([0]);
    expect(nextShow('waiting', 'timer')).toEqual({ state: 'shown', show: true });
  });

  it('never shows a window closed before any signal, whatever comes after', () => {
    for (const order of permutations(SIGNALS)) expect(shows(['closed', ...order])).toEqual([]);
  });

  it('never shows a window closed between signals again', () => {
    for (const order of permutations(SIGNALS)) {
      for (let cut = 1; cut <= order.length; cut++) {
        expect(shows([...order.slice(0, cut), 'closed', ...order.slice(cut)])).toEqual([0]);
      }
    }
  });

  it('shows at once for a message when nothing came yet, and only then', () => {
    expect(shows(['needed', 'readyToShow', 'timer'])).toEqual([0]);
    expect(shows(['didFinishLoad', 'needed'])).toEqual([0]);
  });

  it('waits while nothing has happened', () => {
    expect(shows([])).toEqual([]);
  });

  it('a closed window stays closed', () => {
    for (const event of [...SIGNALS, 'closed'] as const) expect(nextShow('closed', event)).toEqual({ state: 'closed', show: false });
  });
});
