import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { longSpanishDate } from '../../../../../domain/annex';
import { businessCalendar, countBusinessDays, type NonWorkingDay } from '../../../../../domain/calendar';
import { addDays, addMonthsClamped, compareDates, dayOfWeek, daysInMonth, makeDate, type LocalDate } from '../../../../../domain/dates';
import { lawRestDay } from '../../../../../domain/rest-days';

type DayKind = 'business' | 'body' | 'law' | 'weekend';

const MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
// Monday first, as calendars are printed in Mexico.
const WEEKDAYS = [
  ['Lu', 'lunes'],
  ['Ma', 'martes'],
  ['Mi', 'miércoles'],
  ['Ju', 'jueves'],
  ['Vi', 'viernes'],
  ['Sá', 'sábado'],
  ['Do', 'domingo'],
] as const;
const mondayFirst = (date: LocalDate) => (dayOfWeek(date) + 6) % 7;

// Arrow keys move a day or a week, Page Up/Down a month, Home/End to the
// week's ends: one tab stop for the whole year, as in a date picker.
function moved(date: LocalDate, key: string): LocalDate | undefined {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'PageUp':
      return addMonthsClamped(date, -1);
    case 'PageDown':
      return addMonthsClamped(date, 1);
    case 'Home':
      return addDays(date, -mondayFirst(date));
    case 'End':
      return addDays(date, 6 - mondayFirst(date));
    default:
      return undefined;
  }
}

// The name of the period a body's non-working day belongs to, if it has one.
function rangeName(days: readonly NonWorkingDay[], date: LocalDate): string | undefined {
  for (const entry of days) {
    if (typeof entry !== 'string' && entry.name && compareDates(entry.from, date) <= 0 && compareDates(date, entry.to) <= 0) return entry.name;
  }
  return undefined;
}

export const DAY_KIND_LABEL: Record<DayKind, string> = {
  business: 'Día hábil',
  body: 'Inhábil del órgano',
  law: 'Descanso obligatorio por ley',
  weekend: 'Sábado o domingo',
};

// The year of a body as its deadlines count it: every day a button, the
// weekdays toggling between hábil and inhábil for the body; the law's rest
// days and weekends are shown but fixed.
export function YearCalendar({ year, nonWorkingDays, onToggle, describedBy }: { year: number; nonWorkingDays: readonly NonWorkingDay[]; onToggle: (date: LocalDate) => void; describedBy?: string }) {
  const calendar = useMemo(() => businessCalendar(nonWorkingDays), [nonWorkingDays]);
  const first = makeDate(year, 1, 1);
  const last = makeDate(year, 12, 31);
  const [active, setActive] = useState<LocalDate>(first);
  const focusMoved = useRef(false);
  const grid = useRef<HTMLDivElement>(null);
  const inYear = compareDates(active, first) >= 0 && compareDates(active, last) <= 0;
  const current = inYear ? active : first;

  useEffect(() => {
    if (!focusMoved.current) return;
    focusMoved.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${current}"]`)?.focus();
  }, [current]);

  const kindOf = (date: LocalDate): DayKind => {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return 'weekend';
    if (lawRestDay(date)) return 'law';
    return calendar.isBusinessDay(date) ? 'business' : 'body';
  };
  const nameOf = (date: LocalDate, kind: DayKind): string => {
    const day = `${WEEKDAYS[mondayFirst(date)]?.[1] ?? ''} ${longSpanishDate(date)}`;
    switch (kind) {
      case 'business':
        return `${day}: hábil`;
      case 'weekend':
        return `${day}: inhábil (fin de semana)`;
      case 'law':
        return `${day}: inhábil, ${lawRestDay(date)?.name ?? ''} (descanso obligatorio por ley, no se puede cambiar)`;
      case 'body': {
        const period = rangeName(nonWorkingDays, date);
        return `${day}: inhábil del órgano${period ? ` (${period})` : ''}`;
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, date: LocalDate) => {
    const next = moved(date, event.key);
    if (!next) return;
    event.preventDefault();
    const clamped = compareDates(next, first) < 0 ? first : compareDates(next, last) > 0 ? last : next;
    focusMoved.current = true;
    setActive(clamped);
  };

  const businessDays = countBusinessDays(calendar, addDays(first, -1), last);
  let bodyDays = 0;
  for (let date = first; compareDates(date, last) <= 0; date = addDays(date, 1)) if (kindOf(date) === 'body') bodyDays += 1;

  return (
    <div className="year-calendar">
      <p className="year-summary" aria-live="polite">
        <strong>{businessDays} días hábiles</strong> en {year} · {bodyDays === 1 ? '1 día inhábil propio del órgano' : `${bodyDays} días inhábiles propios del órgano`}
      </p>
      <ul className="calendar-legend" aria-label="Leyenda del calendario">
        {(Object.keys(DAY_KIND_LABEL) as DayKind[]).map((kind) => (
          <li key={kind}>
            <span className={`day day-${kind} legend-swatch`} aria-hidden="true">
              {kind === 'business' ? '8' : kind === 'weekend' ? '9' : '1'}
            </span>
            {DAY_KIND_LABEL[kind]}
          </li>
        ))}
      </ul>
      <div className="months" ref={grid} role="group" aria-label={`Calendario ${year}`} {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
        {MONTH_NAMES.map((monthName, index) => {
          const month = index + 1;
          const start = makeDate(year, month, 1);
          const cells: (LocalDate | null)[] = [...Array<null>(mondayFirst(start)).fill(null)];
          for (let day = 1; day <= daysInMonth(year, month); day += 1) cells.push(makeDate(year, month, day));
          while (cells.length % 7 !== 0) cells.push(null);
          const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
          return (
            <table key={monthName} className="month">
              <caption>
                {monthName} {year}
              </caption>
              <thead>
                <tr>
                  {WEEKDAYS.map(([short, long]) => (
                    <th key={short} scope="col">
                      <abbr title={long}>{short}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week.find((d) => d !== null) ?? ''}>
                    {week.map((date, i) =>
                      date === null ? (
                        <td key={`vacío-${i}`} />
                      ) : (
                        <td key={date}>
                          <DayButton
                            date={date}
                            kind={kindOf(date)}
                            name={nameOf(date, kindOf(date))}
                            focusable={date === current}
                            onToggle={onToggle}
                            onKeyDown={onKeyDown}
                            onFocus={() => setActive(date)}
                          />
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </div>
  );
}

function DayButton({
  date,
  kind,
  name,
  focusable,
  onToggle,
  onKeyDown,
  onFocus,
}: {
  date: LocalDate;
  kind: DayKind;
  name: string;
  focusable: boolean;
  onToggle: (date: LocalDate) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, date: LocalDate) => void;
  onFocus: () => void;
}) {
  // Fixed days stay focusable (aria-disabled, not disabled) so the arrow keys
  // walk through them and a screen reader hears why they cannot change.
  const fixed = kind === 'law' || kind === 'weekend';
  return (
    <button
      type="button"
      className={`day day-${kind}`}
      data-date={date}
      aria-label={name}
      title={name}
      aria-disabled={fixed || undefined}
      tabIndex={focusable ? 0 : -1}
      onClick={() => {
        if (!fixed) onToggle(date);
      }}
      onKeyDown={(event) => onKeyDown(event, date)}
      onFocus={onFocus}
    >
      {Number(date.slice(8))}
    </button>
  );
}
