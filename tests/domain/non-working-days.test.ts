import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonWorkingDay } from '../../domain/calendar.js';
import { addDays, fromDayNumber, toDayNumber } from '../../domain/dates.js';
import { isListedNonWorking, withDayToggled, withEntry } from '../../domain/non-working-days.js';

// The administration calendar toggles one day at a time on a body's list of
// non-working days, which may also hold named ranges (vacation periods).

const START = toDayNumber('2027-01-01');
const day = fc.integer({ min: 0, max: 60 }).map((n) => fromDayNumber(START + n));
const entry = fc.oneof(
  day,
  fc.tuple(day, fc.integer({ min: 0, max: 10 }), fc.option(fc.constantFrom('Vacaciones', 'Semana Santa'), { nil: undefined })).map(([from, length, name]) => ({
    from,
    to: addDays(from, length),
    ...(name === undefined ? {} : { name }),
  })),
);
const list = fc.array(entry, { maxLength: 6 });
const window = Array.from({ length: 80 }, (_, n) => fromDayNumber(START - 5 + n));
const coveredDays = (days: NonWorkingDay[]) => window.filter((d) => isListedNonWorking(days, d));

describe('toggling a day of the non-working list', () => {
  it('a business day becomes non-working, placed in date order', () => {
    expect(withDayToggled(['2027-01-04', '2027-03-15'], '2027-02-10')).toEqual(['2027-01-04', '2027-02-10', '2027-03-15']);
  });

  it('a day inside a named range cuts the range around it, each part keeping the name', () => {
    const vacation = { from: '2027-07-19', to: '2027-07-30', name: 'Vacaciones de verano' };
    expect(withDayToggled([vacation], '2027-07-21')).toEqual([
      { from: '2027-07-19', to: '2027-07-20', name: 'Vacaciones de verano' },
      { from: '2027-07-22', to: '2027-07-30', name: 'Vacaciones de verano' },
    ]);
    expect(withDayToggled([{ from: '2027-07-19', to: '2027-07-20' }], '2027-07-19')).toEqual(['2027-07-20']);
  });

  it('changes that one day and no other, and toggling it back covers the same days as before', () => {
    fc.assert(
      fc.property(list, day, (days, toggled) => {
        const once = withDayToggled(days, toggled);
        const before = new Set(coveredDays(days));
        const after = new Set(coveredDays(once));
        expect(after.has(toggled)).toBe(!before.has(toggled));
        for (const d of window) if (d !== toggled) expect(after.has(d)).toBe(before.has(d));
        expect(coveredDays(withDayToggled(once, toggled))).toEqual(coveredDays(days));
        // and the list is still one the API accepts
        for (const e of once) expect(NonWorkingDay.safeParse(e).success).toBe(true);
      }),
    );
  });
});

describe('adding a period', () => {
  it('goes in date order among the others', () => {
    const period = { from: '2027-07-19', to: '2027-07-30', name: 'Vacaciones de verano' };
    expect(withEntry(['2027-01-04', '2027-12-24'], period)).toEqual(['2027-01-04', period, '2027-12-24']);
    expect(withEntry([], period)).toEqual([period]);
  });
});
