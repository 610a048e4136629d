import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody } from '../../db/bodies.js';
import { listParticipations } from '../../db/participations.js';
import { compareDates, LocalDate } from '../../domain/dates.js';
import { PARTICIPATION_REPORT_FIELDS, participationReportHeading, participationReportRows } from '../../domain/participation/index.js';
import type { AppDeps } from '../deps.js';
import { requireCaller } from '../auth.js';
import { notFound, validationFailed } from '../../app/errors.js';
import { staffBody } from '../participation-scope.js';
import { participationReportSources } from '../participation-view.js';
import { attachment } from '../reports/content-disposition.js';
import { REPORT_HTML_CSP } from '../reports/html.js';
import { participationCsv } from '../reports/participation-csv.js';
import { participationHtml } from '../reports/participation-html.js';
import { participationPdf } from '../reports/participation-pdf.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { ParticipationReportAnswer } from '../responses/participation.js';

const ReportQuery = z.strictObject({
  bodyId: z.uuid(),
  from: LocalDate.describe('Primer día del periodo (incluido).'),
  to: LocalDate.describe('Último día del periodo (incluido).'),
  format: z.enum(['json', 'csv', 'html', 'pdf']).default('json'),
});

const DESCRIPTION =
  'Informe del Mecanismo de participación de sociedad civil, academia y sector privado: una ficha por participación en las sesiones celebradas en el periodo, ' +
  'en orden de fecha de la sesión, con los campos del informe: ' +
  PARTICIPATION_REPORT_FIELDS.map((f) => `«${f.label}»`).join(', ') +
  '. Sin acuerdo, actividades o medios de verificación, el campo dice «N/A». Con acuerdo, las actividades y los medios de verificación incluyen sus evidencias aceptadas. ' +
  '`format`: `json`, `csv` (UTF-8 con BOM, RFC 4180, CRLF; las celdas que empiezan con = + - @ llevan un apóstrofo delante), `html` (página imprimible) o `pdf` ' +
  '(los caracteres fuera de Windows-1252 se imprimen como «?»).';

export function participationReportRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/participation',
      {
        schema: {
          ...operation('Reportes', 'Informe de participación de sociedad civil, academia y sector privado de un periodo'),
          description: DESCRIPTION,
          querystring: ReportQuery,
          response: { 200: ParticipationReportAnswer, ...errorAnswers(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        const { from, to, format } = request.query;
        if (compareDates(from, to) > 0) throw validationFailed([{ field: 'to', message: 'El periodo termina antes de empezar.' }]);
        const bodyId = staffBody(caller, request.query.bodyId);
        const body = await findBody(db, bodyId);
        if (!body) throw notFound('El órgano colegiado');
        const participations = await listParticipations(db, { bodyId, from, to });
        const rows = participationReportRows(await participationReportSources(db, bodyId, participations));
        const heading = participationReportHeading(body, from, to);
        const filename = `informe-participacion-${body.acronym}-${from}-${to}`;
        switch (format) {
          case 'json':
            return { bodyId, ...heading, from, to, fields: PARTICIPATION_REPORT_FIELDS, rows };
          case 'csv':
            return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`${filename}.csv`)).send(participationCsv(rows));
          case 'html':
            return reply
              .type('text/html; charset=utf-8')
              .header('content-security-policy', REPORT_HTML_CSP)
              .header('content-disposition', attachment(`${filename}.html`, 'inline'))
              .send(participationHtml(heading, rows));
          case 'pdf':
            return reply.type('application/pdf').header('content-disposition', attachment(`${filename}.pdf`)).send(await participationPdf(heading, rows));
        }
      },
    );
  };
}
