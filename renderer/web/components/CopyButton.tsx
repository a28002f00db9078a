/** Copies text to the clipboard and says, politely, whether it worked. */
import { useState } from 'react';
import { pagesEn } from '../../../shared/messages/pages-en.js';
import { StatusText } from './Messages.js';

export function CopyButton({ id, text, label }: { readonly id: string; readonly text: string; readonly label: string }) {
  const [result, setResult] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult(pagesEn.copy.done);
    } catch {
      setResult(pagesEn.copy.failed);
    }
  };
  return (
    <>
      <button type="button" className="secondary compact" id={id} onClick={() => void copy()}>
        {label}
      </button>
      <StatusText id={`${id}-status`} text={result} />
    </>
  );
}
