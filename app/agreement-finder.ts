import { changedSince, endOfDay, foldAsOf, type AgreementAsOf } from '../db/agreement-history.js';
import { agreementStates, listAgreementKeys, listAgreements, type AgreementListFilter, type FolioKey } from '../db/agreement-queries.js';
import type { Body } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import type { Agreement } from '../domain/agreement/index.js';
import type { LocalDate } from '../domain/dates.js';
import { meetsCondition } from '../domain/light-filter.js';

// The agreements of some bodies that meet a list's filter, in folio order, up
// to one more than a page (so the caller knows whether a next page exists):
// as they stand now, or as they stood at the end of `asOf`. Shared by the
// private list and the public one.

export interface FoundAgreement {
  key: FolioKey;
  body: Body;
  state: Agreement;
  version: number;
}

// Agreements scanned per query when the light must be read from the state as
// of a past day rather than from the read model's columns.
const AS_OF_BATCH = 500;

export async function findAgreements(
  db: Db,
  bodies: ReadonlyMap<string, Body>,
  filter: AgreementListFilter,
  asOf: LocalDate | undefined,
  limit: number,
): Promise<FoundAgreement[]> {
  return asOf === undefined ? listNow(db, bodies, filter, limit) : listAsOf(db, bodies, filter, asOf, limit);
}

// Lists of the present: the read model's columns answer every filter, so
// the database pages them.
async function listNow(db: Db, bodies: ReadonlyMap<string, Body>, filter: AgreementListFilter, limit: number): Promise<FoundAgreement[]> {
  const rows = await listAgreements(db, filter, limit + 1);
  return rows.flatMap((row) => {
    const body = bodies.get(row.bodyId);
    return body ? [{ key: { bodyId: row.bodyId, seq: row.seq }, body, state: row.state, version: row.version }] : [];
  });
}

// Lists of a past day: an agreement that changed after it is folded as of
// that day, the others stood then as the read model has them now. Candidates
// are read in folio order and checked here until one more than a page is
// found. Text, session and responsibles never change, so the database still
// filters by them.
async function listAsOf(db: Db, bodies: ReadonlyMap<string, Body>, filter: AgreementListFilter, asOf: LocalDate, limit: number): Promise<FoundAgreement[]> {
  const pastByBody = new Map<string, { changed: Set<string>; folded: Map<string, AgreementAsOf> }>();
  const pastOf = async (body: Body) => {
    let past = pastByBody.get(body.id);
    if (!past) {
      const cutoff = endOfDay(asOf, body.settings.timezone);
      const changed = await changedSince(db, { bodyId: body.id }, cutoff);
      past = { changed, folded: new Map((await foldAsOf(db, [...changed], cutoff)).map((p) => [p.state.agreementId, p])) };
      pastByBody.set(body.id, past);
    }
    return past;
  };
  const { status, lights, ...stable } = filter;
  const matches: { key: FolioKey; id: string; body: Body; folded: AgreementAsOf | undefined }[] = [];
  let after = filter.after;
  scan: for (;;) {
    const candidates = await listAgreementKeys(db, { ...stable, after }, AS_OF_BATCH);
    for (const candidate of candidates) {
      const body = bodies.get(candidate.bodyId);
      if (!body) continue;
      const past = await pastOf(body);
      const folded = past.folded.get(candidate.id);
      if (past.changed.has(candidate.id) && !folded) continue;
      const then = folded?.state ?? candidate;
      if (status !== undefined && then.status !== status) continue;
      if (lights && !(lights.get(candidate.bodyId) ?? []).some((condition) => meetsCondition(then, condition))) continue;
      matches.push({ key: candidate, id: candidate.id, body, folded });
      if (matches.length > limit) break scan;
    }
    const last = candidates.at(-1);
    if (candidates.length < AS_OF_BATCH || !last) break;
    after = last;
  }
  const current = new Map((await agreementStates(db, matches.filter((m) => !m.folded).map((m) => m.id))).map((entry) => [entry.state.agreementId, entry]));
  return matches.flatMap(({ key, id, body, folded }) => {
    const entry = folded ?? current.get(id);
    return entry ? [{ key, body, state: entry.state, version: entry.version }] : [];
  });
}
