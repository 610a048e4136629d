import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changedSince, endOfDay, foldAsOf, type AgreementAsOf } from '../../db/agreement-history.js';
import { agreementStates, dashboardAgreements } from '../../db/agreement-queries.js';
import { acronymsOf } from '../../db/agreements.js';
import { findBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { businessCalendar } from '../../domain/calendar.js';
import { summarizeDashboard, type Dashboard, type DashboardAgreement, type InstitutionCompliance, type ReferenceDay } from '../../domain/dashboard.js';
import { LocalDate } from '../../domain/dates.js';
import { agreementViews } from '../agreement-view.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { notFound } from '../../app/errors.js';
import { referenceDay } from '../reference-day.js';
import { DashboardView } from '../responses/dashboard.js';
import { errorAnswers } from '../responses/error.js';

const DashboardQuery = z.strictObject({ bodyId: z.uuid(), asOf: LocalDate.optional() });

const DESCRIPTION =
  'Tablero de un órgano en el día de referencia (hoy en su zona, o `asOf`, con el estado al final de ese día). ' +
  '`totals`: acuerdos por estatus y `vencidos` (en proceso con fecha límite anterior al día). ' +
  '`byInstitution`, por institución responsable y sin contar acuerdos cancelados: `cumplidos` = acuerdos donde su parte está cumplida ' +
  '(su estado es cumplido o el acuerdo entero lo está), `enProceso` = acuerdos en proceso donde aún debe su parte, ' +
  '`vencidos` = de esos, los vencidos; `complianceRate` = cumplidos / (enProceso + cumplidos), entre 0 y 1, o null si no tiene acuerdos vigentes. ' +
  '`overdue`: los acuerdos vencidos, de más a menos días hábiles de atraso y luego por folio.';

// A dashboard row: the read model's columns, or, as of a day after which the
// agreement changed, its state folded as of that day.
type Entry = DashboardAgreement & { id: string; past: AgreementAsOf | undefined };

// The dashboard is counted from the read model's columns; as of a past day,
// only the agreements that changed after it are folded from their events.
// Only the overdue agreements, which it shows whole, are read as documents.
async function dashboardOf(db: Db, body: Body, day: ReferenceDay, asOf: LocalDate | undefined): Promise<Dashboard<AgreementAsOf>> {
  let entries: Entry[] = (await dashboardAgreements(db, body.id)).map((row) => ({ ...row, past: undefined }));
  if (asOf !== undefined) {
    const cutoff = endOfDay(asOf, body.settings.timezone);
    const changed = await changedSince(db, { bodyId: body.id }, cutoff);
    const folded = new Map((await foldAsOf(db, [...changed], cutoff)).map((past) => [past.state.agreementId, past]));
    entries = entries.flatMap((entry) => {
      if (!changed.has(entry.id)) return [entry];
      const past = folded.get(entry.id);
      return past ? [{ id: entry.id, seq: past.state.seq, status: past.state.status, dueDate: past.state.dueDate, responsibles: past.state.responsibles, past }] : [];
    });
  }
  const summary = summarizeDashboard(entries, day);
  const unchanged = summary.overdue.filter(({ agreement }) => !agreement.past).map(({ agreement }) => agreement.id);
  const current = new Map((await agreementStates(db, unchanged)).map((entry) => [entry.state.agreementId, entry]));
  return {
    ...summary,
    overdue: summary.overdue.flatMap(({ agreement, daysOverdue }) => {
      const whole = agreement.past ?? current.get(agreement.id);
      return whole ? [{ agreement: whole, daysOverdue }] : [];
    }),
  };
}

async function withAcronyms(db: Db, rows: InstitutionCompliance[]) {
  const acronyms = await acronymsOf(db, rows.map((row) => row.institutionId));
  return rows
    .map((row) => ({ institutionId: row.institutionId, acronym: acronyms.get(row.institutionId) ?? '', enProceso: row.enProceso, cumplidos: row.cumplidos, vencidos: row.vencidos, complianceRate: row.complianceRate }))
    .sort((a, b) => a.acronym.localeCompare(b.acronym, 'es'));
}

export function dashboardRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dashboard', { schema: { querystring: DashboardQuery, description: DESCRIPTION, response: { 200: DashboardView, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { bodyId, asOf } = request.query;
      assertBodyScope(caller, bodyId);
      const body = await findBody(db, bodyId);
      if (!body) throw notFound('El órgano colegiado');
      const day = {
        today: referenceDay(body, asOf),
        calendar: businessCalendar(body.settings.nonWorkingDays),
        warningBusinessDays: body.settings.warningBusinessDays,
      };
      const dashboard = await dashboardOf(db, body, day, asOf);
      return {
        totals: dashboard.totals,
        byInstitution: await withAcronyms(db, dashboard.byInstitution),
        overdue: await agreementViews(
          db,
          dashboard.overdue.map(({ agreement }) => ({ body, ...agreement })),
          asOf,
        ),
      };
    });
  };
}
