import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { registerAgreement } from '../registration.js';
import type { AppContext } from '../context.js';
import { commandAddress, sendCommand, type CommandAddress } from '../commands.js';
import { idempotentId } from '../idempotency.js';
import type { Actor } from '../../domain/agreement/index.js';
import { BodySettings } from '../../domain/body-settings.js';
import { zonedInstant, type LocalDate } from '../../domain/dates.js';
import type { DeadlineRule } from '../../domain/deadline.js';
import { parseCompactDeadline } from '../../domain/import-row.js';
import { sessionLabel } from '../../domain/session-label.js';
import type { CommandData, RequestedCommandType } from '../../workflows/definitions.js';
import { findAgreementRow } from '../../db/agreements.js';
import { findBody, insertBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { insertInstitution } from '../../db/institutions.js';
import { findMilestone, insertMilestone, markMilestoneOccurred } from '../../db/milestones.js';
import { institutionIdsByAcronym } from '../../db/reference-lookups.js';
import { sessionsOfBody } from '../../db/session-lookups.js';
import { insertSession, type Session } from '../../db/sessions.js';
import { ensureDemoUsers } from './demo-users.js';
import { AGREEMENTS, INSTITUTIONS, MILESTONES, SESSIONS, SNIMH, type SeedAgreement, type SeedStep } from './snimh-annex-i.js';

export interface SeedReport {
  bodyId: string;
  agreements: number;
}

// Every id of the demo is named after what it is, so loading it again finds
// what the first load created and records nothing twice.
// The demo body is found by its acronym; every other id of the demo is named
// after that body and what it is, so loading it again finds what the first
// load created and records nothing twice, and two databases served by one
// Temporal server (a test's own, say) never name the same agreement workflow.
type SeedIds = (what: string) => string;
const seedIdsOf = (bodyId: string): SeedIds => (what) => idempotentId(`acuerdos-demo-seed:${bodyId}`, what);

// A lookup that must succeed: the demo's tables name only what it registers.
function required<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`la demo no registró ${what} ${String(key)}`);
  return value;
}

const secretariat: Actor = { role: 'secretariat', id: 'demo-seed' };
const institutionActor = (acronym: string): Actor => ({ role: 'institution', id: `demo-seed:${acronym}` });

async function ensureBody(db: Db): Promise<Body> {
  const row = await db.selectFrom('bodies').select('id').where('acronym', '=', SNIMH.acronym).executeTakeFirst();
  const existing = row && (await findBody(db, row.id));
  if (existing) {
    if (existing.name !== SNIMH.name) throw new Error(`Ya hay un órgano ${SNIMH.acronym} que no es el de la demo (${existing.name}); la demo no se carga sobre él.`);
    return existing;
  }
  const body: Body = { id: randomUUID(), name: SNIMH.name, acronym: SNIMH.acronym, folioStart: SNIMH.folioStart, public: SNIMH.public, settings: BodySettings.parse({}) };
  await insertBody(db, body);
  return body;
}

// Institutions are shared by every body: one already registered under the
// same acronym is the same institution.
async function ensureInstitutions(db: Db): Promise<Map<string, string>> {
  const known = await institutionIdsByAcronym(db, INSTITUTIONS.map((i) => i.acronym));
  for (const institution of INSTITUTIONS) {
    if (known.has(institution.acronym.toLowerCase())) continue;
    await insertInstitution(db, { id: randomUUID(), ...institution });
  }
  const ids = await institutionIdsByAcronym(db, INSTITUTIONS.map((i) => i.acronym));
  return new Map(INSTITUTIONS.map((i) => [i.acronym, required(ids, i.acronym.toLowerCase(), 'la institución')]));
}

async function ensureSessions(db: Db, bodyId: string, seedId: SeedIds): Promise<Map<number, Session>> {
  const existing = new Map((await sessionsOfBody(db, bodyId)).map((s) => [`${s.kind}:${s.number}`, s]));
  const sessions = new Map<number, Session>();
  for (const s of SESSIONS) {
    let session = existing.get(`${s.kind}:${s.number}`);
    if (!session) {
      session = { id: seedId(`session:${s.kind}:${s.number}`), bodyId, ...s, label: sessionLabel(s.kind, s.number) };
      await insertSession(db, session);
    }
    sessions.set(s.number, session);
  }
  return sessions;
}

async function ensureMilestones(db: Db, bodyId: string, seedId: SeedIds): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of MILESTONES) {
    const id = seedId(`milestone:${m.name}`);
    if (!(await findMilestone(db, id))) await insertMilestone(db, { id, bodyId, name: m.name, occurredOn: null });
    ids.set(m.name, id);
  }
  return ids;
}

function deadlineOf(agreement: SeedAgreement, milestoneIds: ReadonlyMap<string, string>): DeadlineRule {
  const parsed = parseCompactDeadline(agreement.deadline);
  if (!parsed.ok) throw new Error(`plazo del acuerdo ${agreement.seq}: ${parsed.message}`);
  if ('rule' in parsed.value) return parsed.value.rule;
  const milestoneId = milestoneIds.get(parsed.value.milestoneName);
  if (!milestoneId) throw new Error(`hito desconocido en el acuerdo ${agreement.seq}: ${parsed.value.milestoneName}`);
  return parsed.value.anchoredOn(milestoneId);
}

// One command of the follow-up, at an instant of its day.
interface Action {
  at: string;
  type: RequestedCommandType;
  data: unknown;
  send(temporal: Client, address: CommandAddress): Promise<unknown>;
}

function action<T extends RequestedCommandType>(at: string, type: T, data: CommandData<T>, actor: Actor): Action {
  return { at, type, data, send: (temporal, address) => sendCommand(temporal, address, type, { data, actor, occurredAt: at }) };
}

// The steps of an agreement as commands in the order they happened: each
// evidence is submitted at 10:00 and reviewed at 13:00 of its days.
function actionsOf(agreement: SeedAgreement, agreementId: string, institutionIds: ReadonlyMap<string, string>, timezone: string): Action[] {
  const at = (day: LocalDate, time: string) => zonedInstant(day, time, timezone);
  const actions = agreement.steps.flatMap((step: SeedStep, index): Action[] => {
    if ('fulfilled' in step) return [action(at(step.fulfilled, '13:00'), 'FulfilAgreement', { justification: step.justification }, secretariat)];
    // The agreement's id already names its body.
    const evidenceId = idempotentId('acuerdos-demo-seed', `evidence:${agreementId}:${index}`);
    const institutionId = required(institutionIds, step.evidence, 'la institución');
    const submit = action(
      at(step.on, '10:00'),
      'SubmitEvidence',
      { evidenceId, institutionId, description: step.description, links: step.links ?? [], files: [], public: step.public ?? false },
      institutionActor(step.evidence),
    );
    const review = step.accepted
      ? { on: step.accepted, decision: 'accepted' as const, comment: null }
      : step.rejected
        ? { on: step.rejected.on, decision: 'rejected' as const, comment: step.rejected.comment }
        : undefined;
    if (!review) return [submit];
    return [submit, action(at(review.on, '13:00'), 'ReviewEvidence', { evidenceId, decision: review.decision, comment: review.comment }, secretariat)];
  });
  return actions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

async function send(temporal: Client, agreementId: string, step: Action, key: string): Promise<void> {
  await step.send(temporal, commandAddress(agreementId, 'demo-seed', step.type, step.data, key));
}

// Loads the SNIMH demo (Annex I of its 2020 report) through the same paths as
// the API: reference data into its tables, every agreement registered by its
// workflow (folios 34–55 in order on a fresh database), milestones recorded
// and sent to the agreements anchored on them, evidence and reviews as
// commands dated in the past. Safe to run again: it completes what is
// missing and records nothing twice. Needs a worker on `taskQueue`.
export async function seedDemo({ db, temporal, taskQueue }: AppContext): Promise<SeedReport> {
  const body = await ensureBody(db);
  const seedId = seedIdsOf(body.id);
  const institutionIds = await ensureInstitutions(db);
  await ensureDemoUsers(db, body.id, institutionIds);
  const sessions = await ensureSessions(db, body.id, seedId);
  const milestoneIds = await ensureMilestones(db, body.id, seedId);

  const agreementIds = new Map<number, string>();
  for (const agreement of AGREEMENTS) {
    const session = sessions.get(agreement.session);
    if (!session) throw new Error(`sesión ${agreement.session} sin registrar`);
    const agreementId = seedId(`agreement:${agreement.seq}`);
    agreementIds.set(agreement.seq, agreementId);
    if (await findAgreementRow(db, agreementId)) continue;
    await registerAgreement(
      temporal,
      taskQueue,
      {
        agreementId,
        session,
        text: agreement.text,
        themes: ['igualdad'],
        responsibleInstitutionIds: agreement.responsibles.map((acronym) => required(institutionIds, acronym, 'la institución')),
        deadline: deadlineOf(agreement, milestoneIds),
        actor: secretariat,
      },
      agreementId,
    );
  }

  // After the registrations, so each agreement learns its milestone's day
  // when it happened, not at its adoption.
  for (const m of MILESTONES) {
    const milestoneId = required(milestoneIds, m.name, 'el hito');
    await markMilestoneOccurred(db, milestoneId, m.occurredOn);
    for (const agreement of AGREEMENTS.filter((a) => a.deadline.includes(`@milestone:${m.name}`))) {
      const agreementId = required(agreementIds, agreement.seq, 'el acuerdo');
      const resolve = action(zonedInstant(m.occurredOn, '09:00', body.settings.timezone), 'ResolveMilestone', { milestoneId, date: m.occurredOn }, secretariat);
      await send(temporal, agreementId, resolve, `milestone:${milestoneId}`);
    }
  }

  for (const agreement of AGREEMENTS) {
    const agreementId = required(agreementIds, agreement.seq, 'el acuerdo');
    const actions = actionsOf(agreement, agreementId, institutionIds, body.settings.timezone);
    for (const [index, step] of actions.entries()) await send(temporal, agreementId, step, `step:${index}`);
  }
  return { bodyId: body.id, agreements: AGREEMENTS.length };
}
