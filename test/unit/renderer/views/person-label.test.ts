import { describe, expect, it } from 'vitest';
import { personLabel } from '../../../../renderer/views/SignedInView.js';

describe('personLabel', () => {
  it('shows the display name with the username, but the username only once when they are the same', () => {
    expect(personLabel('Ada Lovelace', 'ada')).toEqual({ name: 'Ada Lovelace', username: 'ada' });
    expect(personLabel('alice', 'alice')).toEqual({ name: 'alice', username: null });
    expect(personLabel(' ', 'bob')).toEqual({ name: 'bob', username: null });
  });
});
