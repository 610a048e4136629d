import { z } from 'zod';
import type { Body } from '../db/bodies.js';
import { compareDates, formatDmy, LocalDate, localDateOf } from '../domain/dates.js';
import { validationFailed } from '../app/errors.js';

// `asOf` on a read: the answer as it stood at the end of that day.
export const AsOfQuery = z.strictObject({ asOf: LocalDate.optional() });

// The day a read of a body is evaluated at: asOf, or today in the body's
// timezone. The future has no history yet: asking for it is a bad request.
export function referenceDay(body: Body, asOf: LocalDate | undefined): LocalDate {
  const today = localDateOf(new Date().toISOString(), body.settings.timezone);
  if (asOf === undefined) return today;
  if (compareDates(asOf, today) > 0) {
    throw validationFailed([{ field: 'asOf', message: `La fecha de consulta no puede ser futura: hoy es ${formatDmy(today)} en ${body.name}.` }]);
  }
  return asOf;
}
