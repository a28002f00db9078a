import { describe, expect, it } from 'vitest';
import { parseSignInNote } from '../../../../../renderer/web/pages/sign-in-note.js';

describe('parseSignInNote', () => {
  it('reads the notes the sign-in leaves', () => {
    const expiresAt = '2026-12-24T10:00:00.000Z';
    expect(parseSignInNote(JSON.stringify({ kind: 'trusted', expiresAt }))).toEqual({ kind: 'trusted', expiresAt });
    expect(parseSignInNote(JSON.stringify({ kind: 'codeSkipped', expiresAt, extra: 1 }))).toEqual({ kind: 'codeSkipped', expiresAt });
  });

  it('gives nothing for what is not one of them', () => {
    for (const text of [null, '', 'not json', 'null', '[]', '{"kind":"trusted"}', '{"kind":"other","expiresAt":"2026-12-24T10:00:00Z"}', '{"kind":"trusted","expiresAt":"soon"}']) {
      expect(parseSignInNote(text), String(text)).toBeNull();
    }
  });
});
