import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_LABEL, type AgreementStatus, type InstitutionState } from '../../domain/agreement/status.js';
import { BodySettings } from '../../domain/body-settings.js';
import { addBusinessDays, businessCalendar } from '../../domain/calendar.js';
import { compareDates, type LocalDate } from '../../domain/dates.js';
import { PlannedReminder, planReminders, reminderKey, ReminderSettings, type ReminderPlanInput } from '../../domain/reminders.js';
import { evaluateSemaforo, Semaforo } from '../../domain/semaforo.js';
import { localDateArb } from './support/arbitraries.js';
import { lft, SEGOB, SHCP, TZ } from './support/snimh.js';

// Following up a due date: the semáforo a coordinator sees on a reference day,
// and the reminders institutions get before and after it.

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

const DEFAULTS = ReminderSettings.parse({});

function plan(
  dueDate: LocalDate | null,
  now: string,
  overrides: Partial<Omit<ReminderPlanInput, 'agreement'>> & { states?: [string, InstitutionState][]; status?: 'en_proceso' | 'cumplido' | 'cancelado' } = {},
) {
  const states = overrides.states ?? [
    [SEGOB, 'pendiente'],
    [SHCP, 'en_revision'],
  ];
  return planReminders({
    agreement: {
      agreementId: 'agr-snimh-40',
      status: overrides.status ?? 'en_proceso',
      dueDate,
      responsibles: states.map(([institutionId, state]) => ({ institutionId, state })),
    },
    settings: overrides.settings ?? DEFAULTS,
    timezone: overrides.timezone ?? TZ,
    calendar: overrides.calendar ?? lft,
    now,
  });
}

const brief = (reminders: ReturnType<typeof plan>) => reminders.map((r) => `${r.kind}:${r.n} ${r.instant}`);

describe('body reminder settings', () => {
  it('default as the contract says', () => {
    expect(DEFAULTS).toEqual({ beforeDue: [10, 3, 0], overdueEvery: 5, overdueMax: 6, at: '09:00' });
    expect(BodySettings.parse({})).toEqual({
      timezone: 'America/Mexico_City',
      nonWorkingDays: [],
      warningBusinessDays: 5,
      reminders: DEFAULTS,
      // Escalation is off unless the body turns it on (issue 14).
      escalation: null,
    });
  });

  it.each([
    { beforeDue: [-1] },
    { beforeDue: [61] },
    { overdueEvery: 0 },
    { overdueMax: 51 },
    { at: '9:00' },
    { at: '09:00', every: 3 },
  ])('rejects %j', (settings) => {
    expect(ReminderSettings.safeParse(settings).success).toBe(false);
  });

  it('rejects an unknown time zone', () => {
    expect(BodySettings.safeParse({ timezone: 'America/Ciudad_Gotica' }).success).toBe(false);
  });
});

describe('the reminder plan of agreement 40 (due Monday 18/05/2020)', () => {
  it('10, 3 and 0 business days before, then every 5 business days late up to 6 times, at 09:00 Mexico City (UTC−5 in summer 2020)', () => {
    const reminders = plan('2020-05-18', '2020-04-24T20:00:00.000Z');
    expect(brief(reminders)).toEqual([
      'before_due:10 2020-05-04T14:00:00.000Z', // 1 May does not count
      'before_due:3 2020-05-13T14:00:00.000Z',
      'before_due:0 2020-05-18T14:00:00.000Z',
      'overdue:1 2020-05-25T14:00:00.000Z',
      'overdue:2 2020-06-01T14:00:00.000Z',
      'overdue:3 2020-06-08T14:00:00.000Z',
      'overdue:4 2020-06-15T14:00:00.000Z',
      'overdue:5 2020-06-22T14:00:00.000Z',
      'overdue:6 2020-06-29T14:00:00.000Z',
    ]);
    expect(reminders[0]).toEqual({
      key: 'agr-snimh-40:2020-05-18:before_due:10',
      instant: '2020-05-04T14:00:00.000Z',
      kind: 'before_due',
      n: 10,
      institutionIds: [SEGOB, SHCP],
    });
  });

  it('keys are stable across re-plans and change with the due date', () => {
    const early = plan('2020-05-18', '2020-04-24T20:00:00.000Z');
    const late = plan('2020-05-18', '2020-05-20T20:00:00.000Z');
    for (const reminder of late) expect(early).toContainEqual(reminder);
    expect(new Set(early.map((r) => r.key)).size).toBe(early.length);
    expect(reminderKey('agr-snimh-40', '2020-05-18', 'overdue', 2)).toBe('agr-snimh-40:2020-05-18:overdue:2');
    // A prórroga to 29/05/2020 plans new keys: nothing of the old plan is taken as sent.
    const extended = plan('2020-05-29', '2020-05-20T20:00:00.000Z');
    for (const reminder of extended) expect(early.map((r) => r.key)).not.toContain(reminder.key);
  });

  it('skips instants already past, never sending them late in a burst', () => {
    expect(brief(plan('2020-05-18', '2020-05-13T13:59:59.999Z')).slice(0, 2)).toEqual([
      'before_due:3 2020-05-13T14:00:00.000Z',
      'before_due:0 2020-05-18T14:00:00.000Z',
    ]);
    // An instant equal to now counts as past.
    expect(brief(plan('2020-05-18', '2020-05-13T14:00:00.000Z'))[0]).toBe('before_due:0 2020-05-18T14:00:00.000Z');
    expect(brief(plan('2020-05-18', '2020-06-10T20:00:00.000Z'))).toEqual([
      'overdue:4 2020-06-15T14:00:00.000Z',
      'overdue:5 2020-06-22T14:00:00.000Z',
      'overdue:6 2020-06-29T14:00:00.000Z',
    ]);
    expect(plan('2020-05-18', '2020-07-01T00:00:00.000Z')).toEqual([]);
  });

  it('a key already recorded as sent is never planned again (a re-plan after a crash)', () => {
    const input = {
      agreement: {
        agreementId: 'agr-snimh-40',
        status: 'en_proceso' as const,
        dueDate: '2020-05-18',
        responsibles: [{ institutionId: SEGOB, state: 'pendiente' as const }],
        remindersSent: ['agr-snimh-40:2020-05-18:before_due:3'],
      },
      settings: DEFAULTS,
      timezone: TZ,
      calendar: lft,
      now: '2020-05-12T00:00:00.000Z',
    };
    const reminders = planReminders(input);
    expect(reminders.map((r) => r.key).slice(0, 2)).toEqual(['agr-snimh-40:2020-05-18:before_due:0', 'agr-snimh-40:2020-05-18:overdue:1']);
    // Each planned reminder is plain JSON of the declared shape, for the workflow.
    for (const reminder of reminders) expect(PlannedReminder.parse(JSON.parse(JSON.stringify(reminder)))).toEqual(reminder);
  });

  it('only institutions not yet cumplido are reminded; none when all are', () => {
    const reminders = plan('2020-05-18', '2020-04-24T20:00:00.000Z', { states: [[SEGOB, 'cumplido'], [SHCP, 'en_revision']] });
    expect(reminders.every((r) => r.institutionIds.length === 1 && r.institutionIds[0] === SHCP)).toBe(true);
    expect(plan('2020-05-18', '2020-04-24T20:00:00.000Z', { states: [[SEGOB, 'cumplido'], [SHCP, 'cumplido']] })).toEqual([]);
  });

  it('nothing for an agreement cumplido, cancelado or without a due date', () => {
    expect(plan('2020-05-18', '2020-04-24T20:00:00.000Z', { status: 'cumplido' })).toEqual([]);
    expect(plan('2020-05-18', '2020-04-24T20:00:00.000Z', { status: 'cancelado' })).toEqual([]);
    expect(plan(null, '2020-04-24T20:00:00.000Z')).toEqual([]);
  });
});

describe('the day and hour of each reminder', () => {
  it('0 is the due date itself even when it is not a business day; the others are business days', () => {
    // period_end "year" 2022 → Saturday 31/12/2022; no summer time any more: 09:00 = 15:00Z.
    expect(brief(plan('2022-12-31', '2022-12-01T00:00:00.000Z', { settings: { ...DEFAULTS, beforeDue: [3, 0], overdueMax: 1 } }))).toEqual([
      'before_due:3 2022-12-28T15:00:00.000Z',
      'before_due:0 2022-12-31T15:00:00.000Z',
      'overdue:1 2023-01-06T15:00:00.000Z',
    ]);
  });

  it('09:00 in Mexico City was 14:00Z in April 2021 (summer time) and is 15:00Z in 2023', () => {
    const settings = { ...DEFAULTS, beforeDue: [0], overdueMax: 0 };
    expect(brief(plan('2021-04-20', '2021-01-01T00:00:00.000Z', { settings }))).toEqual(['before_due:0 2021-04-20T14:00:00.000Z']);
    expect(brief(plan('2023-04-20', '2023-01-01T00:00:00.000Z', { settings }))).toEqual(['before_due:0 2023-04-20T15:00:00.000Z']);
  });

  it('one plan across the change of clocks keeps 09:00 local', () => {
    // Due Friday 29/10/2021; clocks went back on Sunday 31/10/2021.
    expect(brief(plan('2021-10-29', '2021-10-01T00:00:00.000Z', { settings: { ...DEFAULTS, beforeDue: [3], overdueMax: 1 } }))).toEqual([
      'before_due:3 2021-10-26T14:00:00.000Z',
      'overdue:1 2021-11-05T15:00:00.000Z',
    ]);
  });

  it('`at` with seconds, in another zone of the body', () => {
    const settings = { ...DEFAULTS, beforeDue: [0], overdueMax: 0, at: '17:30:15' };
    expect(brief(plan('2023-04-20', '2023-01-01T00:00:00.000Z', { settings, timezone: 'America/Tijuana' }))).toEqual([
      'before_due:0 2023-04-21T00:30:15.000Z',
    ]);
  });

  it('the body’s vacation does not count as business days before or after the due date', () => {
    const calendar = businessCalendar([{ from: '2020-12-21', to: '2020-12-31', name: 'Periodo vacacional de invierno' }]);
    const settings = { ...DEFAULTS, beforeDue: [3], overdueEvery: 1, overdueMax: 1 };
    expect(brief(plan('2021-01-05', '2020-12-01T00:00:00.000Z', { settings, calendar }))).toEqual([
      'before_due:3 2020-12-17T15:00:00.000Z',
      'overdue:1 2021-01-06T15:00:00.000Z',
    ]);
    expect(brief(plan('2020-12-18', '2020-12-01T00:00:00.000Z', { settings, calendar }))).toEqual([
      'before_due:3 2020-12-15T15:00:00.000Z',
      'overdue:1 2021-01-04T15:00:00.000Z',
    ]);
  });

  it('every overdueEvery business days, overdueMax times; repeated beforeDue values plan once', () => {
    const settings = { beforeDue: [3, 3, 0, 0], overdueEvery: 1, overdueMax: 3, at: '09:00' };
    expect(brief(plan('2020-12-31', '2020-12-01T00:00:00.000Z', { settings }))).toEqual([
      'before_due:3 2020-12-28T15:00:00.000Z',
      'before_due:0 2020-12-31T15:00:00.000Z',
      'overdue:1 2021-01-04T15:00:00.000Z', // 1 January rests
      'overdue:2 2021-01-05T15:00:00.000Z',
      'overdue:3 2021-01-06T15:00:00.000Z',
    ]);
    expect(plan('2020-12-31', '2020-12-01T00:00:00.000Z', { settings: { ...settings, beforeDue: [], overdueMax: 0 } })).toEqual([]);
  });
});
