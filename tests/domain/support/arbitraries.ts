import fc from 'fast-check';
import { fromDayNumber, makeDate, toDayNumber, type LocalDate } from '../../../domain/dates.js';

// Any calendar date of the given years.
export const localDateArb = (fromYear = 2000, toYear = 2100): fc.Arbitrary<LocalDate> =>
  fc
    .integer({ min: toDayNumber(makeDate(fromYear, 1, 1)), max: toDayNumber(makeDate(toYear, 12, 31)) })
    .map(fromDayNumber);
