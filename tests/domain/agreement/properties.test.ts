import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgreementEvent,
  AgreementState,
  decide,
  evolve,
  foldEvents,
  initialState,
  type Agreement,
  type AgreementCommand,
  type DecidedEvent,
  type DecideContext,
} from '../../../domain/agreement/index.js';
import { addDays, localDateOf, type LocalDate } from '../../../domain/dates.js';
import type { DeadlineRule } from '../../../domain/deadline.js';
import { DomainError, type DomainErrorCode } from '../../../domain/errors.js';
import { localDateArb } from '../support/arbitraries.js';
import { CONAVIM, PROIGUALDAD_DOF, PROTOCOLO_DOF, SEGOB, secretariat, SFP, SHCP, TZ } from '../support/snimh.js';

// Random lives of an agreement: commands of every kind, valid or not, sent in
// order by a clock that only moves forward. Whatever the sequence, decide either
// refuses (and nothing changes) or records events that evolve into a possible state.

const RESPONSIBLE = [SEGOB, SHCP, SFP]; // CONAVIM is never responsible
const MILESTONES = [PROIGUALDAD_DOF, PROTOCOLO_DOF];
const HOUR = 3_600_000;

const anchorArb = fc.oneof(
  fc.constant('adoption' as const),
  fc.integer({ min: 0, max: 30 }).map((n) => ({ date: addDays('2020-01-01', n) })),
  fc.constantFrom(...MILESTONES).map((milestoneId) => ({ milestoneId })),
);
const ruleArb: fc.Arbitrary<DeadlineRule> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  localDateArb(2019, 2031).map((date) => ({ type: 'date' as const, date })),
  fc.record({ type: fc.constant('business_days' as const), days: fc.integer({ min: 1, max: 40 }), from: anchorArb }),
  fc.record({ type: fc.constant('calendar_days' as const), days: fc.integer({ min: 1, max: 90 }), from: anchorArb }),
  fc.record({ type: fc.constant('months' as const), months: fc.integer({ min: 1, max: 12 }), from: anchorArb }),
  fc.record({ type: fc.constant('period_end' as const), period: fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'year' as const), year: fc.integer({ min: 2019, max: 2031 }) }),
);
const textArb = fc.constantFrom('Oficio con las actividades realizadas.', '  Informe trimestral.  ', 'Minuta de la mesa de trabajo.', 'Listo.', '', '   ');

type Intent =
  | { kind: 'submit'; institution: number; evidence: number; description: string }
  // pick: which of the agreement's evidence (modulo their number); 0 names one that does not exist.
  | { kind: 'review'; pick: number; decision: 'accepted' | 'rejected'; comment: string | null }
  | { kind: 'fulfil' | 'reopen' | 'cancel'; text: string }
  | { kind: 'changeDeadline'; rule: DeadlineRule; text: string }
  | { kind: 'resolve'; milestone: number; daysAgo: number }
  | { kind: 'passed' }
  | { kind: 'reminder'; key: number };

const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('submit' as const), institution: fc.integer({ min: 0, max: 7 }), evidence: fc.integer({ min: 0, max: 15 }), description: textArb }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      pick: fc.integer({ min: 0, max: 12 }),
      decision: fc.constantFrom('accepted' as const, 'rejected' as const),
      comment: fc.option(textArb, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fulfil' as const), text: textArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reopen' as const), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), text: textArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('changeDeadline' as const), rule: ruleArb, text: textArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), milestone: fc.integer({ min: 0, max: 1 }), daysAgo: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'passed' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reminder' as const), key: fc.integer({ min: 0, max: 3 }) }) },
);

// When the step happens: hours after the previous one, and sometimes dated
// wrongly on purpose (in the future, or before the adoption).
const stepArb = fc.record({
  intent: intentArb,
  hoursLater: fc.integer({ min: 0, max: 24 * 10 }),
  dating: fc.oneof({ weight: 18, arbitrary: fc.constant('now' as const) }, { weight: 1, arbitrary: fc.constantFrom('future' as const, 'beforeAdoption' as const) }),
});

const lifeArb = fc.record({
  adoptedOn: localDateArb(2019, 2030),
  responsibles: fc.subarray(RESPONSIBLE, { minLength: 1 }),
  deadline: ruleArb,
  steps: fc.array(stepArb, { minLength: 5, maxLength: 40, size: 'max' }),
});

function commandFor(intent: Intent, meta: AgreementCommand['meta'], today: LocalDate, state: Agreement): AgreementCommand {
  switch (intent.kind) {
    case 'submit': {
      // Mostly the agreement's own institutions, sometimes one that is not responsible.
      const institutionId = intent.institution === 7 ? CONAVIM : (state.responsibles[intent.institution % state.responsibles.length]?.institutionId ?? CONAVIM);
      return {
        type: 'SubmitEvidence',
        data: { evidenceId: `ev-${intent.evidence}`, institutionId, description: intent.description, links: [], files: [], public: false },
        meta: { ...meta, actor: { role: 'institution', id: institutionId } },
      };
    }
    case 'review': {
      const evidenceId = intent.pick === 0 ? 'ev-de-otro-acuerdo' : (state.evidence[intent.pick % Math.max(1, state.evidence.length)]?.id ?? 'ev-aun-no-enviada');
      return { type: 'ReviewEvidence', data: { evidenceId, decision: intent.decision, comment: intent.comment }, meta };
    }
    case 'fulfil':
      return { type: 'FulfilAgreement', data: { justification: intent.text }, meta };
    case 'reopen':
      return { type: 'ReopenAgreement', data: { reason: intent.text }, meta };
    case 'cancel':
      return { type: 'CancelAgreement', data: { reason: intent.text }, meta };
    case 'changeDeadline':
      return { type: 'ChangeDeadline', data: { deadline: intent.rule, reason: intent.text }, meta };
    case 'resolve':
      return { type: 'ResolveMilestone', data: { milestoneId: MILESTONES[intent.milestone] ?? PROIGUALDAD_DOF, date: addDays(today, -intent.daysAgo) }, meta };
    case 'passed':
      return { type: 'RecordDeadlinePassed', data: {}, meta };
    case 'reminder':
      return { type: 'RecordReminderSent', data: { key: `k-${intent.key}`, institutionIds: [SEGOB] }, meta };
  }
}

// The impossible states, named: an empty list means the state is possible.
// What the events say each institution's state must be: cumplido once one of
// its evidence was accepted since the last reopening; otherwise en_revision
// while some evidence of it awaits review, pendiente when none does.
function impossibilities(state: Agreement, acceptedSinceReopen: ReadonlySet<string>, counts: { deadlineChanges: number }): string[] {
  const found: string[] = [];
  if (state.status === 'cumplido' && state.fulfilledOn === null) found.push('cumplido without fulfilledOn');
  if (state.status === 'en_proceso' && state.fulfilledOn !== null) found.push('en_proceso with a fulfilledOn');
  // Were every institution cumplido, the agreement would have been fulfilled.
  if (state.status === 'en_proceso' && state.responsibles.every((r) => r.state === 'cumplido')) found.push('en_proceso with every institution cumplido');
  for (const { institutionId, state: institutionState } of state.responsibles) {
    const awaiting = state.evidence.some((e) => e.institutionId === institutionId && e.review === null);
    const expected = acceptedSinceReopen.has(institutionId) ? 'cumplido' : awaiting ? 'en_revision' : 'pendiente';
    if (institutionState !== expected) found.push(`${institutionId} is ${institutionState}, its evidence says ${expected}`);
  }
  const responsible = new Set(state.responsibles.map((r) => r.institutionId));
  for (const evidence of state.evidence) {
    if (!responsible.has(evidence.institutionId)) found.push(`evidence ${evidence.id} of a non-responsible institution`);
    if (evidence.review?.decision === 'rejected' && !evidence.review.comment?.trim()) found.push(`evidence ${evidence.id} rejected without comment`);
    if (evidence.description.trim() === '' || evidence.description !== evidence.description.trim()) found.push(`evidence ${evidence.id} badly described`);
  }
  if (new Set(state.evidence.map((e) => e.id)).size !== state.evidence.length) found.push('duplicate evidence');
  if (new Set(state.remindersSent).size !== state.remindersSent.length) found.push('a reminder recorded twice');
  if (state.deadlineHistory.length !== counts.deadlineChanges) found.push('a deadline version lost');
  return found;
}

describe('the decider over random lives of an agreement', () => {
  it('never reaches an impossible state; every event parses back; replay rebuilds the state', () => {
    fc.assert(
      fc.property(lifeArb, ({ adoptedOn, responsibles, deadline, steps }) => {
        const milestoneDates: Record<string, LocalDate> = {};
        const ctxAt = (now: number): DecideContext => ({ timezone: TZ, nonWorkingDays: [], now: new Date(now).toISOString(), milestoneDates: { ...milestoneDates } });
        // The session: noon in Mexico City, on its date.
        let clock = Date.parse(`${adoptedOn}T18:00:00.000Z`);
        const adoption: AgreementCommand = {
          type: 'AdoptAgreement',
          data: {
            agreementId: 'agr-prop',
            bodyId: 'body-snimh',
            sessionId: 'session-prop',
            seq: 1,
            folio: '1:1/01/2020',
            text: 'Acuerdo de prueba.',
            themes: [],
            responsibleInstitutionIds: responsibles,
            deadline,
            adoptedOn,
          },
          meta: { actor: secretariat, occurredAt: new Date(clock).toISOString() },
        };
        const recorded: AgreementEvent[] = decide(adoption, initialState, ctxAt(clock));
        let state: AgreementState = foldEvents(recorded);
        const acceptedSinceReopen = new Set<string>();
        const counts = { deadlineChanges: 0 };

        for (const { intent, hoursLater, dating } of steps) {
          clock += hoursLater * HOUR;
          const occurredAt =
            dating === 'future' ? clock + HOUR : dating === 'beforeAdoption' ? Date.parse(`${adoptedOn}T05:59:59.000Z`) - 24 * HOUR : clock;
          const today = localDateOf(new Date(clock).toISOString(), TZ);
          if (state.status === 'sin_adoptar') throw new Error('adopted agreements stay adopted');
          const command = commandFor(intent, { actor: secretariat, occurredAt: new Date(occurredAt).toISOString() }, today, state);
          if (command.type === 'ResolveMilestone') milestoneDates[command.data.milestoneId] = command.data.date;
          const before = state;
          let events: DecidedEvent[];
          try {
            events = decide(command, before, ctxAt(clock));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            const expectedDating: Partial<Record<typeof dating, DomainErrorCode>> = { future: 'OCCURRED_IN_FUTURE', beforeAdoption: 'OCCURRED_BEFORE_ADOPTION' };
            if (dating !== 'now') expect(error.code).toBe(expectedDating[dating]);
            continue;
          }
          // A wrongly dated command is always refused.
          expect(dating).toBe('now');

          for (const { occurredAt: eventAt, ...event } of events) {
            // Events are stored as jsonb and parsed back.
            expect(AgreementEvent.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
            // Each is dated in the agreement's life: never ahead of the clock,
            // never before the day it was adopted.
            expect(Date.parse(eventAt)).toBeLessThanOrEqual(clock);
            expect(localDateOf(eventAt, TZ) >= adoptedOn).toBe(true);
            if (event.type === 'EvidenceReviewed' && event.data.decision === 'accepted') acceptedSinceReopen.add(event.data.institutionId);
            if (event.type === 'AgreementReopened') acceptedSinceReopen.clear();
            if (event.type === 'DeadlineChanged') counts.deadlineChanges += 1;
            state = evolve(state, event);
          }
          recorded.push(...events);
          const after = state;
          if (after.status === 'sin_adoptar') throw new Error('adopted agreements stay adopted');

          // Automatic fulfilment ⇔ an acceptance left every institution cumplido while in process.
          const automatic = events.find((e) => e.type === 'AgreementFulfilled' && e.data.automatic);
          if (command.type === 'ReviewEvidence' && command.data.decision === 'accepted' && before.status === 'en_proceso') {
            const [reviewed] = events;
            if (!reviewed) throw new Error('an accepted review records its event');
            const afterReview = evolve(before, reviewed);
            const everyoneDone = afterReview.status !== 'sin_adoptar' && afterReview.responsibles.every((r) => r.state === 'cumplido');
            expect(automatic !== undefined).toBe(everyoneDone);
            if (automatic) expect(automatic).toEqual({ type: 'AgreementFulfilled', data: { on: today, automatic: true, justification: null }, occurredAt: command.meta.occurredAt });
          } else {
            expect(automatic).toBeUndefined();
          }
          // An evidence's review, once recorded, never changes.
          const rewritten = before.evidence.filter((old) => old.review && JSON.stringify(after.evidence.find((e) => e.id === old.id)?.review) !== JSON.stringify(old.review));
          expect(rewritten).toEqual([]);
          // A deadline passes only after its due date, once per due date.
          for (const event of events) {
            if (event.type === 'DeadlinePassed') {
              expect(event.data.dueDate < today).toBe(true);
              expect(before.overdueRecordedFor).not.toBe(event.data.dueDate);
            }
          }
          expect(impossibilities(after, acceptedSinceReopen, counts)).toEqual([]);
          // and its shape is the declared one (it travels as JSON across continue-as-new).
          expect(AgreementState.parse(JSON.parse(JSON.stringify(after)))).toEqual(after);
        }

        // Replaying the decided history, as the projection does from jsonb, gives the same state.
        expect(foldEvents(recorded)).toEqual(state);
        expect(foldEvents(recorded.map((e) => AgreementEvent.parse(JSON.parse(JSON.stringify(e)))))).toEqual(state);
      }),
      { numRuns: 150 },
    );
  });
});
