import { type NonWorkingDay } from './calendar.js';
import { addDays, compareDates, type LocalDate } from './dates.js';

// Editing a body's own non-working days one day at a time (the administration
// calendar): a day the list covers stops being covered, any other becomes one.
// A range that holds the day is cut around it and keeps its name on both parts.

const startOf = (entry: NonWorkingDay): LocalDate => (typeof entry === 'string' ? entry : entry.from);

function covers(entry: NonWorkingDay, date: LocalDate): boolean {
  if (typeof entry === 'string') return entry === date;
  return compareDates(entry.from, date) <= 0 && compareDates(date, entry.to) <= 0;
}

function part(from: LocalDate, to: LocalDate, name: string | undefined): NonWorkingDay[] {
  if (compareDates(from, to) > 0) return [];
  if (from === to && name === undefined) return [from];
  return [name === undefined ? { from, to } : { from, to, name }];
}

function without(entry: NonWorkingDay, date: LocalDate): NonWorkingDay[] {
  if (typeof entry === 'string') return [];
  return [...part(entry.from, addDays(date, -1), entry.name), ...part(addDays(date, 1), entry.to, entry.name)];
}

export function isListedNonWorking(days: readonly NonWorkingDay[], date: LocalDate): boolean {
  return days.some((entry) => covers(entry, date));
}

export function withDayToggled(days: readonly NonWorkingDay[], date: LocalDate): NonWorkingDay[] {
  if (isListedNonWorking(days, date)) return days.flatMap((entry) => (covers(entry, date) ? without(entry, date) : [entry]));
  return withEntry(days, date);
}

// A new entry (a day or a period) in date order among the others, so the list
// reads as a calendar.
export function withEntry(days: readonly NonWorkingDay[], added: NonWorkingDay): NonWorkingDay[] {
  const at = days.findIndex((entry) => compareDates(startOf(entry), startOf(added)) > 0);
  return at === -1 ? [...days, added] : [...days.slice(0, at), added, ...days.slice(at)];
}
