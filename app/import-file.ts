import { milestonesOfBody } from '../db/milestones.js';
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { acronymsOf, findAgreementRow } from '../db/agreements.js';
import type { Body } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import { canonicalJson } from '../db/hash-chain.js';
import { institutionIdsByAcronym, milestonesByName } from '../db/reference-lookups.js';
import { sessionsOfBody } from '../db/session-lookups.js';
import { findSession, insertSession, type Session } from '../db/sessions.js';
import type { Actor } from '../domain/agreement/index.js';
import { businessCalendar } from '../domain/calendar.js';
import { formatDmy, LocalDate, localDateOf } from '../domain/dates.js';
import { DeadlineRule, evaluateDeadline } from '../domain/deadline.js';
import { disagreesWithText, suggestDeadline } from '../domain/deadline-suggestion.js';
import { parseImportRows, type ImportRow, type RowError, type SessionRef } from '../domain/import-row.js';
import { notYetHeld } from '../domain/session-held.js';
import { sessionLabel, SessionKind } from '../domain/session-label.js';
import { idempotentId } from './idempotency.js';
import { registerAgreement } from './registration.js';

// A CSV import of agreements (README, "Import"), whichever way it runs: the
// synchronous route, its dry run, or the durable job of POST /imports. The
// file is checked whole against the body first; only a file without errors is
// registered, row by row in file order.

// The file as records, or where it stops being CSV.
function readCsv(text: string): { records: string[][] } | { error: RowError } {
  try {
    return { records: parse(text, { bom: true, relax_column_count: true }) as string[][] };
  } catch (error) {
    const records = typeof error === 'object' && error !== null && 'records' in error && typeof error.records === 'number' ? error.records : 0;
    return { error: { row: records + 1, message: 'El CSV está mal formado a partir de esta fila: revise las comillas (un campo entre comillas debe cerrarlas, y las comillas dentro de él se escriben dobles "").' } };
  }
}

// A row checked against the body, as the import registers it: serializable,
// so a durable job keeps it in the database (import_rows.item).
const SessionToCreate = z.object({ kind: SessionKind, number: z.number().int().nullable(), date: LocalDate, create: z.literal(true) });
const ExistingSession = z.object({ id: z.uuid(), bodyId: z.uuid(), kind: z.string(), number: z.number().int().nullable(), date: LocalDate, label: z.string() });
export const ImportItem = z.object({
  row: z.number().int(),
  agreementId: z.uuid(),
  session: z.union([SessionToCreate, ExistingSession]),
  text: z.string(),
  themes: z.array(z.string()),
  responsibleInstitutionIds: z.array(z.uuid()),
  deadline: DeadlineRule,
});
export type ImportItem = z.infer<typeof ImportItem>;

type Resolved = Omit<ImportItem, 'agreementId'>;

// The references of every row looked up in the body: sessions, institutions,
// milestones. Sessions named by kind and number that the body lacks are
// created by the import, once, with the date the rows agree on.
async function resolveRows(db: Db, body: Body, rows: readonly ImportRow[]): Promise<{ resolved: Resolved[]; errors: RowError[]; milestoneDates: Record<string, LocalDate | undefined> }> {
  const errors: RowError[] = [];
  const today = localDateOf(new Date().toISOString(), body.settings.timezone);
  const existing = await sessionsOfBody(db, body.id);
  const byKey = new Map(existing.map((s) => [sessionKey(s), s]));
  const byId = new Map(existing.map((s) => [s.id, s]));
  const institutions = await institutionIdsByAcronym(db, rows.flatMap((r) => r.responsibles));
  const milestones = await milestonesByName(db, body.id, rows.flatMap((r) => ('milestoneName' in r.deadline ? [r.deadline.milestoneName] : [])));
  const newSessions = new Map<string, { date: string; row: number }>();

  const sessionOf = (ref: SessionRef, row: number): Resolved['session'] | string => {
    if ('id' in ref) return byId.get(ref.id) ?? `La sesión ${ref.id} no existe en este órgano colegiado.`;
    const key = sessionKey(ref);
    const known = byKey.get(key);
    const label = sessionLabel(ref.kind, ref.number);
    if (known) return known.date === ref.date ? known : `La ${label} ya está registrada con fecha ${formatDmy(known.date)}, no ${formatDmy(ref.date)}.`;
    const first = newSessions.get(key);
    if (first && first.date !== ref.date) return `La ${label} tiene fecha ${formatDmy(first.date)} en la fila ${first.row} y ${formatDmy(ref.date)} en esta.`;
    if (!first) newSessions.set(key, { date: ref.date, row });
    return { ...ref, create: true };
  };

  const resolved: Resolved[] = [];
  for (const row of rows) {
    const problems: string[] = [];
    const session = sessionOf(row.session, row.row);
    if (typeof session === 'string') problems.push(session);
    else {
      const early = notYetHeld(session.date, today);
      if (early) problems.push(early);
    }
    const unknown = row.responsibles.filter((acronym) => !institutions.has(acronym.toLowerCase()));
    if (unknown.length > 0) problems.push(`Instituciones desconocidas: ${unknown.join(', ')}. Regístrelas antes (POST /api/institutions) o corrija las siglas.`);
    let deadline: DeadlineRule | undefined;
    if ('rule' in row.deadline) deadline = row.deadline.rule;
    else {
      const milestone = milestones.get(row.deadline.milestoneName.toLowerCase());
      if (milestone) deadline = row.deadline.anchoredOn(milestone.id);
      else problems.push(`El hito "${row.deadline.milestoneName}" no existe en este órgano colegiado; regístrelo antes (POST /api/milestones).`);
    }
    if (problems.length > 0 || typeof session === 'string' || !deadline) {
      errors.push(...problems.map((message) => ({ row: row.row, message })));
      continue;
    }
    const responsibleInstitutionIds = [...new Set(row.responsibles.map((acronym) => institutions.get(acronym.toLowerCase()) ?? ''))];
    resolved.push({ row: row.row, session, text: row.text, themes: row.themes, responsibleInstitutionIds, deadline });
  }
  const milestoneDates = Object.fromEntries([...milestones.values()].map((m) => [m.id, m.occurredOn ?? undefined]));
  return { resolved, errors, milestoneDates };
}

// What identifies a session in a body: its kind and number or, for a
// permanent session without number, its date.
function sessionKey(session: { kind: string; number: number | null; date: LocalDate }): string {
  return session.number === null ? `${session.kind}@${session.date}` : `${session.kind}:${session.number}`;
}

// A session the import creates gets an id named after the body and what
// identifies it, so a retried import finds the one the first attempt created.
export async function ensureSession(db: Db, bodyId: string, wanted: Resolved['session'], created: Map<string, Session>): Promise<Session> {
  if (!('create' in wanted)) return wanted;
  const key = sessionKey(wanted);
  const done = created.get(key);
  if (done) return done;
  const session: Session = {
    id: idempotentId(`import-session:${bodyId}`, key),
    bodyId,
    kind: wanted.kind,
    number: wanted.number,
    date: wanted.date,
    label: sessionLabel(wanted.kind, wanted.number),
  };
  try {
    await insertSession(db, session);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const stored = (await findSession(db, session.id)) ?? (await sessionsOfBody(db, bodyId)).find((s) => sessionKey(s) === key);
  if (!stored) throw new Error(`la sesión ${key} no quedó registrada`);
  created.set(key, stored);
  return stored;
}

export function refused(errors: RowError[]) {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const message = `La importación tiene ${sorted.length === 1 ? 'un error' : `${sorted.length} errores`}; no se registró nada.`;
  return { created: 0, errors: sorted, error: { code: 'VALIDATION_FAILED', message, details: sorted } };
}


export type CheckedFile = { errors: RowError[] } | { items: ImportItem[]; milestoneDates: Record<string, LocalDate | undefined> };

// Every row of the file checked and looked up in the body. The agreements'
// ids are named after the body and the rows' content (not the bytes: a BOM or
// line ends changed by an editor still name the same agreements), so sending
// the same file again, by either route, completes it without duplicates.
export async function checkImportFile(db: Db, body: Body, text: string): Promise<CheckedFile> {
  const csv = readCsv(text);
  if ('error' in csv) return { errors: [csv.error] };
  const parsed = parseImportRows(csv.records);
  const { resolved, errors, milestoneDates } = await resolveRows(db, body, parsed.rows);
  const allErrors = [...parsed.errors, ...errors].sort((a, b) => a.row - b.row);
  if (allErrors.length > 0) return { errors: allErrors };
  const digest = createHash('sha256').update(canonicalJson({ bodyId: body.id, records: csv.records })).digest('hex');
  return { items: resolved.map((item) => ({ ...item, agreementId: idempotentId(`import:${body.id}:${digest}`, String(item.row)) })), milestoneDates };
}

// What the dry run shows of a row: the session it goes to (id null: the
// import creates it), its institutions, and its due date as registering it
// would compute it today.
export async function previewItems(db: Db, body: Body, items: readonly ImportItem[], milestoneDates: Record<string, LocalDate | undefined>) {
  const calendar = businessCalendar(body.settings.nonWorkingDays);
  const milestones = await milestonesOfBody(db, body.id);
  const acronyms = await acronymsOf(db, [...new Set(items.flatMap((item) => item.responsibleInstitutionIds))]);
  return items.map((item) => {
    const session = 'create' in item.session ? { id: null, label: sessionLabel(item.session.kind, item.session.number), date: item.session.date } : { id: item.session.id, label: item.session.label, date: item.session.date };
    const due = evaluateDeadline(item.deadline, { adoptedOn: item.session.date, calendar, milestoneDates });
    // What the text itself states, so the review can mark a deadline column that contradicts it.
    const stated = suggestDeadline(item.text, { adoptedOn: item.session.date, milestones });
    return {
      row: item.row,
      session,
      text: item.text,
      responsibles: item.responsibleInstitutionIds.map((institutionId) => ({ institutionId, acronym: acronyms.get(institutionId) ?? '' })),
      dueDate: due.dueDate,
      dueDateExplanation: due.explanation,
      textDeadline: stated,
      disagreesWithText: disagreesWithText(item.deadline, stated),
    };
  });
}

// Registers one checked row (again: its agreement id makes a repeat record
// nothing new) and gives its folio. `sessions` remembers the sessions created.
export async function registerItem(
  deps: { db: Db; temporal: Client; taskQueue: string },
  bodyId: string,
  item: ImportItem,
  actor: Actor,
  sessions: Map<string, Session>,
): Promise<{ row: number; id: string; folio: string }> {
  const session = await ensureSession(deps.db, bodyId, item.session, sessions);
  await registerAgreement(
    deps.temporal,
    deps.taskQueue,
    { agreementId: item.agreementId, session, text: item.text, themes: item.themes, responsibleInstitutionIds: item.responsibleInstitutionIds, deadline: item.deadline, actor },
    undefined,
  );
  const stored = await findAgreementRow(deps.db, item.agreementId);
  if (!stored) throw new Error(`el acuerdo ${item.agreementId} no quedó registrado`);
  return { row: item.row, id: item.agreementId, folio: stored.folio };
}
