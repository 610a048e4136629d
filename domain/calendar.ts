import { z } from 'zod';
import { addDays, compareDates, dayOfWeek, LocalDate, toDayNumber, fromDayNumber } from './dates.js';
import { lawRestDay } from './rest-days.js';

// Extra days a body publishes as non-working (vacation periods and the like):
// single dates or inclusive ranges, optionally named.
export const NonWorkingDay = z.union([
  LocalDate,
  z
    .strictObject({ from: LocalDate, to: LocalDate, name: z.string().trim().min(1).max(200).optional() })
    .refine((r) => compareDates(r.from, r.to) <= 0, { message: 'El rango termina antes de empezar.', path: ['to'] })
    .refine((r) => toDayNumber(r.to) - toDayNumber(r.from) <= 366, { message: 'Un rango abarca a lo más un año.', path: ['to'] }),
]);
export type NonWorkingDay = z.infer<typeof NonWorkingDay>;

export interface BusinessCalendar {
  isBusinessDay(date: LocalDate): boolean;
  // Why a weekday is not a business day, e.g. "Día del Trabajo"; undefined otherwise.
  restDayName(date: LocalDate): string | undefined;
}

const BODY_DAY_NAME = 'día inhábil del órgano';

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
  return {
    restDayName,
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

// Business days in the interval (from, to]; 0 when to ≤ from.
export function countBusinessDays(calendar: BusinessCalendar, from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let current = addDays(from, 1); compareDates(current, to) <= 0; current = addDays(current, 1)) {
    if (calendar.isBusinessDay(current)) count += 1;
  }
  return count;
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
