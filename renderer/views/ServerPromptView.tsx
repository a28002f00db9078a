/** First start: asks for the server address when neither policy nor settings give one. */
import { useRef, useState, type FormEvent } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { useFocusWhen } from '../app/use-focus-when.js';
import { ProblemMessage, problemKey } from '../components/ProblemMessage.js';
import { useMessages } from '../i18n/messages.js';

type Props = { readonly view: Extract<FlowView, { kind: 'serverPrompt' }>; readonly send: (intent: Intent) => void };

export function ServerPromptView({ view, send }: Props) {
  const t = useMessages();
  const [address, setAddress] = useState(view.address);
  const [sent, setSent] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // After every answer the address is the field to fix.
  useFocusWhen(view.busy ? null : 'address', () => inputRef.current?.focus());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent((n) => n + 1);
    send({ type: 'setServer', address: address.slice(0, 2048) });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="server-heading" aria-busy={view.busy} noValidate>
      <h1 id="server-heading" data-testid="server-heading">{t.serverPrompt.heading}</h1>
      <p className="muted">{t.serverPrompt.intro}</p>
      <label htmlFor="server-address">{t.serverPrompt.label}</label>
      <input
        id="server-address"
        data-testid="server-address"
        ref={inputRef}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder={t.serverPrompt.placeholder}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        readOnly={view.busy}
        aria-invalid={view.problem !== null || undefined}
        aria-describedby={view.problem === null ? undefined : 'server-problem'}
        data-primary-focus
      />
      {view.problem !== null && <ProblemMessage key={problemKey(view.problem, sent)} problem={view.problem} id="server-problem" />}
      <button type="submit" className="primary" disabled={view.busy} data-testid="server-continue">
        {view.busy ? t.serverPrompt.busy : t.serverPrompt.submit}
      </button>
    </form>
  );
}
