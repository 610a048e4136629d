// Dates as people in Mexico read them: dd/mm/aaaa (Intl, es-MX).
const DAY = new Intl.DateTimeFormat('es-MX', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const DAY_TIME = new Intl.DateTimeFormat('es-MX', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'America/Mexico_City' });

// A calendar date of the API (YYYY-MM-DD), which has no time zone: read as UTC
// so no zone moves it to the day before.
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return DAY.format(new Date(Date.UTC(y, m - 1, d)));
}

// An instant (ISO with zone) in Mexico City's time.
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '—';
  const when = new Date(instant);
  return Number.isNaN(when.getTime()) ? instant : DAY_TIME.format(when);
}

const DAY_OF_INSTANT = new Intl.DateTimeFormat('es-MX', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'America/Mexico_City' });

// The day of an instant in Mexico City, without the time.
export function formatInstantDay(instant: string | null | undefined): string {
  if (!instant) return '—';
  const when = new Date(instant);
  return Number.isNaN(when.getTime()) ? instant : DAY_OF_INSTANT.format(when);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// "1 acuerdo", "2,000 acuerdos": a count with its noun, grouped as es-MX writes numbers.
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('es-MX')} ${n === 1 ? one : many}`;
}
