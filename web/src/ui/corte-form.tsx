import { useState, type FormEvent } from 'react';
import { isValidLocalDate } from '../../../domain/dates';

// "Corte al": the day a screen's figures are read as of, applied with a button
// (a half-typed date triggers no request). Empty means today. Each screen says
// in its hint what the day changes and names its buttons.
export function CorteForm({
  corte,
  onApply,
  idPrefix,
  className,
  hint,
  applyLabel,
  todayLabel,
}: {
  corte: string | undefined;
  onApply: (corte: string | undefined) => void;
  idPrefix: string;
  className: string;
  hint: string;
  applyLabel: string;
  todayLabel: string;
}) {
  const [draft, setDraft] = useState(corte ?? '');
  const [error, setError] = useState<string>();
  const id = `${idPrefix}-corte`;

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draft !== '' && !isValidLocalDate(draft)) {
      setError('Escriba una fecha válida (dd/mm/aaaa) o deje el campo vacío para hoy.');
      return;
    }
    setError(undefined);
    onApply(draft || undefined);
  }

  return (
    <form className={`${className} no-print`} onSubmit={apply} noValidate aria-label="Día de corte">
      <div className="field">
        <label htmlFor={id}>Corte al</label>
        <input id={id} type="date" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined} />
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {applyLabel}
        </button>
        {corte && (
          <button type="button" className="button" onClick={() => onApply(undefined)}>
            {todayLabel}
          </button>
        )}
      </div>
    </form>
  );
}
