import { z } from 'zod';

// A calendar date 'YYYY-MM-DD' with no time and no zone. All arithmetic is on
// day numbers (days since 1970-01-01), never on local time, so it is the same
// on every machine and inside Temporal's sandbox.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: LocalDate): [number, number, number] {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`fecha inválida: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// What isValidLocalDate accepts, as the OpenAPI document declares it: the
// pattern bounds the year, month and day; `format: date` rules out days a
// month lacks. A client generated from the document refuses what we refuse.
const LOCAL_DATE_PATTERN = '^(19\\d{2}|2[01]\\d{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

export const LocalDate = z
  .string()
  .refine(isValidLocalDate, { message: 'Fecha inválida: use AAAA-MM-DD con un día que exista (1900–2200).' })
  .meta({ format: 'date', pattern: LOCAL_DATE_PATTERN });
export type LocalDate = z.infer<typeof LocalDate>;

export function makeDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Date.UTC reads years 0–99 as 1900–1999; this one takes every year as written.
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, 0);
  return instant.getTime();
}

export function toDayNumber(date: LocalDate): number {
  const [y, m, d] = parts(date);
  return utcMs(y, m, d) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// 0 = Sunday … 6 = Saturday.
export function dayOfWeek(date: LocalDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: LocalDate): number {
  return parts(date)[0];
}

export function lastDayOfMonth(year: number, month: number): LocalDate {
  return makeDate(year, month, daysInMonth(year, month));
}

// Same day `months` later; a day the target month lacks becomes its last day
// (31/01 + 1 month → 28/02 or 29/02).
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return makeDate(year, month, Math.min(d, daysInMonth(year, month)));
}

// 'dd/MM/yyyy', as Mexican official documents write dates.
export function formatDmy(date: LocalDate): string {
  const [y, m, d] = parts(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Declared as the zones this runtime knows by their canonical names (it also
// takes their aliases, e.g. `US/Central`, so what was stored under one still reads).
export const TimeZone = z
  .string()
  .min(1)
  .refine(isValidTimeZone, { message: 'Zona horaria IANA desconocida.' })
  .meta({ enum: ['UTC', ...Intl.supportedValuesOf('timeZone')] });

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Wall-clock fields of an instant in a zone, as if that wall time were UTC.
function wallClockMs(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return utcMs(fields.year ?? 0, fields.month ?? 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
}

// The calendar date of an instant in a zone: "today" for a body.
export function localDateOf(instant: string, timeZone: string): LocalDate {
  return fromDayNumber(Math.floor(wallClockMs(Date.parse(instant), timeZone) / MS_PER_DAY));
}

export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { message: 'Hora inválida: use HH:MM o HH:MM:SS.' });

// The UTC instant at which a zone's clocks show `time` on `date`. The zone's
// offsets a day before and a day after bracket any change of clocks near that
// wall time, so both readings are tried: a repeated wall time (clocks set back)
// is its first occurrence; a skipped one (clocks set forward) is read with the
// offset before the gap, which moves it forward by the gap and keeps the date
// even where clocks jump at midnight east of UTC (Cairo, Beirut). Iterating
// on a single guess instead oscillates across the gap and, there, returned an
// instant of the previous day.
export function zonedInstant(date: LocalDate, time: string, timeZone: string): string {
  const [h = 0, mi = 0, s = 0] = time.split(':').map(Number);
  const [y, m, d] = parts(date);
  const wall = utcMs(y, m, d, h, mi, s);
  const offsetBefore = wallClockMs(wall - MS_PER_DAY, timeZone) - (wall - MS_PER_DAY);
  const offsetAfter = wallClockMs(wall + MS_PER_DAY, timeZone) - (wall + MS_PER_DAY);
  const readings = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wallClockMs(instant, timeZone) === wall);
  return new Date(readings.length > 0 ? Math.min(...readings) : wall - offsetBefore).toISOString();
}
