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
import { addDays, compareDates, fromDayNumber, toDayNumber } from '../../domain/dates.js';
import { localDateArb } from './support/arbitraries.js';

const lft = businessCalendar();

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
