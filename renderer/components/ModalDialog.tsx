/**
 * A real modal <dialog> (showModal: the page behind is inert, focus stays inside), used by the
 * browser preview to stand in for Electron's modal code window. Escape counts as Cancel.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';

export function ModalDialog({ label, onCancel, children }: { readonly label: string; readonly onCancel: () => void; readonly children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect: the dialog is open before any child's effect runs, so the code view's own
  // focus call finds a visible input rather than one inside a closed dialog.
  useLayoutEffect(() => {
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
