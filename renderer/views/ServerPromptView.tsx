/** First start: asks for the server address when neither policy nor settings give one. */
import { useState, type FormEvent } from 'react';
import type { Intent } from '../../shared/ipc/intents.js';
import type { FlowView } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';
import { ProblemMessage, problemKey } from '../components/ProblemMessage.js';

type Props = { readonly view: Extract<FlowView, { kind: 'serverPrompt' }>; readonly send: (intent: Intent) => void };

export function ServerPromptView({ view, send }: Props) {
  const [address, setAddress] = useState(view.address);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send({ type: 'setServer', address: address.slice(0, 2048) });
  };
  return (
    <form className="card" onSubmit={submit} aria-busy={view.busy} noValidate>
      <h1>{en.serverPrompt.heading}</h1>
      <p className="muted">{en.serverPrompt.intro}</p>
      <label htmlFor="server-address">{en.serverPrompt.label}</label>
      <input
        id="server-address"
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder={en.serverPrompt.placeholder}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        readOnly={view.busy}
        autoFocus
        aria-invalid={view.problem !== null || undefined}
        aria-describedby={view.problem === null ? undefined : 'server-problem'}
      />
      {view.problem !== null && <ProblemMessage key={problemKey(view.problem)} problem={view.problem} now={Date.now()} id="server-problem" />}
      <button type="submit" className="primary" disabled={view.busy}>
        {view.busy ? en.serverPrompt.busy : en.serverPrompt.submit}
      </button>
    </form>
  );
}
