import { useId } from 'react';
import type { BusinessCalendar } from '../../../domain/calendar';
import { compareDates, formatDmy } from '../../../domain/dates';
import { evaluateDeadline, milestoneOf, type DueDate } from '../../../domain/deadline';
import type { DraftResult } from './draft';

const WEEKDAY = new Intl.DateTimeFormat('es-MX', { weekday: 'long', timeZone: 'UTC' });

export interface PreviewContext {
  calendar: BusinessCalendar | undefined;
  // The session's date; undefined while none is chosen.
  adoptedOn: string | undefined;
  milestoneDates: Readonly<Record<string, string | undefined>>;
  // Today in the body's zone.
  today: string | undefined;
}

type Preview = { kind: 'waiting'; message: string } | { kind: 'computed'; due: DueDate };

// What the server will compute, computed here with the same rules
// (domain/deadline.ts) and the body's calendar: nothing to trust but the code.
function previewOf(result: DraftResult, ctx: PreviewContext): Preview {
  const [problem] = result.problems;
  if (!result.rule) return { kind: 'waiting', message: problem?.message ?? 'Complete el plazo.' };
  if (!ctx.calendar) return { kind: 'waiting', message: 'Cargando el calendario del órgano…' };
  if ('from' in result.rule && result.rule.from === 'adoption' && !ctx.adoptedOn) return { kind: 'waiting', message: 'Elija la sesión: el plazo se cuenta desde su fecha.' };
  // Without a session only a rule that does not count from it gets here, and it never reads adoptedOn.
  const due = evaluateDeadline(result.rule, { adoptedOn: ctx.adoptedOn ?? '1900-01-01', calendar: ctx.calendar, milestoneDates: ctx.milestoneDates });
  return { kind: 'computed', due };
}

// The region "Fecha límite calculada" (CONTRACT.md §3): the due date and how it
// was reached, updated as the deadline is typed.
export function DeadlinePreview({ result, context }: { result: DraftResult; context: PreviewContext }) {
  const headingId = useId();
  const preview = previewOf(result, context);
  const dueDate = preview.kind === 'computed' ? preview.due.dueDate : null;
  const past = dueDate !== null && context.today !== undefined && compareDates(dueDate, context.today) < 0;
  const awaitsMilestone = preview.kind === 'computed' && dueDate === null && result.rule !== undefined && milestoneOf(result.rule) !== undefined;

  return (
    <section className="deadline-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Fecha límite calculada</h3>
      <div aria-live="polite">
        {preview.kind === 'waiting' ? (
          <p className="muted">{preview.message}</p>
        ) : (
          <>
            <p className="deadline-due">
              {dueDate ? (
                <>
                  <strong>{formatDmy(dueDate)}</strong> <span className="muted">({WEEKDAY.format(new Date(`${dueDate}T00:00:00Z`))})</span>
                </>
              ) : (
                <strong>{awaitsMilestone ? 'Sin fecha hasta que ocurra el hito' : 'Sin fecha límite'}</strong>
              )}
            </p>
            <p className="deadline-explanation">{preview.due.explanation}</p>
            {past && context.today && (
              <p className="notice">
                <span aria-hidden="true">⚠ </span>Esta fecha ya pasó (hoy es {formatDmy(context.today)}): el acuerdo quedará vencido, en rojo.
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
