import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessCalendar,
  countBusinessDays,
  excludedWeekdays,
  nextBusinessDayOnOrAfter,
  NonWorkingDay,
  subtractBusinessDays,
  type BusinessCalendar,
} from '../../domain/calendar.js';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDmy,
  fromDayNumber,
  isLeapYear,
  isValidLocalDate,
  isValidTimeZone,
  lastDayOfMonth,
  LocalDate,
  localDateOf,
  makeDate,
  TimeOfDay,
  TimeZone,
  toDayNumber,
  yearOf,
  zonedInstant,
} from '../../domain/dates.js';
import { lawRestDay, restDaysOfYear } from '../../domain/rest-days.js';
import { localDateArb } from './support/arbitraries.js';
import { libraryPublicHolidays } from './support/holiday-oracle.js';

// The calendar every rule stands on: calendar dates and time zones, the
// mandatory rest days of the LFT as in force on each date, and a body's
// business days.

const lft = businessCalendar();

const MX = 'America/Mexico_City';

describe('LocalDate schema', () => {
  it.each(['2020-02-29', '2000-02-29', '2024-02-29', '2100-02-28', '2021-12-31', '1900-01-01', '2200-12-31'])('accepts %s', (date) => {
    expect(LocalDate.safeParse(date).success).toBe(true);
  });

  it.each([
    ['2021-02-30', 'February never has 30 days'],
    ['2100-02-29', '2100 is divisible by 100 and not by 400: not a leap year'],
    ['2021-02-29', '2021 is not a leap year'],
    ['2021-04-31', 'April has 30 days'],
    ['2021-13-01', 'no month 13'],
    ['2021-00-10', 'no month 0'],
    ['2021-01-00', 'no day 0'],
    ['2021-1-5', 'two-digit month and day'],
    ['05/01/2021', 'ISO order only'],
    ['2021-01-05T00:00:00Z', 'a date, not an instant'],
    ['1899-12-31', 'before 1900'],
    ['2201-01-01', 'after 2200'],
  ])('rejects %s (%s) with a Spanish message', (date) => {
    const result = LocalDate.safeParse(date);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Fecha inválida: use AAAA-MM-DD con un día que exista (1900–2200).');
  });

  it('leap years follow the Gregorian rule', () => {
    expect([1900, 2000, 2019, 2020, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, true, false, true]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2021, 13)).toBe(0);
    expect(isValidLocalDate('not a date')).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2100-01-01', '2101-01-01')).toBe(365);
  });

  it('knows the weekday (0 = Sunday): the sessions of Annex I', () => {
    expect(dayOfWeek('2019-11-22')).toBe(5); // Décimo Novena sesión, Friday
    expect(dayOfWeek('2020-04-24')).toBe(5); // Vigésima, Friday
    expect(dayOfWeek('2020-09-30')).toBe(3); // Vigésima Primera, Wednesday
    expect(dayOfWeek('2020-12-09')).toBe(3); // Vigésima Segunda, Wednesday
    expect(dayOfWeek('2020-02-29')).toBe(6);
    expect(dayOfWeek('1969-12-28')).toBe(0); // before day 0 the modulo stays positive
  });

  it('compares, formats and splits dates', () => {
    expect(compareDates('2020-04-24', '2020-05-18')).toBe(-1);
    expect(compareDates('2020-05-18', '2020-04-24')).toBe(1);
    expect(compareDates('2020-05-18', '2020-05-18')).toBe(0);
    expect(formatDmy('2020-12-09')).toBe('09/12/2020');
    expect(yearOf('2020-12-09')).toBe(2020);
    expect(lastDayOfMonth(2020, 2)).toBe('2020-02-29');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(makeDate(2020, 3, 1)).toBe('2020-03-01');
    expect(() => formatDmy('9/12/2020')).toThrow(RangeError);
  });

  it.each([
    ['2020-01-31', 1, '2020-02-29', 'clamped to the leap day'],
    ['2021-01-31', 1, '2021-02-28', 'clamped to 28 February'],
    ['2100-01-31', 1, '2100-02-28', '2100 is not leap'],
    ['2020-02-29', 12, '2021-02-28', 'a leap day a year later'],
    ['2020-02-29', 48, '2024-02-29', 'a leap day four years later'],
    ['2020-09-30', 3, '2020-12-30', 'agreement 45: three months from the Vigésima Primera sesión'],
    ['2020-09-30', 5, '2021-02-28', 'across the year end, clamped'],
    ['2019-11-22', 1, '2019-12-22', 'same day of month'],
    ['2020-10-31', 1, '2020-11-30', '31 → 30'],
    ['2020-12-31', 14, '2022-02-28', 'over a year'],
  ])('%s + %i months = %s (%s)', (from, months, expected) => {
    expect(addMonthsClamped(from, months)).toBe(expected);
  });

  it('property: day numbers round-trip and weekdays advance by one', () => {
    fc.assert(
      fc.property(localDateArb(1900, 2200), (date) => {
        expect(fromDayNumber(toDayNumber(date))).toBe(date);
        expect(isValidLocalDate(date)).toBe(true);
        expect(dayOfWeek(addDays(date, 1))).toBe((dayOfWeek(date) + 1) % 7);
      }),
    );
  });
});

describe('time zones', () => {
  it('validates IANA zones and times of day', () => {
    expect(isValidTimeZone(MX)).toBe(true);
    expect(isValidTimeZone('America/Tijuana')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(TimeZone.safeParse('Mars/Olympus_Mons').error?.issues[0]?.message).toBe('Zona horaria IANA desconocida.');
    expect(TimeZone.safeParse('').success).toBe(false);
    for (const ok of ['09:00', '00:00', '23:59', '17:30:15']) expect(TimeOfDay.safeParse(ok).success).toBe(true);
    for (const bad of ['9:00', '24:00', '12:60', '12:00:60', '12h']) expect(TimeOfDay.safeParse(bad).success).toBe(false);
  });

  it.each([
    // America/Mexico_City kept daylight saving time until it was abolished in
    // October 2022 (Ley de los Husos Horarios, DOF 28/10/2022).
    ['2021-04-20', '09:00', MX, '2021-04-20T14:00:00.000Z', 'summer time 2021: UTC−5'],
    ['2021-01-20', '09:00', MX, '2021-01-20T15:00:00.000Z', 'winter 2021: UTC−6'],
    ['2022-10-28', '09:00', MX, '2022-10-28T14:00:00.000Z', 'last Friday of summer time'],
    ['2022-10-31', '09:00', MX, '2022-10-31T15:00:00.000Z', 'after the last change of clocks'],
    ['2023-04-20', '09:00', MX, '2023-04-20T15:00:00.000Z', 'no summer time since 2023: UTC−6 all year'],
    ['2023-04-20', '09:00', 'America/Tijuana', '2023-04-20T16:00:00.000Z', 'the northern border keeps US summer time'],
    ['2023-04-20', '09:00', 'America/Cancun', '2023-04-20T14:00:00.000Z', 'Quintana Roo: UTC−5 all year'],
    ['2020-05-18', '17:30:15', MX, '2020-05-18T22:30:15.000Z', 'with seconds'],
    ['2020-12-31', '23:59:59', MX, '2021-01-01T05:59:59.000Z', 'the last second of a local year is already next year in UTC'],
  ])('%s %s in %s is %s (%s)', (date, time, zone, instant) => {
    expect(zonedInstant(date, time, zone)).toBe(instant);
    expect(localDateOf(instant, zone)).toBe(date);
  });

  it('the local date of an instant is the body’s date, not the UTC date', () => {
    expect(localDateOf('2020-05-19T04:30:00.000Z', MX)).toBe('2020-05-18');
    expect(localDateOf('2023-01-01T05:59:59.999Z', MX)).toBe('2022-12-31');
    expect(localDateOf('2023-01-01T06:00:00.000Z', MX)).toBe('2023-01-01');
    expect(localDateOf('2020-05-19T04:30:00-05:00', MX)).toBe('2020-05-19');
  });

  it('an instant of the first century keeps its year (Date.UTC would read 0001 as 1901)', () => {
    expect(localDateOf('0001-01-01T12:00:00.000Z', 'UTC')).toBe('0001-01-01');
    expect(localDateOf('0099-06-15T12:00:00.000Z', MX)).toBe('0099-06-15');
  });

  it('a wall time skipped by a change of clocks is moved forward by the gap, on the same date', () => {
    // Mexico City, first Sunday of April 2021: 02:00 CST jumped to 03:00 CDT.
    expect(zonedInstant('2021-04-04', '02:30', MX)).toBe('2021-04-04T08:30:00.000Z'); // 03:30 CDT
    // Santiago de Chile springs forward at midnight (00:00 → 01:00).
    expect(zonedInstant('2021-09-05', '00:00', 'America/Santiago')).toBe('2021-09-05T04:00:00.000Z'); // 01:00 −03
    // Berlin, last Sunday of March 2021: 02:00 CET jumped to 03:00 CEST.
    expect(zonedInstant('2021-03-28', '02:30', 'Europe/Berlin')).toBe('2021-03-28T01:30:00.000Z'); // 03:30 CEST
    // East of UTC, clocks that jump at midnight used to send the instant to the
    // day before: Cairo (last Friday of April 2023) and Beirut (27/03/2022).
    expect(zonedInstant('2023-04-28', '00:30', 'Africa/Cairo')).toBe('2023-04-27T22:30:00.000Z'); // 01:30 EEST
    expect(zonedInstant('2022-03-27', '00:00', 'Asia/Beirut')).toBe('2022-03-26T22:00:00.000Z'); // 01:00 EEST
  });

  it('midnight of every day of the DST seasons 2022–2023 is on that day, in zones whose clocks jump at midnight', () => {
    const seasons = [['2022-03-01', '2022-04-30'], ['2022-09-01', '2022-10-31'], ['2023-03-01', '2023-04-30'], ['2023-09-01', '2023-10-31']] as const;
    for (const zone of ['Africa/Cairo', 'Asia/Beirut', 'America/Santiago', 'America/Asuncion']) {
      for (const [from, to] of seasons) {
        for (let n = toDayNumber(from); n <= toDayNumber(to); n += 1) {
          const date = fromDayNumber(n);
          expect(localDateOf(zonedInstant(date, '00:00', zone), zone), `${date} ${zone}`).toBe(date);
        }
      }
    }
  });

  it('a wall time repeated when clocks go back is its first occurrence', () => {
    // Mexico City, last Sunday of October 2021: 02:00 CDT went back to 01:00 CST.
    expect(zonedInstant('2021-10-31', '01:30', MX)).toBe('2021-10-31T06:30:00.000Z'); // 01:30 CDT
  });

  const ZONES = [MX, 'America/Tijuana', 'America/Cancun', 'America/Hermosillo', 'America/Santiago', 'Europe/Berlin', 'Africa/Cairo', 'Australia/Lord_Howe'];
  const timeArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('property: zonedInstant and localDateOf round-trip the date in every zone', () => {
    fc.assert(
      fc.property(localDateArb(2000, 2100), timeArb, fc.constantFrom(...ZONES), (date, time, zone) => {
        const instant = zonedInstant(date, time, zone);
        expect(localDateOf(instant, zone)).toBe(date);
      }),
      { numRuns: 400 },
    );
  });

  it('property: in Mexico City the wall time round-trips too, except in a skipped hour', () => {
    fc.assert(
      fc.property(localDateArb(2000, 2100), timeArb, (date, time) => {
        const instant = zonedInstant(date, time, MX);
        const shown = new Intl.DateTimeFormat('en-GB', { timeZone: MX, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
        if (!time.startsWith('02:')) expect(shown).toBe(time);
      }),
      { numRuns: 300 },
    );
  });
});

// One test per fraction of the Ley Federal del Trabajo, art. 74, with the
// reforms of DOF 17/01/2006 (in force 18/01/2006; fr. III only from 2007 by its
// transitory article) and DOF 30/09/2024 (fr. VII, in force 01/10/2024).
describe('LFT art. 74: mandatory rest days as in force on each date', () => {
  const restDay = (date: string) => {
    const day = lawRestDay(date);
    return day ? `${day.basis}: ${day.name}` : undefined;
  };

  it('art. 74 fr. I: 1 January', () => {
    expect(restDay('2021-01-01')).toBe('art. 74 fr. I: Año Nuevo');
    expect(restDay('2003-01-01')).toBe('art. 74 fr. I: Año Nuevo');
    expect(lft.isBusinessDay('2021-01-01')).toBe(false);
    expect(lft.isBusinessDay('2021-01-04')).toBe(true);
  });

  it('art. 74 fr. II: 5 February until 2005, the first Monday of February from 2006 (DOF 17/01/2006)', () => {
    expect(restDay('2003-02-05')).toBe('art. 74 fr. II: Día de la Constitución'); // a Wednesday
    expect(restDay('2003-02-03')).toBeUndefined();
    // The reform was in force from 18/01/2006: in 2006 the Monday already counts.
    expect(restDay('2006-02-06')).toBe('art. 74 fr. II: Día de la Constitución');
    expect(dayOfWeek('2006-02-06')).toBe(1);
    expect(restDay('2006-02-05')).toBeUndefined();
    expect(restDay('2020-02-03')).toBe('art. 74 fr. II: Día de la Constitución');
    expect(restDay('2020-02-05')).toBeUndefined();
    expect(lft.isBusinessDay('2020-02-05')).toBe(true); // a Wednesday: the old date no longer rests
  });

  it('art. 74 fr. III: 21 March through 2006 (DOF 17/01/2006, transitorio segundo), the third Monday of March from 2007', () => {
    expect(restDay('2005-03-21')).toBe('art. 74 fr. III: Natalicio de Benito Juárez');
    // 2006: the reform of fr. II and VI was in force, fr. III was not yet.
    expect(restDay('2006-03-21')).toBe('art. 74 fr. III: Natalicio de Benito Juárez'); // a Tuesday
    expect(restDay('2006-03-20')).toBeUndefined(); // the third Monday of 2006 was a working day
    expect(lft.isBusinessDay('2006-03-20')).toBe(true);
    expect(lft.isBusinessDay('2006-03-21')).toBe(false);
    expect(restDay('2007-03-19')).toBe('art. 74 fr. III: Natalicio de Benito Juárez');
    expect(restDay('2007-03-21')).toBeUndefined();
    expect(lft.isBusinessDay('2007-03-21')).toBe(true);
    expect(restDay('2020-03-16')).toBe('art. 74 fr. III: Natalicio de Benito Juárez');
    expect(restDay('2021-03-15')).toBe('art. 74 fr. III: Natalicio de Benito Juárez');
  });

  it('art. 74 fr. IV: 1 May', () => {
    expect(restDay('2020-05-01')).toBe('art. 74 fr. IV: Día del Trabajo');
    expect(lft.isBusinessDay('2020-05-01')).toBe(false);
  });

  it('art. 74 fr. V: 16 September', () => {
    expect(restDay('2020-09-16')).toBe('art. 74 fr. V: Día de la Independencia');
    expect(lft.isBusinessDay('2020-09-16')).toBe(false);
  });

  it('art. 74 fr. VI: 20 November until 2005, the third Monday of November from 2006 (DOF 17/01/2006)', () => {
    expect(restDay('2003-11-20')).toBe('art. 74 fr. VI: Día de la Revolución'); // a Thursday
    expect(restDay('2006-11-20')).toBe('art. 74 fr. VI: Día de la Revolución'); // the third Monday of 2006
    expect(restDay('2007-11-19')).toBe('art. 74 fr. VI: Día de la Revolución');
    expect(restDay('2007-11-20')).toBeUndefined();
    expect(restDay('2020-11-16')).toBe('art. 74 fr. VI: Día de la Revolución');
    expect(lft.isBusinessDay('2020-11-20')).toBe(true);
  });

  it('art. 74 fr. VII: 1 December every six years until 2018; 01/10/2024 is a rest day (LFT reform DOF 30/09/2024, following CPEUM art. 83 as reformed DOF 10/02/2014), 01/12/2024 is not', () => {
    const transfer = 'art. 74 fr. VII: Transmisión del Poder Ejecutivo Federal';
    expect(restDay('2000-12-01')).toBe(transfer); // a Friday
    expect(lft.isBusinessDay('2000-12-01')).toBe(false);
    expect(restDay('2006-12-01')).toBe(transfer); // a Friday
    expect(restDay('2012-12-01')).toBe(transfer); // a Saturday
    expect(restDay('2018-12-01')).toBe(transfer); // a Saturday: it removed no business day
    expect(dayOfWeek('2018-12-01')).toBe(6);
    expect(restDay('2019-12-01')).toBeUndefined(); // not a year of transfer
    expect(restDay('1994-12-01')).toBe(transfer); // the rule reaches back to the LFT of 1970
    expect(restDay('1970-12-01')).toBe(transfer);
    expect(restDay('1964-12-01')).toBeUndefined(); // before the LFT of 1970: not modelled
    expect(restDay('2024-10-01')).toBe(transfer); // a Tuesday, the day after the DOF publication
    expect(lft.isBusinessDay('2024-10-01')).toBe(false);
    expect(restDay('2024-12-01')).toBeUndefined();
    expect(restDay('2030-10-01')).toBe(transfer);
    expect(restDay('2030-12-01')).toBeUndefined();
    expect(restDay('2025-10-01')).toBeUndefined();
    expect(lft.isBusinessDay('2025-10-01')).toBe(true);
  });

  it('art. 74 fr. VIII: 25 December', () => {
    expect(restDay('2020-12-25')).toBe('art. 74 fr. VIII: Navidad');
    expect(lft.isBusinessDay('2020-12-25')).toBe(false);
  });

  it('art. 74 fr. IX: election days are Sundays (LGIPE art. 22), never business days, so the table needs no entry', () => {
    for (const electionDay of ['2018-07-01', '2021-06-06', '2024-06-02', '2027-06-06']) {
      expect(dayOfWeek(electionDay)).toBe(0);
      expect(lft.isBusinessDay(electionDay)).toBe(false);
      expect(restDay(electionDay)).toBeUndefined();
    }
  });

  it('lists each year in date order with its fraction', () => {
    expect(restDaysOfYear(2024).map((d) => `${d.date} ${d.basis}`)).toEqual([
      '2024-01-01 art. 74 fr. I',
      '2024-02-05 art. 74 fr. II',
      '2024-03-18 art. 74 fr. III',
      '2024-05-01 art. 74 fr. IV',
      '2024-09-16 art. 74 fr. V',
      '2024-10-01 art. 74 fr. VII',
      '2024-11-18 art. 74 fr. VI',
      '2024-12-25 art. 74 fr. VIII',
    ]);
    expect(restDaysOfYear(2006).map((d) => d.date)).toEqual([
      '2006-01-01',
      '2006-02-06',
      '2006-03-21',
      '2006-05-01',
      '2006-09-16',
      '2006-11-20',
      '2006-12-01',
      '2006-12-25',
    ]);
    expect(restDaysOfYear(2020)).toHaveLength(7);
    expect(restDaysOfYear(2100).map((d) => d.date)).toEqual([
      '2100-01-01',
      '2100-02-01',
      '2100-03-15',
      '2100-05-01',
      '2100-09-16',
      '2100-11-15',
      '2100-12-25',
    ]);
  });
});

// date-holidays is only an oracle: where it and the law differ, the law wins
// and every difference is listed here with the fraction and reform behind it,
// so the test fails if either side changes. All days are compared, weekends
// included; the weekday ones are those that change business days.
describe('cross-check with the date-holidays library (MX, 2000–2100)', () => {
  const isWeekday = (date: string) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;
  const sexennial = (month: string) => Array.from({ length: 13 }, (_, i) => `${2024 + 6 * i}-${month}-01`);

  async function differences(): Promise<{ onlyLibrary: string[]; onlyLaw: string[] }> {
    const library = await libraryPublicHolidays(2000, 2100);
    const onlyLibrary: string[] = [];
    const onlyLaw: string[] = [];
    for (let year = 2000; year <= 2100; year += 1) {
      const libraryDays = new Set(library[year] ?? []);
      const lawDays = new Set(restDaysOfYear(year).map((d) => d.date));
      for (const date of libraryDays) if (!lawDays.has(date)) onlyLibrary.push(date);
      for (const date of lawDays) if (!libraryDays.has(date)) onlyLaw.push(date);
    }
    return { onlyLibrary: onlyLibrary.sort(), onlyLaw: onlyLaw.sort() };
  }

  it('agrees on fr. I–VI and VIII, including 2006 (fr. II and VI moved, fr. III not yet); differs only in art. 74 fr. VII since the reform of DOF 30/09/2024', async () => {
    const { onlyLibrary, onlyLaw } = await differences();
    // art. 74 fr. VII, DOF 30/09/2024: the library still rests on 1 December
    // of every sixth year ("12-01 every 6 years since 1934"); since 01/10/2024
    // the law no longer does…
    expect(onlyLibrary).toEqual(sexennial('12'));
    for (const date of onlyLibrary) expect(lawRestDay(date)).toBeUndefined();
    // …and rests on 1 October of those years instead, which the library lacks.
    expect(onlyLaw).toEqual(sexennial('10'));
    for (const date of onlyLaw) expect(lawRestDay(date)?.basis).toBe('art. 74 fr. VII');
    // The differences that move a business day: where either date is a weekday.
    expect(onlyLibrary.filter(isWeekday)).toEqual(['2036-12-01', '2042-12-01', '2048-12-01', '2054-12-01', '2060-12-01', '2066-12-01', '2072-12-01', '2078-12-01', '2084-12-01', '2090-12-01']);
    expect(onlyLaw.filter(isWeekday)).toEqual(['2024-10-01', '2030-10-01', '2036-10-01', '2042-10-01', '2048-10-01', '2054-10-01', '2060-10-01', '2066-10-01', '2096-10-01']);
  });
});

// A body that publishes its own days off, as the federal administration does
// for its winter vacation and for 2 November.
const snimh2020 = businessCalendar([
  '2020-11-02',
  { from: '2020-12-21', to: '2020-12-31', name: 'Periodo vacacional de invierno' },
  { from: '2020-07-20', to: '2020-07-22' },
]);

describe('business days', () => {
  it('are Monday to Friday without LFT rest days', () => {
    expect(lft.isBusinessDay('2020-04-24')).toBe(true); // Friday
    expect(lft.isBusinessDay('2020-04-25')).toBe(false); // Saturday
    expect(lft.isBusinessDay('2020-04-26')).toBe(false); // Sunday
    expect(lft.isBusinessDay('2020-05-01')).toBe(false); // art. 74 fr. IV
    expect(lft.restDayName('2020-05-01')).toBe('Día del Trabajo');
    expect(lft.restDayName('2020-04-25')).toBeUndefined(); // a weekend is not a "rest day" by name
    expect(lft.restDayName('2020-04-24')).toBeUndefined();
  });

  it('exclude the body’s nonWorkingDays, single dates and inclusive ranges, with their names', () => {
    expect(snimh2020.isBusinessDay('2020-11-02')).toBe(false);
    expect(snimh2020.restDayName('2020-11-02')).toBe('día inhábil del órgano');
    expect(snimh2020.isBusinessDay('2020-12-18')).toBe(true);
    expect(snimh2020.isBusinessDay('2020-12-21')).toBe(false); // first day of the range
    expect(snimh2020.isBusinessDay('2020-12-31')).toBe(false); // last day of the range
    expect(snimh2020.restDayName('2020-12-24')).toBe('Periodo vacacional de invierno');
    expect(snimh2020.restDayName('2020-12-25')).toBe('Navidad'); // the law's name wins
    expect(snimh2020.restDayName('2020-07-21')).toBe('día inhábil del órgano'); // unnamed range
    expect(snimh2020.isBusinessDay('2021-01-04')).toBe(true);
    expect(lft.isBusinessDay('2020-11-02')).toBe(true); // only that body rests
  });

  it('add, subtract and count in (from, to]', () => {
    expect(addBusinessDays(lft, '2020-04-24', 0)).toBe('2020-04-24');
    expect(addBusinessDays(lft, '2020-04-24', 1)).toBe('2020-04-27'); // over the weekend
    expect(addBusinessDays(lft, '2020-04-30', 1)).toBe('2020-05-04'); // over 1 May and the weekend
    expect(addBusinessDays(lft, '2020-12-24', 1)).toBe('2020-12-28');
    expect(subtractBusinessDays(lft, '2020-05-04', 1)).toBe('2020-04-30');
    expect(subtractBusinessDays(lft, '2021-01-04', 2)).toBe('2020-12-30');
    expect(countBusinessDays(lft, '2020-04-24', '2020-05-18')).toBe(15);
    expect(countBusinessDays(lft, '2020-05-18', '2020-05-18')).toBe(0);
    expect(countBusinessDays(lft, '2020-05-18', '2020-04-24')).toBe(0);
    expect(countBusinessDays(snimh2020, '2020-12-18', '2021-01-04')).toBe(1);
  });

  it.each([-1, 1.5, Number.NaN])('refuses to add or subtract %s business days', (n) => {
    expect(() => addBusinessDays(lft, '2020-04-24', n)).toThrow(RangeError);
    expect(() => subtractBusinessDays(lft, '2020-04-24', n)).toThrow(RangeError);
  });

  it('the next business day on or after a date', () => {
    expect(nextBusinessDayOnOrAfter(lft, '2020-05-18')).toBe('2020-05-18');
    expect(nextBusinessDayOnOrAfter(lft, '2020-05-01')).toBe('2020-05-04');
    expect(nextBusinessDayOnOrAfter(lft, '2019-02-02')).toBe('2019-02-05'); // Saturday, Sunday, then fr. II Monday
    expect(nextBusinessDayOnOrAfter(snimh2020, '2020-12-19')).toBe('2021-01-04');
  });

  it('names the weekdays that do not count, and only those', () => {
    expect(excludedWeekdays(snimh2020, '2020-12-19', '2021-01-04')).toEqual([
      { date: '2020-12-21', name: 'Periodo vacacional de invierno' },
      { date: '2020-12-22', name: 'Periodo vacacional de invierno' },
      { date: '2020-12-23', name: 'Periodo vacacional de invierno' },
      { date: '2020-12-24', name: 'Periodo vacacional de invierno' },
      { date: '2020-12-25', name: 'Navidad' },
      { date: '2020-12-28', name: 'Periodo vacacional de invierno' },
      { date: '2020-12-29', name: 'Periodo vacacional de invierno' },
      { date: '2020-12-30', name: 'Periodo vacacional de invierno' },
      { date: '2020-12-31', name: 'Periodo vacacional de invierno' },
      { date: '2021-01-01', name: 'Año Nuevo' },
    ]);
    // 01/12/2018 was a rest day on a Saturday: nothing to name.
    expect(excludedWeekdays(lft, '2018-11-30', '2018-12-03')).toEqual([]);
  });
});

describe('NonWorkingDay schema', () => {
  it.each([
    ['2020-11-02'],
    [{ from: '2020-12-21', to: '2020-12-31', name: 'Periodo vacacional de invierno' }],
    [{ from: '2020-12-21', to: '2020-12-21' }],
    [{ from: '2020-01-01', to: '2021-01-01' }], // 366 days later: a leap year's range is allowed
  ])('accepts %j', (value) => {
    expect(NonWorkingDay.safeParse(value).success).toBe(true);
  });

  it.each([
    [{ from: '2020-12-31', to: '2020-12-21' }, 'El rango termina antes de empezar.'],
    [{ from: '2020-01-01', to: '2021-01-03' }, 'Un rango abarca a lo más un año.'],
    [{ from: '2020-12-21', to: '2020-12-31', name: ' ' }, undefined],
    [{ from: '2020-12-21', to: '2020-12-31', label: 'x' }, undefined],
    ['2021-02-30', 'Fecha inválida: use AAAA-MM-DD con un día que exista (1900–2200).'],
  ])('rejects %j', (value, message) => {
    const result = NonWorkingDay.safeParse(value);
    expect(result.success).toBe(false);
    if (message) expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

// Random body calendars: a few single days and short ranges within the years tested.
const nonWorkingArb = fc.array(
  fc.oneof(
    localDateArb(2000, 2100),
    fc.tuple(localDateArb(2000, 2100), fc.integer({ min: 0, max: 20 })).map(([from, length]) => ({ from, to: addDays(from, length) })),
  ),
  { maxLength: 6 },
);

describe('properties of the calendar', () => {
  const cases = fc.record({ calendarDays: nonWorkingArb, date: localDateArb(2000, 2100), n: fc.integer({ min: 0, max: 120 }) });
  const calendarOf = (days: NonWorkingDay[]): BusinessCalendar => businessCalendar(days);

  it('adding n business days then counting gives n', () => {
    fc.assert(
      fc.property(cases, ({ calendarDays, date, n }) => {
        const calendar = calendarOf(calendarDays);
        const later = addBusinessDays(calendar, date, n);
        expect(countBusinessDays(calendar, date, later)).toBe(n);
      }),
      { numRuns: 150 },
    );
  });

  it('the n-th business day after a date is a business day, after the date', () => {
    fc.assert(
      fc.property(cases, ({ calendarDays, date, n }) => {
        const calendar = calendarOf(calendarDays);
        const later = addBusinessDays(calendar, date, n + 1);
        expect(calendar.isBusinessDay(later)).toBe(true);
        expect(compareDates(later, date)).toBe(1);
        // and the day before it leaves exactly n business days after the date
        expect(countBusinessDays(calendar, date, addDays(later, -1))).toBe(n);
      }),
      { numRuns: 150 },
    );
  });

  it('subtracting undoes adding from a business day', () => {
    fc.assert(
      fc.property(cases, ({ calendarDays, date, n }) => {
        const calendar = calendarOf(calendarDays);
        const start = nextBusinessDayOnOrAfter(calendar, date);
        expect(subtractBusinessDays(calendar, addBusinessDays(calendar, start, n), n)).toBe(start);
      }),
      { numRuns: 150 },
    );
  });

  it('the excluded weekdays of an interval are exactly its weekdays that are not business days', () => {
    fc.assert(
      fc.property(nonWorkingArb, localDateArb(2000, 2100), fc.integer({ min: 0, max: 60 }), (calendarDays, from, length) => {
        const calendar = calendarOf(calendarDays);
        const to = addDays(from, length);
        const excluded = excludedWeekdays(calendar, from, to).map((e) => e.date);
        let weekdays = 0;
        for (let d = toDayNumber(from); d <= toDayNumber(to); d += 1) {
          const day = (d + 4) % 7;
          if (day !== 0 && day !== 6) weekdays += 1;
        }
        expect(weekdays - excluded.length).toBe(countBusinessDays(calendar, addDays(from, -1), to));
        for (const date of excluded) expect(calendar.isBusinessDay(date)).toBe(false);
        expect(excluded.every((date) => compareDates(date, from) >= 0 && compareDates(date, to) <= 0)).toBe(true);
        expect(fromDayNumber(toDayNumber(to))).toBe(to);
      }),
      { numRuns: 200 },
    );
  });
});
