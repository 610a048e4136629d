import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Agreement } from '../domain/agreement/index.js';
import type { AgreementStatus, InstitutionState } from '../domain/agreement/status.js';
import type { DashboardAgreement } from '../domain/dashboard.js';
import type { LocalDate } from '../domain/dates.js';
import type { LightCondition } from '../domain/light-filter.js';
import type { Db } from './connection.js';
import type { Database } from './tables.js';

// Lists of agreements read from the read model, in folio order: by body, then
// by sequence number, which is also the key of keyset pagination.
export interface FolioKey {
  bodyId: string;
  seq: number;
}

export interface AgreementListFilter {
  bodyIds: readonly string[];
  // Only agreements where this institution is responsible.
  responsibleInstitutionId?: string | undefined;
  sessionId?: string | undefined;
  status?: AgreementStatus | undefined;
  // Words of the agreement text, as a person types them into a search box.
  q?: string | undefined;
  // Per body, the light conditions of which one must hold on that body's
  // reference day; absent: any light.
  lights?: ReadonlyMap<string, readonly LightCondition[]> | undefined;
  // Only agreements after this one.
  after?: FolioKey | undefined;
}

type AgreementsEb = ExpressionBuilder<Database, 'agreements'>;

function lightExpression(eb: AgreementsEb, bodyId: string, condition: LightCondition): Expression<SqlBool> {
  const parts = [eb('body_id', '=', bodyId), eb('status', '=', condition.status)];
  const { due } = condition;
  if (due === 'none') parts.push(eb('due_date', 'is', null));
  else if (due !== 'any') {
    if (due.from !== null) parts.push(eb('due_date', '>=', due.from));
    if (due.to !== null) parts.push(eb('due_date', '<=', due.to));
    if (due.from === null && due.to === null) parts.push(eb('due_date', 'is not', null));
  }
  return eb.and(parts);
}

// The text search configuration of migration 0004 (Spanish, accents ignored);
// the expression is the one the GIN index is built on.
function matchesText(q: string) {
  return sql<SqlBool>`to_tsvector('acuerdos_es'::regconfig, agreements.text) @@ websearch_to_tsquery('acuerdos_es'::regconfig, ${q})`;
}

function filtered(db: Db, filter: AgreementListFilter) {
  const { responsibleInstitutionId, sessionId, status, q, lights, after } = filter;
  let query = db.selectFrom('agreements').where('body_id', 'in', filter.bodyIds);
  if (responsibleInstitutionId !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('agreement_responsibles as r')
          .select(sql.lit(1).as('one'))
          .whereRef('r.agreement_id', '=', 'agreements.id')
          .where('r.institution_id', '=', responsibleInstitutionId),
      ),
    );
  }
  if (sessionId !== undefined) query = query.where('session_id', '=', sessionId);
  if (status !== undefined) query = query.where('status', '=', status);
  if (q !== undefined) query = query.where(matchesText(q));
  if (lights !== undefined) {
    query = query.where((eb) => eb.or([...lights].flatMap(([bodyId, conditions]) => conditions.map((c) => lightExpression(eb, bodyId, c)))));
  }
  if (after !== undefined) query = query.where((eb) => eb(eb.refTuple('body_id', 'seq'), '>', eb.tuple(after.bodyId, after.seq)));
  return query.orderBy('body_id').orderBy('seq');
}

// Up to `limit` agreements as they stand now, in folio order.
export async function listAgreements(db: Db, filter: AgreementListFilter, limit: number): Promise<{ bodyId: string; seq: number; state: Agreement; version: number }[]> {
  if (filter.bodyIds.length === 0) return [];
  const rows = await filtered(db, filter).select(['body_id', 'seq', 'state', 'version']).limit(limit).execute();
  return rows.map((row) => ({ bodyId: row.body_id, seq: row.seq, state: row.state, version: row.version }));
}

// Up to `limit` agreements in folio order with their current status and due
// date, for lists that check them against another state (as of a past day).
// The filter's status and lights would select on the current state: not given.
export async function listAgreementKeys(
  db: Db,
  filter: Omit<AgreementListFilter, 'status' | 'lights'>,
  limit: number,
): Promise<(FolioKey & { id: string; status: AgreementStatus; dueDate: LocalDate | null })[]> {
  if (filter.bodyIds.length === 0) return [];
  const rows = await filtered(db, filter).select(['id', 'body_id', 'seq', 'status', 'due_date']).limit(limit).execute();
  return rows.map((row) => ({ id: row.id, bodyId: row.body_id, seq: row.seq, status: row.status, dueDate: row.due_date }));
}

// The bodies where an institution is responsible for at least one agreement.
export async function bodiesOfInstitution(db: Db, institutionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agreements')
    .innerJoin('agreement_responsibles as r', 'r.agreement_id', 'agreements.id')
    .where('r.institution_id', '=', institutionId)
    .select('agreements.body_id')
    .distinct()
    .execute();
  return rows.map((row) => row.body_id);
}

// Every agreement of a body with what the dashboard counts, from the columns
// of the read model (not its state documents), so it stays cheap for
// thousands of agreements.
export async function dashboardAgreements(db: Db, bodyId: string): Promise<(DashboardAgreement & { id: string })[]> {
  const [agreements, responsibles] = await Promise.all([
    db.selectFrom('agreements').select(['id', 'seq', 'status', 'due_date']).where('body_id', '=', bodyId).execute(),
    db
      .selectFrom('agreement_responsibles as r')
      .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
      .where('a.body_id', '=', bodyId)
      .select(['r.agreement_id', 'r.institution_id', 'r.state'])
      .execute(),
  ]);
  const byAgreement = new Map<string, { institutionId: string; state: InstitutionState }[]>();
  for (const r of responsibles) {
    const list = byAgreement.get(r.agreement_id) ?? [];
    list.push({ institutionId: r.institution_id, state: r.state });
    byAgreement.set(r.agreement_id, list);
  }
  return agreements.map((a) => ({
    id: a.id,
    seq: a.seq,
    status: a.status,
    dueDate: a.due_date,
    responsibles: byAgreement.get(a.id) ?? [],
  }));
}

// The current state documents of some agreements, in no particular order.
export async function agreementStates(db: Db, ids: readonly string[]): Promise<{ state: Agreement; version: number }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('agreements').select(['state', 'version']).where('id', 'in', ids).execute();
  return rows.map((row) => ({ state: row.state, version: row.version }));
}
