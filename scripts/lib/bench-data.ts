// Realistic follow-up histories for the benchmark: every event is decided by
// the domain decider from a command, exactly as the agreement workflow does,
// and appended through the event store with its projection, so the read paths
// meet the data they meet in production (hash chains, read model, as-of folds).
import { randomUUID } from 'node:crypto';
import { projectAgreement } from '../../db/agreement-projection.js';
import { insertBody } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { appendToStream, type NewEvent } from '../../db/event-store.js';
import { insertInstitution } from '../../db/institutions.js';
import { insertSession } from '../../db/sessions.js';
import { agreementStreamId, decide, evolve, initialState, type Actor, type AgreementCommand, type AgreementState } from '../../domain/agreement/index.js';
import { BodySettings } from '../../domain/body-settings.js';
import { addDays, daysBetween, localDateOf, zonedInstant, type LocalDate } from '../../domain/dates.js';
import type { DeadlineRule } from '../../domain/deadline.js';
import { formatFolio } from '../../domain/folio.js';
import { sessionLabel } from '../../domain/session-label.js';

export interface BenchDataOptions {
  agreements: number;
  eventsPerAgreement: number;
  institutions: number;
  sessions: number;
  // Agreements appended at the same time.
  concurrency: number;
  // What "now" is for the decider: nothing may occur after it.
  now: Date;
  log(line: string): void;
}

export interface BenchData {
  bodyId: string;
  institutionIds: string[];
}

const TZ = 'America/Mexico_City';
const WORDS = [
  'publicación', 'programa', 'igualdad', 'presupuesto', 'informe', 'protocolo', 'hostigamiento', 'capacitación',
  'lineamientos', 'reglas', 'seguimiento', 'evaluación', 'indicadores', 'dependencias', 'entidades', 'mujeres',
];

// A small deterministic generator, so two runs measure the same data.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

// A command before it is given its actor and instant.
type Step = AgreementCommand extends infer C ? (C extends AgreementCommand ? Omit<C, 'meta'> : never) : never;

interface Plan {
  deadline: DeadlineRule;
  responsibles: string[];
  // Follow-up commands after the adoption, in the order they happen.
  steps: Step[];
}

function planFor(rand: () => number, institutionIds: readonly string[]): Plan {
  const count = 1 + Math.floor(rand() * 3);
  const responsibles = [...new Set(Array.from({ length: count }, () => pick(rand, institutionIds)))];
  const r = rand();
  const deadline: DeadlineRule =
    r < 0.05 ? { type: 'none' } : r < 0.55 ? { type: 'business_days', days: 15 + Math.floor(rand() * 45), from: 'adoption' } : { type: 'months', months: 3 + Math.floor(rand() * 15), from: 'adoption' };
  const outcome = rand();
  const steps: Step[] = [];
  const evidence = (institutionId: string, decision: 'accepted' | 'rejected' | null) => {
        const evidenceId = randomUUID();
        steps.push({ type: 'SubmitEvidence', data: { evidenceId, institutionId, description: `Oficio con las acciones de ${pick(rand, WORDS)}.`, links: [], files: [], public: rand() < 0.3 } });
        if (decision) steps.push({ type: 'ReviewEvidence', data: { evidenceId, decision, comment: decision === 'rejected' ? 'Falta el anexo.' : null } });
      };
  if (outcome < 0.45) {
    // Fulfilled: every institution's evidence accepted, some after a rejection.
    for (const id of responsibles) {
      if (rand() < 0.3) evidence(id, 'rejected');
      evidence(id, 'accepted');
    }
  } else if (outcome < 0.5) {
    evidence(pick(rand, responsibles), null);
    steps.push({ type: 'CancelAgreement', data: { reason: 'Lo sustituye un acuerdo posterior.' } });
  } else if (outcome < 0.6) {
    steps.push({ type: 'ChangeDeadline', data: { deadline: { type: 'months', months: 12, from: 'adoption' }, reason: 'Prórroga solicitada por las dependencias.' } });
    evidence(pick(rand, responsibles), 'rejected');
  } else {
    // Still owed: some evidence under review, some not even sent.
    for (const id of responsibles) if (rand() < 0.5) evidence(id, rand() < 0.5 ? 'rejected' : null);
  }
  return { deadline, responsibles, steps };
}

// The events of one agreement, exactly `total` of them: the adoption, the
// follow-up steps that fit, and reminders sent while it was pending in between.
function historyOf(
  adoption: { agreementId: string; bodyId: string; sessionId: string; seq: number; sessionDate: LocalDate; text: string },
  plan: Plan,
  total: number,
  now: Date,
): NewEvent[] {
  const ctx = { now: now.toISOString(), timezone: TZ, nonWorkingDays: [] };
  const secretariat: Actor = { role: 'secretariat', id: 'bench-secretariat' };
  const system: Actor = { role: 'system', id: 'workflow' };
  const adoptedAt = zonedInstant(adoption.sessionDate, '00:00', TZ);
  // Spread the follow-up over the time since the session, at most 20 days apart.
  const available = daysBetween(adoption.sessionDate, localDateOf(now.toISOString(), TZ)) - 1;
  const spacing = Math.max(0, Math.min(20, Math.floor(available / (total + 1))));
  const at = (n: number) => zonedInstant(addDays(adoption.sessionDate, spacing * n), '13:00', TZ);

  const adopt: AgreementCommand = {
    type: 'AdoptAgreement',
    data: { ...adoption, folio: formatFolio(adoption.seq, adoption.sessionDate), themes: [], responsibleInstitutionIds: plan.responsibles, deadline: plan.deadline, adoptedOn: adoption.sessionDate },
    meta: { actor: secretariat, occurredAt: adoptedAt },
  };
  const run = (steps: readonly Step[], reminders: number) => {
    let state: AgreementState = initialState;
    const events: NewEvent[] = [];
    const commands: AgreementCommand[] = [
      adopt,
      ...Array.from({ length: reminders }, (_, i): AgreementCommand => ({ type: 'RecordReminderSent', data: { key: `recordatorio-${i}`, institutionIds: plan.responsibles }, meta: { actor: system, occurredAt: at(i + 1) } })),
      ...steps.map((step, i): AgreementCommand => {
        const actor: Actor = step.type === 'SubmitEvidence' ? { role: 'institution', id: step.data.institutionId } : secretariat;
        return { ...step, meta: { actor, occurredAt: at(reminders + i + 1) } };
      }),
    ];
    for (const command of commands) {
      for (const event of decide(command, state, ctx)) {
        events.push({ eventId: randomUUID(), type: event.type, data: event.data, occurredAt: event.occurredAt, actor: command.meta.actor });
        state = evolve(state, event);
      }
    }
    return events;
  };
  // Drop follow-up steps from the end until their events fit, then fill with reminders.
  let steps = plan.steps;
  while (run(steps, 0).length > total) steps = steps.slice(0, -1);
  return run(steps, total - run(steps, 0).length);
}

export async function createBenchData(db: Db, options: BenchDataOptions): Promise<BenchData> {
  const bodyId = randomUUID();
  await insertBody(db, { id: bodyId, name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres', acronym: 'SNIMH-BENCH', folioStart: 1, public: false, settings: BodySettings.parse({ timezone: TZ }) });
  const institutionIds: string[] = [];
  for (let i = 0; i < options.institutions; i += 1) {
    const id = randomUUID();
    await insertInstitution(db, { id, name: `Institución ${i + 1}`, acronym: `INST${String(i + 1).padStart(2, '0')}`, emails: [`enlace${i + 1}@gob.mx`], headEmails: [] });
    institutionIds.push(id);
  }
  // Sessions from 2019 to a month ago, in order; agreements follow them in folio order.
  const first = '2019-01-15';
  const span = daysBetween(first, localDateOf(options.now.toISOString(), TZ)) - 30;
  const sessions: { id: string; date: LocalDate }[] = [];
  for (let i = 0; i < options.sessions; i += 1) {
    const session = { id: randomUUID(), date: addDays(first, Math.floor((span * i) / Math.max(1, options.sessions - 1))) };
    await insertSession(db, { ...session, bodyId, kind: 'ordinaria', number: i + 1, label: sessionLabel('ordinaria', i + 1) });
    sessions.push(session);
  }

  const started = Date.now();
  let next = 0;
  const worker = async () => {
    for (let seq = ++next; seq <= options.agreements; seq = ++next) {
      const session = sessions[Math.floor(((seq - 1) * sessions.length) / options.agreements)];
      if (!session) throw new Error('no session');
      // One generator per agreement: the data does not depend on which append finishes first.
      const rand = random(seq);
      const agreementId = randomUUID();
      const text = `Las dependencias darán ${pick(rand, WORDS)} y ${pick(rand, WORDS)} de la ${pick(rand, WORDS)} (acuerdo ${seq}).`;
      const events = historyOf({ agreementId, bodyId, sessionId: session.id, seq, sessionDate: session.date, text }, planFor(rand, institutionIds), options.eventsPerAgreement, options.now);
      await appendToStream(db, { streamId: agreementStreamId(agreementId), expectedVersion: 0, events }, projectAgreement);
      if (seq % 1000 === 0) options.log(`${seq} acuerdos (${Math.round((seq * 1000) / (Date.now() - started))}/s)`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { bodyId, institutionIds };
}
