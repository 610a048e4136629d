import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { endOfDay, foldAsOf, type AgreementAsOf } from '../../db/agreement-history.js';
import { agreementStates } from '../../db/agreement-queries.js';
import { acronymsOf } from '../../db/agreements.js';
import { findBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { agreementsDueOn, dashboardCounts, institutionCompliance, overdueDueDates, trendCounts, type DashboardScope } from '../../db/dashboard-queries.js';
import { businessCalendar } from '../../domain/calendar.js';
import { mostOverdueDueDates, mostOverdueFirst, type InstitutionCompliance, type ReferenceDay } from '../../domain/dashboard.js';
import { LocalDate } from '../../domain/dates.js';
import { lightThresholds } from '../../domain/light-filter.js';
import { evaluateSemaforo } from '../../domain/semaforo.js';
import { TREND_MONTHS_DEFAULT, TREND_MONTHS_MAX, trendDays } from '../../domain/trend.js';
import { agreementViews } from '../agreement-view.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope } from '../../app/access.js';
import { requireCaller, type Caller } from '../auth.js';
import { notFound } from '../../app/errors.js';
import { referenceDay } from '../reference-day.js';
import { DashboardView, TrendView } from '../responses/dashboard.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';

const DashboardQuery = z.strictObject({ bodyId: z.uuid(), asOf: LocalDate.optional() });
const TrendQuery = z.strictObject({
  bodyId: z.uuid(),
  months: z.coerce.number().int().min(1).max(TREND_MONTHS_MAX).default(TREND_MONTHS_DEFAULT),
  asOf: LocalDate.optional(),
});

// The most overdue agreements the dashboard shows; the rest are in GET /agreements?overdue=true.
const OVERDUE_SHOWN = 20;

const DESCRIPTION =
  'Tablero de un órgano en el día de referencia (hoy en su zona, o `asOf`, con el estado al final de ese día). ' +
  '`totals`: acuerdos por estatus y `vencidos` (en proceso con fecha límite anterior al día). ' +
  '`bySemaforo`: los acuerdos en proceso por semáforo. ' +
  '`byInstitution`, por institución responsable y sin contar acuerdos cancelados: `cumplidos` = acuerdos donde su parte está cumplida ' +
  '(su estado es cumplido o el acuerdo entero lo está), `enProceso` = acuerdos en proceso donde aún debe su parte, ' +
  '`vencidos` = de esos, los vencidos; `complianceRate` = cumplidos / (enProceso + cumplidos), entre 0 y 1, o null si no tiene acuerdos vigentes. ' +
  `\`overdue\`: los ${OVERDUE_SHOWN} acuerdos más vencidos, de más a menos días hábiles de atraso y luego por folio; \`overdueCount\`: cuántos vencidos hay en total ` +
  '(la lista completa: `GET /api/agreements?overdue=true`).';

const TREND_DESCRIPTION =
  `Evolución mensual de los acuerdos de un órgano en los últimos \`months\` meses (${TREND_MONTHS_DEFAULT} por omisión, hasta ${TREND_MONTHS_MAX}), ` +
  'del más antiguo al más reciente, terminando en el mes del día de referencia (hoy en la zona del órgano, o `asOf`). ' +
  'Cada mes se lee con el estado al final de su último día en la zona del órgano (el mes del día de referencia, al final de ese día): ' +
  '`adopted` = acuerdos adoptados hasta ese día (cualquier estatus), `enProceso`, `cumplidos`, y `vencidos` (en proceso con fecha límite anterior a ese día). ' +
  'Los meses antes de que el órgano tuviera acuerdos cuentan ceros.';

async function bodyFor(db: Db, caller: Caller, bodyId: string): Promise<Body> {
  assertBodyScope(caller, bodyId);
  const body = await findBody(db, bodyId);
  if (!body) throw notFound('El órgano colegiado');
  return body;
}

// The overdue agreements the dashboard shows, whole, as they stood in the scope.
async function mostOverdue(db: Db, scope: DashboardScope, day: ReferenceDay): Promise<AgreementAsOf[]> {
  const thresholds = lightThresholds(day.today, day.calendar, day.warningBusinessDays);
  const dates = mostOverdueDueDates(await overdueDueDates(db, scope, thresholds), day, OVERDUE_SHOWN);
  const shown = (await agreementsDueOn(db, scope, dates))
    .map((row) => ({ agreement: row, daysOverdue: evaluateSemaforo({ status: 'en_proceso', dueDate: row.dueDate }, day.today, day.calendar, day.warningBusinessDays).daysOverdue }))
    .sort(mostOverdueFirst)
    .slice(0, OVERDUE_SHOWN)
    .map(({ agreement }) => agreement.id);
  const whole = scope.cutoff === null ? await agreementStates(db, shown) : await foldAsOf(db, shown, scope.cutoff);
  const byId = new Map(whole.map((entry) => [entry.state.agreementId, entry]));
  return shown.flatMap((id) => byId.get(id) ?? []);
}

async function withAcronyms(db: Db, rows: InstitutionCompliance[]) {
  const acronyms = await acronymsOf(db, rows.map((row) => row.institutionId));
  return rows
    .map((row) => ({ institutionId: row.institutionId, acronym: acronyms.get(row.institutionId) ?? '', enProceso: row.enProceso, cumplidos: row.cumplidos, vencidos: row.vencidos, complianceRate: row.complianceRate }))
    .sort((a, b) => a.acronym.localeCompare(b.acronym, 'es'));
}

export function dashboardRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dashboard', { schema: { ...operation('Reportes', 'Tablero de seguimiento de un órgano'), querystring: DashboardQuery, description: DESCRIPTION, response: { 200: DashboardView, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { bodyId, asOf } = request.query;
      const body = await bodyFor(db, caller, bodyId);
      const day: ReferenceDay = { today: referenceDay(body, asOf), calendar: businessCalendar(body.settings.nonWorkingDays), warningBusinessDays: body.settings.warningBusinessDays };
      const thresholds = lightThresholds(day.today, day.calendar, day.warningBusinessDays);
      const scope: DashboardScope = { bodyId, cutoff: asOf === undefined ? null : endOfDay(asOf, body.settings.timezone) };
      const [{ totals, bySemaforo }, byInstitution, overdue] = await Promise.all([
        dashboardCounts(db, scope, thresholds),
        institutionCompliance(db, scope, thresholds),
        mostOverdue(db, scope, day),
      ]);
      return {
        totals,
        bySemaforo,
        byInstitution: await withAcronyms(db, byInstitution),
        overdue: await agreementViews(db, overdue.map((entry) => ({ body, ...entry })), asOf),
        overdueCount: totals.vencidos,
      };
    });

    app.get('/dashboard/trend', { schema: { tags: ['Reportes'], summary: 'Evolución mensual de los acuerdos de un órgano', querystring: TrendQuery, description: TREND_DESCRIPTION, response: { 200: TrendView, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { bodyId, months, asOf } = request.query;
      const body = await bodyFor(db, caller, bodyId);
      const calendar = businessCalendar(body.settings.nonWorkingDays);
      const points = trendDays(referenceDay(body, asOf), months).map(({ month, day }) => ({
        month,
        cutoff: endOfDay(day, body.settings.timezone),
        overdueUntil: lightThresholds(day, calendar, body.settings.warningBusinessDays).overdueUntil,
      }));
      const counts = await trendCounts(db, bodyId, points);
      return points.map(({ month }, index) => ({ month, ...(counts[index] ?? { adopted: 0, enProceso: 0, cumplidos: 0, vencidos: 0 }) }));
    });
  };
}
