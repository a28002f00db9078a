import type { Notice } from '../../shared/ipc/view.js';
import { useMessages } from '../i18n/messages.js';

/** Notices above the view until dismissed; dismissing one hands focus to the view's main field. */
export function Notices({ notices, onDismiss }: { readonly notices: readonly Notice[]; readonly onDismiss: (notice: Notice) => void }) {
  const t = useMessages();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div className="notice" role="status" key={notice}>
          <p>{t.notices[notice]}</p>
          <button
            type="button"
            className="link"
            onClick={() => {
              onDismiss(notice);
              document.querySelector<HTMLElement>('[data-primary-focus]')?.focus();
            }}
          >
            {t.notices.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}
