import type { ServerView } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';

/** Which server the person signs in to: its name from /info and its address. */
export function ServerLine({ server }: { readonly server: ServerView }) {
  return (
    <p className="server-line">
      <span className="server-name">{server.name ?? en.signIn.serverUnknownName}</span>
      <span className="server-url">{server.url}</span>
    </p>
  );
}
