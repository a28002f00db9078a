import type { ServerView } from '../../shared/ipc/view.js';
import { useMessages } from '../i18n/messages.js';

/** Which server the person signs in to: its name from /info and its address. */
export function ServerLine({ server }: { readonly server: ServerView }) {
  const t = useMessages();
  return (
    <p className="server-line">
      <span className="server-name">{server.name ?? t.signIn.serverUnknownName}</span>
      <span className="server-url">{server.url}</span>
    </p>
  );
}
