import { useId, type ReactNode } from 'react';

// A labelled form control with its hint and its error (the API's message for
// that field), tied together for screen readers.
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true as const } : {}) })}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

// The result of a write, announced to screen readers: progress, success or the
// reason it failed.
export function WriteStatus({ pending, pendingText, success, error }: { pending: boolean; pendingText: string; success?: string | undefined; error?: string | undefined }) {
  return (
    <div className="write-status" role="status" aria-live="polite">
      {pending ? (
        <p className="status-pending">
          <span className="spinner" aria-hidden="true" /> {pendingText}
        </p>
      ) : error ? (
        <p className="status-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : success ? (
        <p className="status-ok">
          <span aria-hidden="true">✓ </span>
          {success}
        </p>
      ) : null}
    </div>
  );
}
