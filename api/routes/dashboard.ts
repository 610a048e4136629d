import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementsAsOf } from '../../db/agreement-history.js';
import { agreementStates, dashboardAgreements } from '../../db/agreement-queries.js';
import { acronymsOf } from '../../db/agreements.js';
import { findBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import type { Agreement } from '../../domain/agreement/index.js';
import { businessCalendar } from '../../domain/calendar.js';
import { summarizeDashboard, type Dashboard, type InstitutionCompliance, type ReferenceDay } from '../../domain/dashboard.js';
import { LocalDate } from '../../domain/dates.js';
import { agreementViews } from '../agreement-view.js';
import type { AppDeps } from '../app.js';
import { assertBodyScope, requireCaller } from '../auth.js';
import { notFound } from '../errors.js';
import { referenceDay } from '../reference-day.js';

const DashboardQuery = z.strictObject({ bodyId: z.uuid(), asOf: LocalDate.optional() });

const DESCRIPTION =
  'Tablero de un órgano en el día de referencia (hoy en su zona, o `asOf`, con el estado al final de ese día). ' +
  '`totals`: acuerdos por estatus y `vencidos` (en proceso con fecha límite anterior al día). ' +
  '`byInstitution`, por institución responsable y sin contar acuerdos cancelados: `cumplidos` = acuerdos donde su parte está cumplida ' +
  '(su estado es cumplido o el acuerdo entero lo está), `enProceso` = acuerdos en proceso donde aún debe su parte, ' +
  '`vencidos` = de esos, los vencidos; `complianceRate` = cumplidos / (enProceso + cumplidos), entre 0 y 1, o null si no tiene acuerdos vigentes. ' +
  '`overdue`: los acuerdos vencidos, de más a menos días hábiles de atraso y luego por folio.';

type Entry = { state: Agreement; version: number };

// The dashboard of the present, from the read model's columns; only the
// overdue agreements, which it shows whole, are read as documents.
async function dashboardNow(db: Db, bodyId: string, day: ReferenceDay): Promise<Dashboard<Entry>> {
  const summary = summarizeDashboard(await dashboardAgreements(db, bodyId), day);
  const states = new Map((await agreementStates(db, summary.overdue.map((o) => o.agreement.id))).map((s) => [s.state.agreementId, s]));
  return {
    ...summary,
    overdue: summary.overdue.flatMap(({ agreement, daysOverdue }) => {
      const entry = states.get(agreement.id);
      return entry ? [{ agreement: entry, daysOverdue }] : [];
    }),
  };
}

async function dashboardAsOf(db: Db, body: Body, asOf: LocalDate, day: ReferenceDay): Promise<Dashboard<Entry>> {
  const past = await agreementsAsOf(db, { bodyId: body.id }, asOf, body.settings.timezone);
  const summary = summarizeDashboard(
    past.map((entry) => ({ ...entry, seq: entry.state.seq, status: entry.state.status, dueDate: entry.state.dueDate, responsibles: entry.state.responsibles })),
    day,
  );
  return { ...summary, overdue: summary.overdue.map(({ agreement, daysOverdue }) => ({ agreement: { state: agreement.state, version: agreement.version }, daysOverdue })) };
}

async function withAcronyms(db: Db, rows: InstitutionCompliance[]) {
  const acronyms = await acronymsOf(db, rows.map((row) => row.institutionId));
  return rows
    .map((row) => ({ institutionId: row.institutionId, acronym: acronyms.get(row.institutionId) ?? '', enProceso: row.enProceso, cumplidos: row.cumplidos, vencidos: row.vencidos, complianceRate: row.complianceRate }))
    .sort((a, b) => a.acronym.localeCompare(b.acronym, 'es'));
}

export function dashboardRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dashboard', { schema: { querystring: DashboardQuery, description: DESCRIPTION } }, async (request) => {
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
      const dashboard = asOf === undefined ? await dashboardNow(db, bodyId, day) : await dashboardAsOf(db, body, asOf, day);
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
