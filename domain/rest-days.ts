import { addDays, dayOfWeek, makeDate, type LocalDate } from './dates.js';

// Mandatory rest days of the Ley Federal del Trabajo, art. 74, as in force on
// each date. History that matters here:
// - DOF 17/01/2006 (in force 18/01/2006) moved fr. II (5 Feb), fr. VI (20 Nov)
//   to the first Monday of February and the third Monday of November; its
//   transitory article put fr. III (21 Mar → third Monday of March) in force
//   only from 2007, so 21/03/2006 was still the rest day.
// - DOF 30/09/2024 (in force 01/10/2024) moved fr. VII, the day the Federal
//   Executive changes every six years, from 1 December to 1 October, to match
//   art. 83 of the Constitution. So 01/12/2000, 2006, 2012, 2018 and 01/10/2024,
//   2030, … are rest days; 01/12/2024 is not.
// - Fr. IX, the day of federal and local ordinary elections, always falls on a
//   Sunday, which is never a business day, so it needs no rule here.

export interface RestDay {
  date: LocalDate;
  name: string;
  // The fraction of art. 74 that makes it a rest day, e.g. "art. 74 fr. II".
  basis: string;
}

function nthMonday(year: number, month: number, n: number): LocalDate {
  const first = makeDate(year, month, 1);
  const toMonday = (8 - dayOfWeek(first)) % 7;
  return addDays(first, toMonday + 7 * (n - 1));
}

function isExecutiveTransferYear(year: number): boolean {
  return year >= 2000 && (year - 2000) % 6 === 0;
}

export function restDaysOfYear(year: number): RestDay[] {
  const days: RestDay[] = [
    { date: makeDate(year, 1, 1), name: 'Año Nuevo', basis: 'art. 74 fr. I' },
    {
      date: year >= 2006 ? nthMonday(year, 2, 1) : makeDate(year, 2, 5),
      name: 'Día de la Constitución',
      basis: 'art. 74 fr. II',
    },
    {
      date: year >= 2007 ? nthMonday(year, 3, 3) : makeDate(year, 3, 21),
      name: 'Natalicio de Benito Juárez',
      basis: 'art. 74 fr. III',
    },
    { date: makeDate(year, 5, 1), name: 'Día del Trabajo', basis: 'art. 74 fr. IV' },
    { date: makeDate(year, 9, 16), name: 'Día de la Independencia', basis: 'art. 74 fr. V' },
    {
      date: year >= 2006 ? nthMonday(year, 11, 3) : makeDate(year, 11, 20),
      name: 'Día de la Revolución',
      basis: 'art. 74 fr. VI',
    },
    { date: makeDate(year, 12, 25), name: 'Navidad', basis: 'art. 74 fr. VIII' },
  ];
  if (isExecutiveTransferYear(year)) {
    days.push({
      date: year >= 2024 ? makeDate(year, 10, 1) : makeDate(year, 12, 1),
      name: 'Transmisión del Poder Ejecutivo Federal',
      basis: 'art. 74 fr. VII',
    });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

const byYear = new Map<number, Map<LocalDate, RestDay>>();

export function lawRestDay(date: LocalDate): RestDay | undefined {
  const year = Number(date.slice(0, 4));
  let days = byYear.get(year);
  if (!days) {
    days = new Map(restDaysOfYear(year).map((d) => [d.date, d]));
    byYear.set(year, days);
  }
  return days.get(date);
}
