import { z } from 'zod';
import { addBusinessDays, countBusinessDays, type BusinessCalendar } from './calendar.js';
import { compareDates, type LocalDate } from './dates.js';
import type { AgreementStatus } from './agreement/status.js';

export const Semaforo = z.enum(['rojo', 'amarillo', 'verde', 'sin_plazo', 'cumplido', 'cancelado']);
export type Semaforo = z.infer<typeof Semaforo>;

// The semáforo in words, as every screen and download says it (never colour alone).
export const SEMAFORO_LABEL: Record<Semaforo, string> = {
  verde: 'En tiempo',
  amarillo: 'Por vencer',
  rojo: 'Vencido',
  sin_plazo: 'Sin plazo',
  cumplido: 'Cumplido',
  cancelado: 'Cancelado',
};

export interface Light {
  semaforo: Semaforo;
  // Business days after the due date up to the reference day; 0 unless rojo.
  daysOverdue: number;
}

export function evaluateSemaforo(
  agreement: { status: AgreementStatus; dueDate: LocalDate | null },
  today: LocalDate,
  calendar: BusinessCalendar,
  warningBusinessDays: number,
): Light {
  if (agreement.status !== 'en_proceso') return { semaforo: agreement.status, daysOverdue: 0 };
  const due = agreement.dueDate;
  if (due === null) return { semaforo: 'sin_plazo', daysOverdue: 0 };
  if (compareDates(today, due) > 0) return { semaforo: 'rojo', daysOverdue: countBusinessDays(calendar, due, today) };
  const warningLimit = addBusinessDays(calendar, today, warningBusinessDays);
  return { semaforo: compareDates(due, warningLimit) <= 0 ? 'amarillo' : 'verde', daysOverdue: 0 };
}
