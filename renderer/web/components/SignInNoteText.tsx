/**
 * The first page after a sign-in says what the sign-in did with this computer (trusted it just
 * now, or let it in without a code because it is trusted), on screen and to screen readers, once.
 */
import { useEffect, useState } from 'react';
import type { PagesMessages } from '../../../shared/messages/pages-en.js';
import { assertNever } from '../../../shared/util/assert-never.js';
import { useAnnounce } from '../../components/Announcer.js';
import { useMessages, usePagesMessages } from '../../i18n/messages.js';
import { clearSignInNote, readSignInNote, type SignInNote } from '../pages/sign-in-note.js';

function sentence(t: PagesMessages['trust'], note: SignInNote, until: string): string {
  switch (note.kind) {
    case 'trusted':
      return t.trusted(until);
    case 'codeSkipped':
      return t.codeSkipped(until);
    default:
      return assertNever(note.kind);
  }
}

export function SignInNoteText() {
  const t = usePagesMessages().trust;
  const time = useMessages().time;
  const announce = useAnnounce();
  const [note] = useState(readSignInNote);
  const text = note === null ? null : sentence(t, note, time(Date.parse(note.expiresAt)));
  useEffect(() => {
    if (text === null) return;
    clearSignInNote();
    announce(text);
  }, [text, announce]);
  return text === null ? null : <p className="status-note">{text}</p>;
}
