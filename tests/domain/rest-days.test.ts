import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../../domain/calendar.js';
import { dayOfWeek } from '../../domain/dates.js';
import { lawRestDay, restDaysOfYear } from '../../domain/rest-days.js';

const lft = businessCalendar();

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

  it('art. 74 fr. III: 21 March through 2006 (transitory article), the third Monday of March from 2007', () => {
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

  it('art. 74 fr. VII: 1 December every six years until 2018; 01/10/2024 is a rest day (DOF 30/09/2024), 01/12/2024 is not', () => {
    const transfer = 'art. 74 fr. VII: Transmisión del Poder Ejecutivo Federal';
    expect(restDay('2000-12-01')).toBe(transfer); // a Friday
    expect(lft.isBusinessDay('2000-12-01')).toBe(false);
    expect(restDay('2006-12-01')).toBe(transfer); // a Friday
    expect(restDay('2012-12-01')).toBe(transfer); // a Saturday
    expect(restDay('2018-12-01')).toBe(transfer); // a Saturday: it removed no business day
    expect(dayOfWeek('2018-12-01')).toBe(6);
    expect(restDay('2019-12-01')).toBeUndefined(); // not a year of transfer
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
// and every difference is listed here with its reason, so the test fails if
// either side changes.
describe('cross-check with the date-holidays library (MX, 2000–2100)', () => {
  const weekday = (date: string) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;

  function differences(): { onlyLibrary: string[]; onlyLaw: string[] } {
    const library = new Holidays('MX');
    const onlyLibrary: string[] = [];
    const onlyLaw: string[] = [];
    for (let year = 2000; year <= 2100; year += 1) {
      const libraryDays = new Set(
        library
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10))
          .filter(weekday),
      );
      const lawDays = new Set(restDaysOfYear(year).map((d) => d.date).filter(weekday));
      for (const date of libraryDays) if (!lawDays.has(date)) onlyLibrary.push(date);
      for (const date of lawDays) if (!libraryDays.has(date)) onlyLaw.push(date);
    }
    return { onlyLibrary: onlyLibrary.sort(), onlyLaw: onlyLaw.sort() };
  }

  it('differs only in fr. VII after the reform of DOF 30/09/2024', () => {
    const { onlyLibrary, onlyLaw } = differences();
    // The library still keeps 1 December of every sixth year ("12-01 every 6
    // years since 1934"); since 01/10/2024 the law rests on 1 October instead.
    // 01/12/2024 and 01/12/2030 fall on Sundays and 01/12/2096 on a Saturday,
    // so they remove no business day either way.
    expect(onlyLibrary).toEqual([
      '2036-12-01',
      '2042-12-01',
      '2048-12-01',
      '2054-12-01',
      '2060-12-01',
      '2066-12-01',
      '2072-12-01',
      '2078-12-01',
      '2084-12-01',
      '2090-12-01',
    ]);
    // ...and lacks the new 1 October (2072, 2078, 2084 and 2090 fall on weekends).
    expect(onlyLaw).toEqual([
      '2024-10-01',
      '2030-10-01',
      '2036-10-01',
      '2042-10-01',
      '2048-10-01',
      '2054-10-01',
      '2060-10-01',
      '2066-10-01',
      '2096-10-01',
    ]);
    for (const date of onlyLaw) expect(lawRestDay(date)?.basis).toBe('art. 74 fr. VII');
    for (const date of ['2072-10-01', '2078-10-01', '2084-10-01', '2090-10-01', '2024-12-01', '2030-12-01', '2096-12-01']) {
      expect(weekday(date)).toBe(false);
    }
  });
});
