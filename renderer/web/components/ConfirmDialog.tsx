/**
 * A confirmation as a real modal <dialog>: the page behind is inert, focus starts on Cancel (the
 * safe choice) and returns to the opener when it closes; Escape cancels.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { usePagesMessages } from '../../i18n/messages.js';

interface Props {
  readonly heading: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}

export function ConfirmDialog({ heading, confirmLabel, busy = false, onConfirm, onCancel, children }: Props) {
  const t = usePagesMessages();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <div className="card">
        <h2 id="confirm-heading">{heading}</h2>
        <div id="confirm-body">{children}</div>
        <div className="button-row">
          <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" ref={cancelRef} disabled={busy} onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
