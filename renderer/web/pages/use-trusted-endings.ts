/**
 * Ending trusted computers from a list (the person's settings, or one user's in administration): which
 * ending awaits confirmation, the DELETE itself, the report, and focus back on the list's heading once it
 * has reloaded, so the person is where the list is.
 */
import { useRef, useState } from 'react';
import type { TrustedComputer } from '../../../shared/api/schemas.js';
import { useLanguage } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api } from '../api/web-api.js';
import type { Report } from '../components/Messages.js';

export type PendingEnding = { readonly kind: 'remove'; readonly computer: TrustedComputer } | { readonly kind: 'forgetAll' } | null;

export function useTrustedEndings(report: Report, reload: () => Promise<unknown>) {
  const language = useLanguage();
  const [pending, setPending] = useState<PendingEnding>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  /** DELETE `path`; `done` is said when it worked. */
  const end = async (path: string, done: string): Promise<void> => {
    setBusy(true);
    const result = await api('DELETE', path);
    report(result.ok ? done : null, result.ok ? null : problemText(result.failure, language));
    setBusy(false);
    setPending(null);
    // The dialog closes while the list reloads; then focus goes where the list is.
    await reload();
    headingRef.current?.focus();
  };

  return { pending, setPending, busy, headingRef, end } as const;
}
