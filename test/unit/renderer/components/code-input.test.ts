import { describe, expect, it } from 'vitest';
import { caretAfterKey } from '../../../../renderer/components/CodeInput.js';

describe('caretAfterKey', () => {
  it('moves the caret as a text field does: a selection collapses to its side, a caret moves by one', () => {
    expect(caretAfterKey('ArrowLeft', 4, 4, 4)).toBe(3);
    expect(caretAfterKey('ArrowLeft', 3, 4, 6)).toBe(3);
    expect(caretAfterKey('ArrowLeft', 0, 0, 3)).toBe(0);
    expect(caretAfterKey('ArrowRight', 3, 4, 6)).toBe(4);
    expect(caretAfterKey('ArrowRight', 6, 6, 6)).toBe(6);
    expect(caretAfterKey('Home', 5, 6, 6)).toBe(0);
    expect(caretAfterKey('End', 0, 1, 6)).toBe(6);
  });

  it('leaves every other key to the browser', () => {
    expect(caretAfterKey('1', 0, 0, 0)).toBeNull();
    expect(caretAfterKey('Backspace', 2, 2, 3)).toBeNull();
    expect(caretAfterKey('Tab', 2, 2, 3)).toBeNull();
  });
});
