import { z } from 'zod';
import { Text } from './text.js';
import { addDays, compareDates, dayOfWeek, isValidLocalDate, LocalDate, toDayNumber, fromDayNumber, yearOf } from './dates.js';
import { lawRestDay, restDaysOfYear } from './rest-days.js';

// Extra days a body publishes as non-working (vacation periods and the like):
// single dates or inclusive ranges, optionally named.
// zod runs an object's refinements even when a field already failed, so they
// compare only real dates (an empty string would make toDayNumber throw).
const realRange = (r: { from: string; to: string }) => isValidLocalDate(r.from) && isValidLocalDate(r.to);
export const NonWorkingDay = z.union([
  LocalDate,
  z
    .strictObject({ from: LocalDate, to: LocalDate, name: Text(200).optional() })
    .refine((r) => !realRange(r) || compareDates(r.from, r.to) <= 0, { message: 'El rango termina antes de empezar.', path: ['to'] })
    .refine((r) => !realRange(r) || toDayNumber(r.to) - toDayNumber(r.from) <= 366, { message: 'Un rango abarca a lo más un año.', path: ['to'] }),
]);
export type NonWorkingDay = z.infer<typeof NonWorkingDay>;

export interface BusinessCalendar {
  isBusinessDay(date: LocalDate): boolean;
  // Why a weekday is not a business day, e.g. "Día del Trabajo"; undefined otherwise.
  restDayName(date: LocalDate): string | undefined;
  // How many weekdays in [from, to] are not business days.
  restWeekdaysBetween(from: LocalDate, to: LocalDate): number;
}

const BODY_DAY_NAME = 'día inhábil del órgano';

const isWeekday = (date: LocalDate) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;

// The law's rest days of a year that fall on weekdays; the same for every body.
const lawRestWeekdaysByYear = new Map<number, LocalDate[]>();
function lawRestWeekdays(year: number): LocalDate[] {
  let days = lawRestWeekdaysByYear.get(year);
  if (!days) {
    days = restDaysOfYear(year)
      .map((d) => d.date)
      .filter(isWeekday);
    lawRestWeekdaysByYear.set(year, days);
  }
  return days;
}

export function businessCalendar(nonWorkingDays: readonly NonWorkingDay[] = []): BusinessCalendar {
  const bodyDays = new Map<LocalDate, string>();
  for (const entry of nonWorkingDays) {
    if (typeof entry === 'string') {
      bodyDays.set(entry, BODY_DAY_NAME);
      continue;
    }
    for (let n = toDayNumber(entry.from); n <= toDayNumber(entry.to); n += 1) {
      bodyDays.set(fromDayNumber(n), entry.name ?? BODY_DAY_NAME);
    }
  }
  const restDayName = (date: LocalDate) => lawRestDay(date)?.name ?? bodyDays.get(date);
  // The body's own rest weekdays that the law does not already rest, as sorted day numbers.
  const bodyWeekdays = [...bodyDays.keys()]
    .filter((date) => isWeekday(date) && lawRestDay(date) === undefined)
    .map(toDayNumber)
    .sort((a, b) => a - b);
  return {
    restDayName,
    restWeekdaysBetween(from, to) {
      if (compareDates(from, to) > 0) return 0;
      let count = 0;
      for (let year = yearOf(from); year <= yearOf(to); year += 1) {
        count += lawRestWeekdays(year).filter((date) => compareDates(date, from) >= 0 && compareDates(date, to) <= 0).length;
      }
      return count + firstIndexAbove(bodyWeekdays, toDayNumber(to)) - firstIndexAbove(bodyWeekdays, toDayNumber(from) - 1);
    },
    isBusinessDay(date) {
      const weekday = dayOfWeek(date);
      return weekday !== 0 && weekday !== 6 && restDayName(date) === undefined;
    },
  };
}

// A count of business days is a whole number ≥ 0; anything else is a caller's bug.
function requireCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`número de días hábiles inválido: ${n}`);
}

// The n-th business day strictly after `date` (n ≥ 1); n = 0 is `date` itself.
export function addBusinessDays(calendar: BusinessCalendar, date: LocalDate, n: number): LocalDate {
  requireCount(n);
  let current = date;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (calendar.isBusinessDay(current)) counted += 1;
  }
  return current;
}

// The n-th business day strictly before `date` (n ≥ 1).
export function subtractBusinessDays(calendar: BusinessCalendar, date: LocalDate, n: number): LocalDate {
  requireCount(n);
  let current = date;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, -1);
    if (calendar.isBusinessDay(current)) counted += 1;
  }
  return current;
}

// Index of the first element greater than `value` in an ascending list.
function firstIndexAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? Infinity) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Weekdays among the day numbers before n (day 0, 1970-01-01, was a Thursday),
// counted from day 0 and negative before it: differences count any interval.
const WEEKDAYS_IN_FIRST = [0, 1, 2, 2, 2, 3, 4, 5];
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return 5 * weeks + (WEEKDAYS_IN_FIRST[n - 7 * weeks] ?? 0);
}

// Business days in the interval (from, to]; 0 when to ≤ from. Counted, not
// walked: days overdue are counted for every agreement of a dashboard, and an
// agreement years overdue would otherwise cost a walk over each of its days.
export function countBusinessDays(calendar: BusinessCalendar, from: LocalDate, to: LocalDate): number {
  if (compareDates(to, from) <= 0) return 0;
  const weekdays = weekdaysBefore(toDayNumber(to) + 1) - weekdaysBefore(toDayNumber(from) + 1);
  return weekdays - calendar.restWeekdaysBetween(addDays(from, 1), to);
}

export function nextBusinessDayOnOrAfter(calendar: BusinessCalendar, date: LocalDate): LocalDate {
  let current = date;
  while (!calendar.isBusinessDay(current)) current = addDays(current, 1);
  return current;
}

// Weekdays between two dates (inclusive) that are not business days, with why:
// what a deadline explanation lists as "no cuentan".
export function excludedWeekdays(calendar: BusinessCalendar, from: LocalDate, to: LocalDate): { date: LocalDate; name: string }[] {
  const excluded = [];
  for (let current = from; compareDates(current, to) <= 0; current = addDays(current, 1)) {
    const weekday = dayOfWeek(current);
    const name = calendar.restDayName(current);
    if (weekday !== 0 && weekday !== 6 && name) excluded.push({ date: current, name });
  }
  return excluded;
}
