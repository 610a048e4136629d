import { useState } from 'react';
import type { NonWorkingDay } from '../../../../../domain/calendar';
import { compareDates, formatDmy, isValidLocalDate, yearOf } from '../../../../../domain/dates';
import { withEntry } from '../../../../../domain/non-working-days';
import { Field } from '../../../ui/field';

const textOf = (entry: NonWorkingDay) => (typeof entry === 'string' ? formatDmy(entry) : `Del ${formatDmy(entry.from)} al ${formatDmy(entry.to)}${entry.name ? ` — ${entry.name}` : ''}`);
const startOf = (entry: NonWorkingDay) => (typeof entry === 'string' ? entry : entry.from);

// The body's own non-working days as a list, every year at once (the calendar
// shows one), each removable; and a whole period added at once, named, instead
// of a click per day.
export function NonWorkingDayList({ days, onChange, onShowYear }: { days: readonly NonWorkingDay[]; onChange: (days: NonWorkingDay[]) => void; onShowYear: (year: number) => void }) {
  return (
    <>
      <PeriodForm onAdd={(period) => onChange(withEntry(days, period))} />
      {days.length === 0 ? (
        <p className="muted">El órgano no tiene días inhábiles propios.</p>
      ) : (
        <details className="non-working-list">
          <summary>Lista de días inhábiles del órgano ({days.length === 1 ? '1 registro' : `${days.length} registros`})</summary>
          <ul>
            {days.map((entry, index) => {
              const text = textOf(entry);
              const year = yearOf(startOf(entry));
              return (
                <li key={typeof entry === 'string' ? entry : `${entry.from}-${entry.to}`}>
                  {text}{' '}
                  <button type="button" className="link-button" onClick={() => onShowYear(year)} aria-label={`Ver ${year} en el calendario (${text})`}>
                    ver {year}
                  </button>{' '}
                  ·{' '}
                  <button type="button" className="link-button" onClick={() => onChange(days.filter((_, i) => i !== index))} aria-label={`Quitar ${text}`}>
                    quitar
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </>
  );
}

function PeriodForm({ onAdd }: { onAdd: (period: NonWorkingDay) => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  // Part of the settings form: it adds to the draft, and the draft is saved with the rest.
  const add = () => {
    const found: { from?: string; to?: string } = {};
    if (!isValidLocalDate(from)) found.from = 'Indique el primer día del periodo.';
    if (!isValidLocalDate(to)) found.to = 'Indique el último día del periodo.';
    else if (isValidLocalDate(from) && compareDates(to, from) < 0) found.to = 'El último día es anterior al primero.';
    setErrors(found);
    if (found.from || found.to) return;
    onAdd(name.trim() ? { from, to, name: name.trim() } : { from, to });
    setFrom('');
    setTo('');
    setName('');
  };
  return (
    <fieldset className="period-form">
      <legend className="fieldset-legend">Agregar un periodo inhábil</legend>
      <div className="field-row">
        <Field label="Desde" error={errors.from}>
          {(control) => <input {...control} className="input-date" type="date" min="1900-01-01" max="2200-12-31" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="Hasta" error={errors.to}>
          {(control) => <input {...control} className="input-date" type="date" min="1900-01-01" max="2200-12-31" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <Field label="Nombre del periodo (opcional)" hint="P. ej.: Vacaciones de verano.">
          {(control) => <input {...control} type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <button type="button" className="button" onClick={add}>
        Agregar periodo
      </button>
    </fieldset>
  );
}
