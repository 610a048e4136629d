import { acronymsOf } from '../db/agreements.js';
import type { Body } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import type { Agreement, AgreementState, Evidence } from '../domain/agreement/index.js';
import { businessCalendar } from '../domain/calendar.js';
import { localDateOf } from '../domain/dates.js';
import { evaluateSemaforo, type Light } from '../domain/semaforo.js';
import type { AgreementView, EvidenceView } from './responses/agreement.js';

// The agreement as the contract shows it: the projected state plus what depends
// on the reference day (semáforo, days overdue) and on reference data (acronyms).
export async function agreementView(db: Db, body: Body, state: AgreementState, version: number, asOf?: string): Promise<AgreementView> {
  if (state.status === 'sin_adoptar') throw new Error('agreement not adopted');
  const acronyms = await acronymsOf(db, state.responsibles.map((r) => r.institutionId));
  return presentAgreement(state, version, acronyms, lightsOf(body, asOf)(state));
}

// Many agreements with one look-up of the acronyms of all their institutions.
export async function agreementViews(db: Db, items: readonly { body: Body; state: Agreement; version: number }[], asOf?: string): Promise<AgreementView[]> {
  const acronyms = await acronymsOf(db, [...new Set(items.flatMap((item) => item.state.responsibles.map((r) => r.institutionId)))]);
  const lightsByBody = new Map<string, (state: Agreement) => Light>();
  return items.map((item) => {
    let lights = lightsByBody.get(item.body.id);
    if (!lights) {
      lights = lightsOf(item.body, asOf);
      lightsByBody.set(item.body.id, lights);
    }
    return presentAgreement(item.state, item.version, acronyms, lights(item.state));
  });
}

// The semáforo of a body's agreements on the reference day (asOf or today in
// its timezone). It depends only on status and due date, so agreements due
// the same day share one evaluation.
function lightsOf(body: Body, asOf?: string): (state: Agreement) => Light {
  const today = asOf ?? localDateOf(new Date().toISOString(), body.settings.timezone);
  const calendar = businessCalendar(body.settings.nonWorkingDays);
  const seen = new Map<string, Light>();
  return (state) => {
    const key = `${state.status}|${state.dueDate}`;
    let light = seen.get(key);
    if (!light) {
      light = evaluateSemaforo(state, today, calendar, body.settings.warningBusinessDays);
      seen.set(key, light);
    }
    return light;
  };
}

function presentAgreement(state: Agreement, version: number, acronyms: ReadonlyMap<string, string>, { semaforo, daysOverdue }: Light): AgreementView {
  return {
    id: state.agreementId,
    bodyId: state.bodyId,
    sessionId: state.sessionId,
    folio: state.folio,
    text: state.text,
    themes: state.themes,
    status: state.status,
    semaforo,
    dueDate: state.dueDate,
    dueDateExplanation: state.dueDateExplanation,
    daysOverdue,
    fulfilledOn: state.fulfilledOn,
    deadline: state.deadline,
    // Every earlier rule and due date, oldest first, with when and why it changed.
    deadlineHistory: state.deadlineHistory,
    responsibles: state.responsibles.map((r) => ({ institutionId: r.institutionId, acronym: acronyms.get(r.institutionId) ?? '', state: r.state })),
    evidence: state.evidence.map(evidenceView),
    version,
  };
}

// One evidence as the contract shows it, inside an agreement or on its own.
export function evidenceView(evidence: Evidence): EvidenceView {
  return {
    id: evidence.id,
    institutionId: evidence.institutionId,
    description: evidence.description,
    links: evidence.links,
    files: evidence.files,
    public: evidence.public,
    submittedAt: evidence.submittedAt,
    review: evidence.review,
  };
}
