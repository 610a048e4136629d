import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { findAgreementRow } from '../db/agreements.js';
import { findBody, type Body } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import { canonicalJson } from '../db/hash-chain.js';
import { institutionIdsByAcronym, milestonesByName } from '../db/reference-lookups.js';
import { sessionsOfBody } from '../db/session-lookups.js';
import { findSession, insertSession, type Session } from '../db/sessions.js';
import { formatDmy, localDateOf } from '../domain/dates.js';
import type { DeadlineRule } from '../domain/deadline.js';
import { parseImportRows, type ImportRow, type RowError, type SessionRef } from '../domain/import-row.js';
import { notYetHeld } from '../domain/session-held.js';
import { sessionLabel, type SessionKind } from '../domain/session-label.js';
import { assertBodyScope } from './access.js';
import type { AppContext } from './context.js';
import { notFound } from './errors.js';
import { idempotentId } from './idempotency.js';
import { actorOf, type Identity } from './principal.js';
import { registerAgreement } from './registration.js';

// The file as records, or where it stops being CSV.
function readCsv(text: string): { records: string[][] } | { error: RowError } {
  try {
    return { records: parse(text, { bom: true, relax_column_count: true }) as string[][] };
  } catch (error) {
    const records = typeof error === 'object' && error !== null && 'records' in error && typeof error.records === 'number' ? error.records : 0;
    return { error: { row: records + 1, message: 'El CSV está mal formado a partir de esta fila: revise las comillas (un campo entre comillas debe cerrarlas, y las comillas dentro de él se escriben dobles "").' } };
  }
}

interface Resolved {
  row: ImportRow;
  session: Session | { kind: SessionKind; number: number; date: string; create: true };
  responsibleInstitutionIds: string[];
  deadline: DeadlineRule;
}

// The references of every row looked up in the body: sessions, institutions,
// milestones. Sessions named by kind and number that the body lacks are
// created by the import, once, with the date the rows agree on.
async function resolveRows(db: Db, body: Body, rows: readonly ImportRow[]): Promise<{ resolved: Resolved[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const today = localDateOf(new Date().toISOString(), body.settings.timezone);
  const existing = await sessionsOfBody(db, body.id);
  const byNumber = new Map(existing.map((s) => [`${s.kind}:${s.number}`, s]));
  const byId = new Map(existing.map((s) => [s.id, s]));
  const institutions = await institutionIdsByAcronym(db, rows.flatMap((r) => r.responsibles));
  const milestones = await milestonesByName(db, body.id, rows.flatMap((r) => ('milestoneName' in r.deadline ? [r.deadline.milestoneName] : [])));
  const newSessions = new Map<string, { date: string; row: number }>();

  const sessionOf = (ref: SessionRef, row: number): Resolved['session'] | string => {
    if ('id' in ref) return byId.get(ref.id) ?? `La sesión ${ref.id} no existe en este órgano colegiado.`;
    const key = `${ref.kind}:${ref.number}`;
    const known = byNumber.get(key);
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
    resolved.push({ row, session, responsibleInstitutionIds, deadline });
  }
  return { resolved, errors };
}

// A session the import creates gets an id named after the body, kind and
// number, so a retried import finds the one the first attempt created.
async function ensureSession(db: Db, bodyId: string, wanted: Resolved['session'], created: Map<string, Session>): Promise<Session> {
  if (!('create' in wanted)) return wanted;
  const key = `${wanted.kind}:${wanted.number}`;
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
  const stored = (await findSession(db, session.id)) ?? (await sessionsOfBody(db, bodyId)).find((s) => `${s.kind}:${s.number}` === key);
  if (!stored) throw new Error(`la sesión ${key} no quedó registrada`);
  created.set(key, stored);
  return stored;
}

export interface ImportedAgreement {
  row: number;
  id: string;
  folio: string;
}

// Imports the agreements of a CSV file into a body, all or nothing: every row
// is checked first, and with any error nothing is recorded (the errors are the
// answer, by row). The agreements are named after the body and the rows'
// content, so importing the same file again (after a cut halfway, say)
// completes what was missing and duplicates nothing.
export async function importAgreements({ db, temporal, taskQueue }: AppContext, who: Identity, bodyId: string, csvText: string): Promise<{ errors: RowError[] } | { agreements: ImportedAgreement[] }> {
  assertBodyScope(who, bodyId);
  const body = await findBody(db, bodyId);
  if (!body) throw notFound('El órgano colegiado');

  const csv = readCsv(csvText);
  if ('error' in csv) return { errors: [csv.error] };
  const parsed = parseImportRows(csv.records);
  const { resolved, errors } = await resolveRows(db, body, parsed.rows);
  const allErrors = [...parsed.errors, ...errors];
  if (allErrors.length > 0) return { errors: allErrors };

  // Named after the body and the rows' content (not the bytes: a BOM or
  // line ends changed by an editor still name the same agreements).
  const digest = createHash('sha256')
    .update(canonicalJson({ bodyId, records: csv.records }))
    .digest('hex');
  const actor = actorOf(who.principal, who.tokenId);
  const sessions = new Map<string, Session>();
  const agreements: ImportedAgreement[] = [];
  // One after the other: folios follow the order of the file.
  for (const item of resolved) {
    const session = await ensureSession(db, bodyId, item.session, sessions);
    const agreementId = idempotentId(`import:${bodyId}:${digest}`, String(item.row.row));
    await registerAgreement(
      temporal,
      taskQueue,
      {
        agreementId,
        session,
        text: item.row.text,
        themes: item.row.themes,
        responsibleInstitutionIds: item.responsibleInstitutionIds,
        deadline: item.deadline,
        actor,
      },
      undefined,
    );
    const stored = await findAgreementRow(db, agreementId);
    if (!stored) throw new Error(`el acuerdo ${agreementId} no quedó registrado`);
    agreements.push({ row: item.row.row, id: agreementId, folio: stored.folio });
  }
  return { agreements };
}
