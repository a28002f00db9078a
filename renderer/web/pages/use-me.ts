/** The signed-in person as GET /me tells it; an ended session sends them to sign in and back. */
import { useCallback, useEffect, useState } from 'react';
import type { MeResponse } from '../../../shared/api/schemas.js';
import { signInUrl } from '../../../shared/pages/page-paths.js';
import { useLanguage } from '../../i18n/messages.js';
import { problemText } from '../api/problem-text.js';
import { api, isCode } from '../api/web-api.js';

export type MeState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly me: MeResponse } | { readonly kind: 'failed'; readonly text: string };

export function useMe(): readonly [MeState, () => Promise<void>] {
  const [state, setState] = useState<MeState>({ kind: 'loading' });
  const language = useLanguage();
  const reload = useCallback(async () => {
    const result = await api<MeResponse>('GET', '/me');
    if (result.ok) setState({ kind: 'ready', me: result.value });
    else if (isCode(result.failure, 'unauthorized')) window.location.assign(signInUrl(window.location.pathname, true));
    else setState({ kind: 'failed', text: problemText(result.failure, language) });
  }, [language]);
  useEffect(() => void reload(), [reload]);
  return [state, reload] as const;
}
