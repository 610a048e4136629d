import { describe, expect, it } from 'vitest';
import type { AgreementEvent } from '../../../domain/agreement/events.js';
import { publicTimeline, type TimelineEvent } from '../../../domain/agreement/public-timeline.js';

const INMUJERES = '11111111-1111-4111-8111-111111111111';
const SHCP = '22222222-2222-4222-8222-222222222222';
const OPEN = '33333333-3333-4333-8333-333333333333';
const CLOSED = '44444444-4444-4444-8444-444444444444';
const secretariat = { role: 'secretariat', id: 'token-de-la-secretaria' };
const at = (day: string) => `${day}T18:00:00.000Z`;
const happened = (day: string, event: AgreementEvent): TimelineEvent => ({ event, occurredAt: at(day) });
const acronym = (id: string) => (id === INMUJERES ? 'INMUJERES' : 'SHCP');

// An agreement's whole stream: every kind of event, private ones among them.
const stream: TimelineEvent[] = [
  happened('2020-09-30', {
    type: 'AgreementAdopted',
    data: { agreementId: 'a', bodyId: 'b', sessionId: 's', seq: 1, folio: '1:30/09/2020', text: 'Texto', themes: [], responsibleInstitutionIds: [INMUJERES, SHCP], deadline: { type: 'date', date: '2020-12-30' }, adoptedOn: '2020-09-30', dueDate: '2020-12-30', dueDateExplanation: 'Fecha fija: 30/12/2020' },
  }),
  happened('2020-10-05', { type: 'ReminderSent', data: { key: 'k', institutionIds: [INMUJERES] } }),
  happened('2020-10-10', { type: 'EvidenceSubmitted', data: { evidenceId: CLOSED, institutionId: SHCP, description: 'Oficio interno', links: [], files: [{ name: 'oficio.pdf', sha256: 'a'.repeat(64), size: 10, mediaType: 'application/pdf' }], public: false, submittedAt: at('2020-10-10') } }),
  happened('2020-10-11', { type: 'EvidenceReviewed', data: { evidenceId: CLOSED, institutionId: SHCP, decision: 'rejected', comment: 'Falta firma', reviewedAt: at('2020-10-11'), reviewer: secretariat } }),
  happened('2020-10-12', { type: 'EvidenceSubmitted', data: { evidenceId: OPEN, institutionId: INMUJERES, description: 'Campaña', links: ['https://gob.mx'], files: [], public: true, submittedAt: at('2020-10-12') } }),
  happened('2020-10-13', { type: 'EvidenceReviewed', data: { evidenceId: OPEN, institutionId: INMUJERES, decision: 'accepted', comment: 'Nota interna', reviewedAt: at('2020-10-13'), reviewer: secretariat } }),
  // Recorded by the workflow before the back-dated change below was typed in
  happened('2020-12-31', { type: 'DeadlinePassed', data: { dueDate: '2020-12-30' } }),
  happened('2020-12-01', { type: 'DeadlineChanged', data: { deadline: { type: 'date', date: '2021-01-29' }, reason: 'Motivo interno', on: '2020-12-01', dueDate: '2021-01-29', dueDateExplanation: 'Fecha fija: 29/01/2021' } }),
  happened('2021-01-30', { type: 'DeadlinePassed', data: { dueDate: '2021-01-29' } }),
  happened('2021-01-31', { type: 'EscalationRaised', data: { institutionId: SHCP, level: 1, overdueReminders: 2 } }),
  happened('2021-02-01', { type: 'AgreementCancelled', data: { reason: 'Motivo interno', on: '2021-02-01' } }),
];

describe('the public history of an agreement', () => {
  it('keeps the public facts by day, without private evidence, reviews of it, notices, reasons or reviewers, nor the passing of a replaced deadline', () => {
    const timeline = publicTimeline(stream, acronym, 'America/Mexico_City');
    expect(timeline).toEqual([
      { kind: 'adopted', on: '2020-09-30', dueDate: '2020-12-30', dueDateExplanation: 'Fecha fija: 30/12/2020' },
      { kind: 'evidence_submitted', on: '2020-10-12', evidenceId: OPEN, institution: 'INMUJERES' },
      { kind: 'evidence_reviewed', on: '2020-10-13', evidenceId: OPEN, institution: 'INMUJERES', decision: 'accepted' },
      { kind: 'deadline_changed', on: '2020-12-01', dueDate: '2021-01-29', dueDateExplanation: 'Fecha fija: 29/01/2021' },
      { kind: 'deadline_passed', on: '2021-01-30', dueDate: '2021-01-29' },
      { kind: 'cancelled', on: '2021-02-01' },
    ]);
    const raw = JSON.stringify(timeline);
    for (const hidden of ['Oficio interno', 'oficio.pdf', CLOSED, 'Falta firma', 'Nota interna', 'Motivo interno', secretariat.id, INMUJERES, SHCP]) expect(raw).not.toContain(hidden);
  });
});
