import { formatDmy, yearOf } from '../../../../../domain/dates';
import type { NonWorkingDay } from '../../../../../domain/calendar';

// The body's own non-working days as a list, every year at once: what the
// calendar shows a year at a time, and ranges with their names.
export function NonWorkingDayList({ days, onShowYear }: { days: readonly NonWorkingDay[]; onShowYear: (year: number) => void }) {
  if (days.length === 0) return <p className="muted">El órgano no tiene días inhábiles propios.</p>;
  return (
    <details className="non-working-list">
      <summary>Lista de días inhábiles del órgano ({days.length === 1 ? '1 registro' : `${days.length} registros`})</summary>
      <ul>
        {days.map((entry) => {
          const start = typeof entry === 'string' ? entry : entry.from;
          const text = typeof entry === 'string' ? formatDmy(entry) : `Del ${formatDmy(entry.from)} al ${formatDmy(entry.to)}${entry.name ? ` — ${entry.name}` : ''}`;
          return (
            <li key={typeof entry === 'string' ? entry : `${entry.from}-${entry.to}`}>
              {text}{' '}
              <button type="button" className="link-button" onClick={() => onShowYear(yearOf(start))} aria-label={`Ver ${yearOf(start)} en el calendario (${text})`}>
                ver {yearOf(start)}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
