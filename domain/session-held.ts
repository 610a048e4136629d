import { compareDates, formatDmy, type LocalDate } from './dates.js';

// Agreements are adopted at a session that was held: until its day comes in
// the body's zone, it has none. The reason, in Spanish, or null if held.
export function notYetHeld(sessionDate: LocalDate, today: LocalDate): string | null {
  return compareDates(sessionDate, today) > 0 ? `La sesión del ${formatDmy(sessionDate)} aún no se celebra: sus acuerdos se registran a partir de ese día.` : null;
}
