/**
 * A real modal <dialog> (showModal: the page behind is inert, focus stays inside), used by the
 * browser preview to stand in for Electron's modal code window. Escape counts as Cancel.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function ModalDialog({ label, onCancel, children }: { readonly label: string; readonly onCancel: () => void; readonly children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
