import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementPeriods, foldEvents, type AgreementEvent, type TimedEvent } from '../../../domain/agreement/index.js';
import { addDays } from '../../../domain/dates.js';
import { SEGOB, SHCP } from '../support/snimh.js';

// The periods of an agreement are what a dashboard counts as of any instant:
// for every cutoff, the period that covers it must hold exactly the fold of
// the events that occurred before the cutoff, in version order.

const ADOPTED_AT = Date.parse('2020-04-24T17:00:00.000Z');
const HOUR = 3_600_000;

const adoption: AgreementEvent = {
  type: 'AgreementAdopted',
  data: {
    agreementId: 'a1',
    bodyId: 'b1',
    sessionId: 's1',
    seq: 40,
    folio: '40:24/04/2020',
    text: 'Enviar el proyecto de Reglas de Organización.',
    themes: [],
    responsibleInstitutionIds: [SEGOB, SHCP],
    deadline: { type: 'date', date: '2020-05-18' },
    adoptedOn: '2020-04-24',
    dueDate: '2020-05-18',
    dueDateExplanation: 'Fecha fija: 18/05/2020',
  },
};

const on = (hours: number) => addDays('2020-04-24', Math.floor(hours / 24));

// Events that apply to any adopted state, so every subset folds.
const followUpArb: fc.Arbitrary<(hours: number) => AgreementEvent> = fc.oneof(
  fc.integer({ min: 1, max: 200 }).map((days) => (hours: number): AgreementEvent => ({ type: 'DeadlineChanged', data: { deadline: { type: 'date', date: addDays('2020-05-18', days) }, reason: 'Prórroga.', on: on(hours), dueDate: addDays('2020-05-18', days), dueDateExplanation: 'Fecha fija.' } })),
  fc.constant((hours: number): AgreementEvent => ({ type: 'AgreementFulfilled', data: { on: on(hours), automatic: false, justification: 'Cumplido.' } })),
  fc.constant((hours: number): AgreementEvent => ({ type: 'AgreementReopened', data: { reason: 'Falta un anexo.', on: on(hours) } })),
  fc.constant((hours: number): AgreementEvent => ({ type: 'AgreementCancelled', data: { reason: 'Sin efecto.', on: on(hours) } })),
  fc.constant((): AgreementEvent => ({ type: 'ReminderSent', data: { key: 'recordatorio', institutionIds: [SEGOB] } })),
);

const columns = (events: readonly AgreementEvent[]) => {
  const state = foldEvents(events);
  return state.status === 'sin_adoptar' ? null : { status: state.status, dueDate: state.dueDate, responsibles: state.responsibles };
};

describe('the periods of an agreement', () => {
  it('hold, for every cutoff, the fold of the events that occurred before it — facts recorded late included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(followUpArb, fc.integer({ min: 0, max: 24 * 60 })), { maxLength: 12 }), (steps) => {
        // Recorded in this order, each dated some hours after the adoption: a
        // later one may well be dated before an earlier one.
        const events: TimedEvent[] = [
          { occurredAt: new Date(ADOPTED_AT).toISOString(), event: adoption },
          ...steps.map(([make, hours]) => ({ occurredAt: new Date(ADOPTED_AT + hours * HOUR).toISOString(), event: make(hours) })),
        ];
        const periods = agreementPeriods(events);
        const instants = [...new Set(events.map((e) => Date.parse(e.occurredAt)))];
        const cutoffs = instants.flatMap((t) => [t - 1, t, t + 1]);
        for (const cutoff of cutoffs) {
          const expected = columns(events.filter((e) => Date.parse(e.occurredAt) < cutoff).map((e) => e.event));
          const covering = periods.filter((p) => Date.parse(p.from) < cutoff && (p.until === null || cutoff <= Date.parse(p.until)));
          if (expected === null) expect(covering).toEqual([]);
          else expect(covering.map(({ status, dueDate, responsibles }) => ({ status, dueDate, responsibles }))).toEqual([expected]);
        }
        // consecutive periods differ: one row per change, not per event
        periods.slice(1).forEach((period, index) => expect(period).not.toMatchObject({ status: periods[index]?.status, dueDate: periods[index]?.dueDate, responsibles: periods[index]?.responsibles }));
      }),
    );
  });

  it('a prórroga recorded today but dated last month changes the period from last month on', () => {
    const at = (iso: string) => new Date(iso).toISOString();
    const periods = agreementPeriods([
      { occurredAt: at('2020-04-24T17:00:00Z'), event: adoption },
      { occurredAt: at('2020-06-10T17:00:00Z'), event: { type: 'ReminderSent', data: { key: 'r1', institutionIds: [SEGOB] } } },
      { occurredAt: at('2020-05-15T17:00:00Z'), event: { type: 'DeadlineChanged', data: { deadline: { type: 'date', date: '2020-06-30' }, reason: 'Prórroga.', on: '2020-05-15', dueDate: '2020-06-30', dueDateExplanation: 'Fecha fija.' } } },
    ]);
    expect(periods.map((p) => [p.from, p.until, p.dueDate])).toEqual([
      [at('2020-04-24T17:00:00Z'), at('2020-05-15T17:00:00Z'), '2020-05-18'],
      [at('2020-05-15T17:00:00Z'), null, '2020-06-30'],
    ]);
  });
});
