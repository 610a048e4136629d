import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgreementStatus } from '../../domain/agreement/status.js';
import { STATUS_LABEL } from '../../domain/agreement/status.js';
import { addBusinessDays, businessCalendar } from '../../domain/calendar.js';
import { compareDates, type LocalDate } from '../../domain/dates.js';
import { evaluateSemaforo, Semaforo } from '../../domain/semaforo.js';
import { localDateArb } from './support/arbitraries.js';
import { lft } from './support/snimh.js';

const light = (dueDate: LocalDate | null, today: LocalDate, warning = 5, status: AgreementStatus = 'en_proceso', calendar = lft) =>
  evaluateSemaforo({ status, dueDate }, today, calendar, warning);

// Agreement 40:24/04/2020 was due on Monday 18/05/2020 (15 business days).
describe('semáforo of agreement 40 (due 18/05/2020) as the days go by', () => {
  it.each([
    ['2020-04-24', 'verde', 0, 'the day it was adopted'],
    ['2020-05-08', 'verde', 0, 'Friday: the 5th business day after is 15/05, before the due date'],
    ['2020-05-10', 'verde', 0, 'Sunday: the 5th business day after is Friday 15/05, before the due date'],
    ['2020-05-11', 'amarillo', 0, 'Monday: the due date is exactly the 5th business day after → amarillo'],
    ['2020-05-18', 'amarillo', 0, 'T = due date: still amarillo, not vencido'],
    ['2020-05-19', 'rojo', 1, 'one business day late'],
    ['2020-05-23', 'rojo', 4, 'Saturday: four business days after the due date'],
    ['2020-05-25', 'rojo', 5, 'a week late'],
    ['2020-12-31', 'rojo', 160, 'at the end of the year: 163 weekdays minus 16/09, 16/11 and 25/12'],
  ] as const)('on %s: %s, %i days overdue (%s)', (today, semaforo, daysOverdue, _why) => {
    expect(light('2020-05-18', today)).toEqual({ semaforo, daysOverdue });
  });
});

describe('the amarillo boundary is the warningBusinessDays-th business day after T', () => {
  it('a due date on that day is amarillo; one business day later is verde', () => {
    const today = '2020-04-27'; // Monday; Friday 1 May rests
    const fifth = addBusinessDays(lft, today, 5);
    expect(fifth).toBe('2020-05-05');
    expect(light('2020-05-04', today).semaforo).toBe('amarillo');
    expect(light(fifth, today).semaforo).toBe('amarillo');
    expect(light('2020-05-06', today).semaforo).toBe('verde');
  });

  it('the body’s non-working days push the boundary too', () => {
    const body = businessCalendar([{ from: '2020-12-21', to: '2020-12-31', name: 'Periodo vacacional de invierno' }]);
    // From Friday 18/12/2020 the 5th business day is 08/01/2021 for that body.
    expect(light('2021-01-08', '2020-12-18', 5, 'en_proceso', body).semaforo).toBe('amarillo');
    expect(light('2021-01-11', '2020-12-18', 5, 'en_proceso', body).semaforo).toBe('verde');
    expect(light('2021-01-08', '2020-12-18').semaforo).toBe('verde'); // with the law alone
    // and days overdue count only business days
    expect(light('2020-12-18', '2021-01-05', 5, 'en_proceso', body)).toEqual({ semaforo: 'rojo', daysOverdue: 2 });
  });

  it('warningBusinessDays = 0: amarillo only on the due date itself', () => {
    expect(light('2020-05-18', '2020-05-18', 0).semaforo).toBe('amarillo');
    expect(light('2020-05-19', '2020-05-18', 0).semaforo).toBe('verde');
  });

  it('a due date on a weekend after a Friday: rojo on Saturday with 0 business days overdue', () => {
    // A fixed date on a Saturday (01/01/2022 is also Año Nuevo).
    expect(light('2022-12-31', '2022-12-31')).toEqual({ semaforo: 'amarillo', daysOverdue: 0 });
    expect(light('2022-12-30', '2022-12-31')).toEqual({ semaforo: 'rojo', daysOverdue: 0 });
    expect(light('2022-12-30', '2023-01-02')).toEqual({ semaforo: 'rojo', daysOverdue: 1 });
  });
});

describe('the other lights follow the status', () => {
  it.each([
    ['cumplido', '2020-05-18', 'cumplido'],
    ['cancelado', '2020-05-18', 'cancelado'],
    ['cumplido', null, 'cumplido'],
    ['en_proceso', null, 'sin_plazo'],
  ] as const)('%s with due date %s → %s, never overdue', (status, due, semaforo) => {
    expect(light(due, '2021-06-01', 5, status)).toEqual({ semaforo, daysOverdue: 0 });
  });

  it('labels for the report annex', () => {
    expect(STATUS_LABEL).toEqual({ en_proceso: 'EN PROCESO', cumplido: 'CUMPLIDO', cancelado: 'CANCELADO' });
    expect(Semaforo.options).toEqual(['rojo', 'amarillo', 'verde', 'sin_plazo', 'cumplido', 'cancelado']);
  });

  it('property: exactly one of rojo, amarillo, verde, by the contract’s inequalities', () => {
    fc.assert(
      fc.property(localDateArb(2020, 2021), localDateArb(2020, 2021), fc.integer({ min: 0, max: 20 }), (due, today, warning) => {
        const { semaforo, daysOverdue } = light(due, today, warning);
        const limit = addBusinessDays(lft, today, warning);
        if (compareDates(today, due) > 0) {
          expect(semaforo).toBe('rojo');
          expect(daysOverdue).toBeGreaterThanOrEqual(0);
        } else {
          expect(daysOverdue).toBe(0);
          expect(semaforo).toBe(compareDates(due, limit) <= 0 ? 'amarillo' : 'verde');
        }
      }),
      { numRuns: 200 },
    );
  });
});
