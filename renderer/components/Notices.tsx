import type { Notice } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';

export function Notices({ notices, onDismiss }: { readonly notices: readonly Notice[]; readonly onDismiss: (notice: Notice) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div className="notice" role="status" key={notice}>
          <p>{en.notices[notice]}</p>
          <button type="button" className="link" onClick={() => onDismiss(notice)}>
            {en.notices.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}
