import { addDays, compareDates, dayOfWeek, makeDate, yearOf, type LocalDate } from './dates.js';

// Mandatory rest days of the Ley Federal del Trabajo, art. 74, as in force on
// each date, written as a small table of rules with the dates each text was in
// force. A workflow imports this instead of a holiday library: it is the law,
// small and deterministic. Sources:
//
// - The text before DOF 17/01/2006 (last reformed DOF 22/12/1987): fixed
//   5 Feb (fr. II), 21 Mar (fr. III), 20 Nov (fr. VI); 1 Dec of every sixth
//   year (fr. VII).
// - DOF 17/01/2006, "Decreto por el que se reforma el artículo 74 de la LFT":
//   fr. II, III and VI become the first Monday of February, the third Monday of
//   March and the third Monday of November. Transitorio primero: in force the
//   day after publication (18/01/2006). Transitorio segundo: because of the
//   bicentenary of Benito Juárez's birth in 2006, fr. III applies from 2007, so
//   21/03/2006 (a Tuesday) still rested and 20/03/2006 did not.
// - DOF 10/02/2014, constitutional political-electoral reform: art. 83 moves
//   the inauguration of the President to 1 October, first in 2024.
// - DOF 30/09/2024, "Decreto por el que se reforma la fracción VII del artículo
//   74 de la LFT": 1 October of every sixth year, in force the day after
//   publication (01/10/2024, the first such inauguration). So 01/12/2018 was
//   the last 1 December rest day and 01/12/2024 is not one.
// - Fr. IX, the day of ordinary federal and local elections: those elections
//   are held on Sundays (first Sunday of June under LGIPE art. 22 — not
//   re-verified here), which are never business days, so the table has no
//   entry for it. A body that must rest on another election day lists it in its
//   nonWorkingDays.
// The current text of art. 74 (notes: "reformado DOF 22-12-1987, 17-01-2006",
// "fracción reformada DOF 30-09-2024") was checked against the LFT as compiled
// by the Cámara de Diputados with reforms up to 2026: no later change.

type Recurrence =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'nth_monday'; month: number; nth: number }
  // The day of the transmission of the Federal Executive: every six years from firstYear.
  | { kind: 'every_six_years'; month: number; day: number; firstYear: number };

interface RestDayRule {
  fraction: string;
  name: string;
  on: Recurrence;
  // First and last dates on which this text was in force; null when open.
  inForceFrom: LocalDate | null;
  inForceUntil: LocalDate | null;
}

export interface RestDay {
  date: LocalDate;
  name: string;
  // The fraction of art. 74 that makes it a rest day, e.g. "art. 74 fr. II".
  basis: string;
}

const REFORM_2006 = { until: '2006-01-17', from: '2006-01-18' } as const;
// Transitorio segundo of DOF 17/01/2006: fr. III only from 2007.
const FR_III_2007 = { until: '2006-12-31', from: '2007-01-01' } as const;
const REFORM_2024 = { until: '2024-09-30', from: '2024-10-01' } as const;

const fixed = (month: number, day: number): Recurrence => ({ kind: 'fixed', month, day });
const nthMonday = (month: number, nth: number): Recurrence => ({ kind: 'nth_monday', month, nth });

const ARTICLE_74: readonly RestDayRule[] = [
  { fraction: 'I', name: 'Año Nuevo', on: fixed(1, 1), inForceFrom: null, inForceUntil: null },
  { fraction: 'II', name: 'Día de la Constitución', on: fixed(2, 5), inForceFrom: null, inForceUntil: REFORM_2006.until },
  { fraction: 'II', name: 'Día de la Constitución', on: nthMonday(2, 1), inForceFrom: REFORM_2006.from, inForceUntil: null },
  { fraction: 'III', name: 'Natalicio de Benito Juárez', on: fixed(3, 21), inForceFrom: null, inForceUntil: FR_III_2007.until },
  { fraction: 'III', name: 'Natalicio de Benito Juárez', on: nthMonday(3, 3), inForceFrom: FR_III_2007.from, inForceUntil: null },
  { fraction: 'IV', name: 'Día del Trabajo', on: fixed(5, 1), inForceFrom: null, inForceUntil: null },
  { fraction: 'V', name: 'Día de la Independencia', on: fixed(9, 16), inForceFrom: null, inForceUntil: null },
  { fraction: 'VI', name: 'Día de la Revolución', on: fixed(11, 20), inForceFrom: null, inForceUntil: REFORM_2006.until },
  { fraction: 'VI', name: 'Día de la Revolución', on: nthMonday(11, 3), inForceFrom: REFORM_2006.from, inForceUntil: null },
  {
    fraction: 'VII',
    name: 'Transmisión del Poder Ejecutivo Federal',
    // 1970, the first transmission under the LFT of 1970; then 1976, …, 2018.
    on: { kind: 'every_six_years', month: 12, day: 1, firstYear: 1970 },
    inForceFrom: null,
    inForceUntil: REFORM_2024.until,
  },
  {
    fraction: 'VII',
    name: 'Transmisión del Poder Ejecutivo Federal',
    on: { kind: 'every_six_years', month: 10, day: 1, firstYear: 2024 },
    inForceFrom: REFORM_2024.from,
    inForceUntil: null,
  },
  { fraction: 'VIII', name: 'Navidad', on: fixed(12, 25), inForceFrom: null, inForceUntil: null },
];

function nthMondayOf(year: number, month: number, nth: number): LocalDate {
  const first = makeDate(year, month, 1);
  const toMonday = (8 - dayOfWeek(first)) % 7;
  return addDays(first, toMonday + 7 * (nth - 1));
}

function occurrenceIn(year: number, on: Recurrence): LocalDate | undefined {
  switch (on.kind) {
    case 'fixed':
      return makeDate(year, on.month, on.day);
    case 'nth_monday':
      return nthMondayOf(year, on.month, on.nth);
    case 'every_six_years':
      return year >= on.firstYear && (year - on.firstYear) % 6 === 0 ? makeDate(year, on.month, on.day) : undefined;
    default: {
      const unreachable: never = on;
      return unreachable;
    }
  }
}

function inForceOn(rule: RestDayRule, date: LocalDate): boolean {
  return (rule.inForceFrom === null || compareDates(date, rule.inForceFrom) >= 0) && (rule.inForceUntil === null || compareDates(date, rule.inForceUntil) <= 0);
}

// The rest days of a year, in date order, each under the text in force on it.
export function restDaysOfYear(year: number): RestDay[] {
  const days: RestDay[] = [];
  for (const rule of ARTICLE_74) {
    const date = occurrenceIn(year, rule.on);
    if (date !== undefined && inForceOn(rule, date)) days.push({ date, name: rule.name, basis: `art. 74 fr. ${rule.fraction}` });
  }
  return days.sort((a, b) => compareDates(a.date, b.date));
}

const byYear = new Map<number, Map<LocalDate, RestDay>>();

export function lawRestDay(date: LocalDate): RestDay | undefined {
  const year = yearOf(date);
  let days = byYear.get(year);
  if (!days) {
    days = new Map(restDaysOfYear(year).map((d) => [d.date, d]));
    byYear.set(year, days);
  }
  return days.get(date);
}
