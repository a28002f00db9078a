/** Copies text to the clipboard and says, politely, whether it worked. */
import { useState } from 'react';
import { usePagesMessages } from '../../i18n/messages.js';
import { StatusText } from './Messages.js';

export function CopyButton({ id, text, label }: { readonly id: string; readonly text: string; readonly label: string }) {
  const t = usePagesMessages();
  const [result, setResult] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult(t.copy.done);
    } catch {
      setResult(t.copy.failed);
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
