import { localDateOf } from '../../domain/dates.js';

// A wall time `seconds` from now in a zone, and its date: a reminder `at` that
// time on a due date of that day is planned seconds ahead.
export function secondsAhead(seconds: number, timeZone: string) {
  const instant = new Date(Date.now() + seconds * 1000);
  const at = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(instant);
  return { date: localDateOf(instant.toISOString(), timeZone), at, instant };
}
