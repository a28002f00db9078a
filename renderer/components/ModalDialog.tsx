/**
 * A real modal <dialog> (showModal: the page behind is inert, focus stays inside), used by the
 * browser preview to stand in for Electron's modal code window, and for "About Stepgate".
 * Escape counts as Cancel. It opens in a layout effect, in the same task as the render that
 * mounts it, so focus is inside before anything is painted or typed; opening moves focus to the
 * first control in it.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  readonly label?: string;
  readonly labelledBy?: string;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}

export function ModalDialog({ label, labelledBy, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
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
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
