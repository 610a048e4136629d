import type { Actor, AgreementCommand, AgreementEvent } from '../../../domain/agreement/index.js';
import { businessCalendar } from '../../../domain/calendar.js';
import type { LocalDate } from '../../../domain/dates.js';
import type { DeadlineRule } from '../../../domain/deadline.js';

// The Sistema Nacional para la Igualdad entre Mujeres y Hombres and the people
// of its Annex I (seeds/003, agreements 34–55 of 2019–2020), as the stories and
// the worked examples use them.

export const TZ = 'America/Mexico_City';
export const SNIMH = 'body-snimh';
export const lft = businessCalendar();

export const INMUJERES = 'inst-inmujeres';
export const SEGOB = 'inst-segob';
export const SHCP = 'inst-shcp';
export const SFP = 'inst-sfp';
export const CONAVIM = 'inst-conavim';

// The Secretaría Ejecutiva of INMUJERES acts as the SNIMH's secretariat.
export const secretariat: Actor = { role: 'secretariat', id: 'token-secretaria-ejecutiva' };
export const coordinator: Actor = { role: 'coordinator', id: 'token-coordinacion' };
export const institution = (institutionId: string): Actor => ({ role: 'institution', id: `token-${institutionId}` });
export const system: Actor = { role: 'system', id: 'workflow' };

// Milestones of Annex I: the DOF publications the agreements wait for.
export const PROTOCOLO_DOF = '0b7c1a9e-3f51-4c1e-9a52-7d0e4a1b2c01'; // Protocolo de hostigamiento y acoso sexual, DOF 03/01/2020
export const PROIGUALDAD_DOF = '5d2e8f10-6a4b-4f3c-8e21-9b7a6c5d4e02'; // PROIGUALDAD 2020-2024, DOF 22/12/2020
export const ENVIO_REGLAS = 'a1f0c3d2-7b6e-4d5c-9f8a-2e1d0c9b8a03'; // INMUJERES sends the draft Reglas (agreement 40)

export interface AnnexAgreement {
  seq: number;
  folio: string;
  adoptedOn: LocalDate;
  text: string;
  deadline: DeadlineRule;
  responsibleInstitutionIds: string[];
}

export const AGREEMENT_40: AnnexAgreement = {
  seq: 40,
  folio: '40:24/04/2020',
  adoptedOn: '2020-04-24',
  text: 'El INMUJERES enviará el proyecto de Reglas para la Organización y Funcionamiento del SNIMH […] en un plazo de quince días hábiles.',
  deadline: { type: 'business_days', days: 15, from: 'adoption' },
  responsibleInstitutionIds: [SEGOB, SHCP],
};

export const AGREEMENT_45: AnnexAgreement = {
  seq: 45,
  folio: '45:30/09/2020',
  adoptedOn: '2020-09-30',
  text: 'Las instituciones participantes […] contribuirán en la reformulación de las Comisiones del Sistema […] en un plazo no mayor a tres meses.',
  deadline: { type: 'months', months: 3, from: 'adoption' },
  responsibleInstitutionIds: [SEGOB, SHCP, SFP],
};

export const AGREEMENT_49: AnnexAgreement = {
  seq: 49,
  folio: '49:30/09/2020',
  adoptedOn: '2020-09-30',
  text: 'Las instituciones participantes […] diseñarán estrategias […] durante los tres meses posteriores a la publicación del PROIGUALDAD 2020-2024.',
  deadline: { type: 'months', months: 3, from: { milestoneId: PROIGUALDAD_DOF } },
  responsibleInstitutionIds: [SEGOB, CONAVIM],
};

export function agreementIdOf(a: AnnexAgreement): string {
  return `agr-snimh-${a.seq}`;
}

export function adoptCommand(a: AnnexAgreement, occurredAt = `${a.adoptedOn}T17:00:00.000Z`): AgreementCommand {
  return {
    type: 'AdoptAgreement',
    data: {
      agreementId: agreementIdOf(a),
      bodyId: SNIMH,
      sessionId: `session-snimh-${a.adoptedOn}`,
      seq: a.seq,
      folio: a.folio,
      text: a.text,
      themes: ['igualdad'],
      responsibleInstitutionIds: a.responsibleInstitutionIds,
      deadline: a.deadline,
      adoptedOn: a.adoptedOn,
    },
    meta: { actor: secretariat, occurredAt },
  };
}

export function adopted(a: AnnexAgreement, dueDate: LocalDate | null, dueDateExplanation: string): AgreementEvent {
  const command = adoptCommand(a);
  if (command.type !== 'AdoptAgreement') throw new Error('unreachable');
  return { type: 'AgreementAdopted', data: { ...command.data, dueDate, dueDateExplanation } };
}

export const ADOPTED_40 = adopted(
  AGREEMENT_40,
  '2020-05-18',
  '15 días hábiles contados a partir del 24/04/2020; no cuentan: 01/05/2020 (Día del Trabajo) → 18/05/2020',
);
export const ADOPTED_45 = adopted(AGREEMENT_45, '2020-12-30', '3 meses contados a partir del 30/09/2020 → 30/12/2020');
export const ADOPTED_49 = adopted(
  AGREEMENT_49,
  null,
  '3 meses a partir de un hito que aún no ocurre; sin fecha de vencimiento mientras tanto.',
);

// ---- commands, as each actor sends them -------------------------------------

export function submitEvidence(
  evidenceId: string,
  institutionId: string,
  occurredAt: string,
  extra: { description?: string; links?: string[]; public?: boolean; actor?: Actor } = {},
): AgreementCommand {
  return {
    type: 'SubmitEvidence',
    data: {
      evidenceId,
      institutionId,
      description: extra.description ?? `Oficio de ${institutionId} con las actividades realizadas.`,
      links: extra.links ?? [],
      files: [],
      public: extra.public ?? false,
    },
    meta: { actor: extra.actor ?? institution(institutionId), occurredAt },
  };
}

export function reviewEvidence(
  evidenceId: string,
  decision: 'accepted' | 'rejected',
  occurredAt: string,
  comment: string | null = null,
): AgreementCommand {
  return { type: 'ReviewEvidence', data: { evidenceId, decision, comment }, meta: { actor: secretariat, occurredAt } };
}

export const fulfil = (justification: string, occurredAt: string): AgreementCommand => ({
  type: 'FulfilAgreement',
  data: { justification },
  meta: { actor: secretariat, occurredAt },
});
export const reopen = (reason: string, occurredAt: string): AgreementCommand => ({
  type: 'ReopenAgreement',
  data: { reason },
  meta: { actor: secretariat, occurredAt },
});
export const cancel = (reason: string, occurredAt: string): AgreementCommand => ({
  type: 'CancelAgreement',
  data: { reason },
  meta: { actor: secretariat, occurredAt },
});
export const changeDeadline = (deadline: DeadlineRule, reason: string, occurredAt: string): AgreementCommand => ({
  type: 'ChangeDeadline',
  data: { deadline, reason },
  meta: { actor: secretariat, occurredAt },
});
export const resolveMilestone = (milestoneId: string, date: LocalDate, occurredAt: string): AgreementCommand => ({
  type: 'ResolveMilestone',
  data: { milestoneId, date },
  meta: { actor: secretariat, occurredAt },
});
export const recordDeadlinePassed = (occurredAt: string): AgreementCommand => ({
  type: 'RecordDeadlinePassed',
  data: {},
  meta: { actor: system, occurredAt },
});
export const recordReminderSent = (key: string, institutionIds: string[], occurredAt: string, overdue?: boolean): AgreementCommand => ({
  type: 'RecordReminderSent',
  data: { key, institutionIds, ...(overdue === undefined ? {} : { overdue }) },
  meta: { actor: system, occurredAt },
});
export const raiseEscalation = (institutionId: string, level: 1 | 2, occurredAt: string): AgreementCommand => ({
  type: 'RaiseEscalation',
  data: { institutionId, level },
  meta: { actor: system, occurredAt },
});

// ---- events, as the store holds them ---------------------------------------

export const evidenceSubmitted = (evidenceId: string, institutionId: string, submittedAt: string): AgreementEvent => ({
  type: 'EvidenceSubmitted',
  data: {
    evidenceId,
    institutionId,
    description: `Oficio de ${institutionId} con las actividades realizadas.`,
    links: [],
    files: [],
    public: false,
    submittedAt,
  },
});

export const evidenceReviewed = (
  evidenceId: string,
  institutionId: string,
  decision: 'accepted' | 'rejected',
  reviewedAt: string,
  comment: string | null = decision === 'rejected' ? 'Falta el oficio firmado.' : null,
): AgreementEvent => ({ type: 'EvidenceReviewed', data: { evidenceId, institutionId, decision, comment, reviewedAt, reviewer: secretariat } });

export const fulfilled = (on: LocalDate, justification: string | null = null): AgreementEvent => ({
  type: 'AgreementFulfilled',
  data: { on, automatic: justification === null, justification },
});
export const cancelled = (reason: string, on: LocalDate): AgreementEvent => ({ type: 'AgreementCancelled', data: { reason, on } });
export const overdueReminderSent = (key: string, institutionIds: string[]): AgreementEvent => ({ type: 'ReminderSent', data: { key, institutionIds, overdue: true } });
export const escalationRaised = (institutionId: string, level: 1 | 2, overdueReminders: number): AgreementEvent => ({
  type: 'EscalationRaised',
  data: { institutionId, level, overdueReminders },
});
