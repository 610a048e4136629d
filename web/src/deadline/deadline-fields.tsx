import '../styles/ui-b.css';
import { formatDmy } from '../../../domain/dates';
import { Field } from '../ui/field';
import type { Milestone } from '../reference/queries';
import { boundsOf, DEADLINE_TYPES, periodLabel, PERIODS, TYPE_LABEL, type DeadlineDraft, type DeadlineType } from './draft';

const COUNTED: readonly DeadlineType[] = ['business_days', 'calendar_days', 'months'];

const TYPE_HINT: Record<DeadlineType, string> = {
  none: 'El acuerdo no tendrá fecha límite ni recordatorios.',
  date: 'Una fecha fija.',
  business_days: 'No cuentan sábados, domingos, días de descanso obligatorio ni los días inhábiles del órgano.',
  calendar_days: 'Cuentan todos los días; si el último no es hábil, vence el siguiente día hábil.',
  months: 'El mismo día, tantos meses después; si no es hábil, vence el siguiente día hábil.',
  period_end: 'El último día del trimestre, semestre o año.',
};

// The fields of a deadline rule (CONTRACT.md §3 names them): only those of the
// chosen type are shown; what was typed in the others stays in the draft.
export function DeadlineFields({
  draft,
  onChange,
  problemFor,
  milestones,
  adoptedOn,
}: {
  draft: DeadlineDraft;
  onChange: (draft: DeadlineDraft) => void;
  // The message for a field named as the API names it (`deadline.days`).
  problemFor: (field: string) => string | undefined;
  milestones: readonly Milestone[];
  // The session's date, when one is chosen: what "adopción" means here.
  adoptedOn: string | undefined;
}) {
  const set = (patch: Partial<DeadlineDraft>) => onChange({ ...draft, ...patch });
  const days = boundsOf(draft.type === 'calendar_days' ? 'calendar_days' : 'business_days', 'days');
  const months = boundsOf('months', 'months');
  const year = boundsOf('period_end', 'year');

  return (
    <div className="deadline-fields">
      <Field label="Tipo de plazo" hint={TYPE_HINT[draft.type]} error={problemFor('deadline.type')}>
        {(control) => (
          <select {...control} value={draft.type} onChange={(e) => set({ type: e.target.value as DeadlineType })}>
            {DEADLINE_TYPES.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABEL[type]}
              </option>
            ))}
          </select>
        )}
      </Field>

      {(draft.type === 'business_days' || draft.type === 'calendar_days') && (
        <Field label="Días" error={problemFor('deadline.days')}>
          {(control) => (
            <input {...control} className="input-short" type="number" inputMode="numeric" min={days.min} max={days.max} step={1} value={draft.days} onChange={(e) => set({ days: e.target.value })} />
          )}
        </Field>
      )}

      {draft.type === 'months' && (
        <Field label="Meses" error={problemFor('deadline.months')}>
          {(control) => (
            <input {...control} className="input-short" type="number" inputMode="numeric" min={months.min} max={months.max} step={1} value={draft.months} onChange={(e) => set({ months: e.target.value })} />
          )}
        </Field>
      )}

      {draft.type === 'date' && (
        <Field label="Fecha" error={problemFor('deadline.date')}>
          {(control) => <input {...control} className="input-date" type="date" min="1900-01-01" max="2200-12-31" value={draft.date} onChange={(e) => set({ date: e.target.value })} />}
        </Field>
      )}

      {draft.type === 'period_end' && (
        <div className="field-row">
          <Field label="Periodo" error={problemFor('deadline.period')}>
            {(control) => (
              <select {...control} value={draft.period} onChange={(e) => set({ period: e.target.value as DeadlineDraft['period'] })}>
                {PERIODS.map((period) => (
                  <option key={period} value={period}>
                    {periodLabel(period)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Año" error={problemFor('deadline.year')}>
            {(control) => (
              <input {...control} className="input-short" type="number" inputMode="numeric" min={year.min} max={year.max} step={1} value={draft.year} onChange={(e) => set({ year: e.target.value })} />
            )}
          </Field>
        </div>
      )}

      {COUNTED.includes(draft.type) && (
        <>
          <Field label="A partir de" hint="Desde cuándo se cuenta el plazo." error={draft.from === 'date' ? undefined : problemFor('deadline.from')}>
            {(control) => (
              <select {...control} value={draft.from} onChange={(e) => set({ from: e.target.value })}>
                <option value="adoption">{adoptedOn ? `La adopción (sesión del ${formatDmy(adoptedOn)})` : 'La adopción (fecha de la sesión)'}</option>
                <option value="date">Otra fecha…</option>
                {milestones.length > 0 && (
                  <optgroup label="Un hito">
                    {milestones.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name} {m.occurredOn ? `(ocurrió el ${formatDmy(m.occurredOn)})` : '(aún no ocurre)'}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            )}
          </Field>
          {draft.from === 'date' && (
            <Field label="Fecha de inicio del conteo" error={problemFor('deadline.from')}>
              {(control) => <input {...control} className="input-date" type="date" min="1900-01-01" max="2200-12-31" value={draft.fromDate} onChange={(e) => set({ fromDate: e.target.value })} />}
            </Field>
          )}
        </>
      )}
    </div>
  );
}
