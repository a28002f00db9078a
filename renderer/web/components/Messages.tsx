/**
 * Page messages for screen readers too: errors as alerts (announced when they appear), news as
 * polite status. The live regions stay mounted so that a changed text is announced every time.
 */

/** How a part of a page tells the page's status line what happened: news, or an error (the other null). */
export type Report = (news: string | null, error: string | null) => void;
export function ErrorText({ id, text }: { readonly id: string; readonly text: string | null }) {
  return (
    <div id={id} role="alert" className={text === null ? 'live-empty' : 'problem'}>
      {text !== null && <p>{text}</p>}
    </div>
  );
}

export function StatusText({ id, text }: { readonly id: string; readonly text: string | null }) {
  return (
    <div id={id} role="status" className={text === null ? 'live-empty' : 'status-note'}>
      {text !== null && <p>{text}</p>}
    </div>
  );
}
