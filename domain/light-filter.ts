import { addBusinessDays, type BusinessCalendar } from './calendar.js';
import { addDays, compareDates, type LocalDate } from './dates.js';
import { Semaforo } from './semaforo.js';
import type { AgreementStatus } from './agreement/status.js';

// Which lights a list asks for: the `semaforo` filter and the `overdue` filter
// (overdue ⇔ rojo) together. null: every light, no condition at all.
export function acceptedLights(semaforo: Semaforo | undefined, overdue: boolean | undefined): Semaforo[] | null {
  if (semaforo === undefined && overdue === undefined) return null;
  return Semaforo.options.filter((light) => (semaforo === undefined || light === semaforo) && (overdue === undefined || (light === 'rojo') === overdue));
}

// An agreement has a given light on day T exactly when its status and due
// date meet this condition, so a list can ask the database for it instead of
// evaluating every row. `due` bounds are inclusive; null is unbounded.
export type LightCondition =
  | { status: AgreementStatus; due: 'any' }
  | { status: 'en_proceso'; due: 'none' }
  | { status: 'en_proceso'; due: { from: LocalDate | null; to: LocalDate | null } };

// The days that split the lights on day T, computed once per reference day:
// en_proceso agreements due up to `overdueUntil` are rojo, from `warningFrom`
// to `warningUntil` amarillo, later verde (the thresholds of evaluateSemaforo).
export interface LightThresholds {
  overdueUntil: LocalDate;
  warningFrom: LocalDate;
  warningUntil: LocalDate;
}

export function lightThresholds(today: LocalDate, calendar: BusinessCalendar, warningBusinessDays: number): LightThresholds {
  return { overdueUntil: addDays(today, -1), warningFrom: today, warningUntil: addBusinessDays(calendar, today, warningBusinessDays) };
}

// The same thresholds as evaluateSemaforo, turned into due-date ranges.
export function lightCondition(light: Semaforo, today: LocalDate, calendar: BusinessCalendar, warningBusinessDays: number): LightCondition {
  const { overdueUntil, warningFrom, warningUntil } = lightThresholds(today, calendar, warningBusinessDays);
  switch (light) {
    case 'cumplido':
    case 'cancelado':
      return { status: light, due: 'any' };
    case 'sin_plazo':
      return { status: 'en_proceso', due: 'none' };
    case 'rojo':
      return { status: 'en_proceso', due: { from: null, to: overdueUntil } };
    case 'amarillo':
      return { status: 'en_proceso', due: { from: warningFrom, to: warningUntil } };
    case 'verde':
      return { status: 'en_proceso', due: { from: addDays(warningUntil, 1), to: null } };
  }
}

export function meetsCondition(agreement: { status: AgreementStatus; dueDate: LocalDate | null }, condition: LightCondition): boolean {
  if (agreement.status !== condition.status) return false;
  const { due } = condition;
  if (due === 'any') return true;
  if (due === 'none') return agreement.dueDate === null;
  if (agreement.dueDate === null) return false;
  return (due.from === null || compareDates(agreement.dueDate, due.from) >= 0) && (due.to === null || compareDates(agreement.dueDate, due.to) <= 0);
}
