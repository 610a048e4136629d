import { compareDates, lastDayOfMonth, type LocalDate } from './dates.js';

export const TREND_MONTHS_DEFAULT = 24;
export const TREND_MONTHS_MAX = 120;

// The months of a trend that ends in the month of the reference day, oldest
// first, each with the day it is read as of: the month's last day, or, for
// the reference day's own month, the reference day (what is after it has not
// happened yet, or is not asked for).
export function trendDays(referenceDay: LocalDate, months: number): { month: string; day: LocalDate }[] {
  const year = Number(referenceDay.slice(0, 4));
  const month = Number(referenceDay.slice(5, 7));
  const days: { month: string; day: LocalDate }[] = [];
  for (let back = months - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const last = lastDayOfMonth(y, m);
    days.push({ month: last.slice(0, 7), day: compareDates(last, referenceDay) > 0 ? referenceDay : last });
  }
  return days;
}
