/**
 * One polite live region per window, mounted before anything is said in it (a region that appears
 * together with its text is not reliably read). Views say what happened through `useAnnounce`;
 * problems that need attention at once use their own role="alert" instead.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Announce = (text: string) => void;
const AnnounceContext = createContext<Announce>(() => undefined);

export function AnnouncerProvider({ children }: { readonly children: ReactNode }) {
  const [said, setSaid] = useState({ text: '', count: 0 });
  const announce = useCallback<Announce>((text) => setSaid((last) => ({ text, count: last.count + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
        {/* The same sentence twice in a row still changes the region, so it is read again. */}
        {said.text === '' ? '' : `${said.text}${said.count % 2 === 0 ? '\u00a0' : ''}`}
      </div>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = (): Announce => useContext(AnnounceContext);
