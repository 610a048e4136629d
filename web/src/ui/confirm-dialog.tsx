import { useEffect, useId, useRef, type ReactNode } from 'react';
import { WriteStatus } from './field';

// A question before an act that cannot be undone (disable a user, revoke a
// token): a modal dialog that says what will happen, with the safe choice
// focused first. Escape or "Volver" closes it without doing anything.
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingText,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingText: string;
  pending: boolean;
  error: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    back.current?.focus();
    return () => element.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className="button" ref={back} onClick={onCancel}>
          Volver sin cambiar nada
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
      </div>
      <WriteStatus pending={pending} pendingText={pendingText} error={error} />
    </dialog>
  );
}
