import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
import { localDateArb } from './support/arbitraries.js';

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
