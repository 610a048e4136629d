import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementsAsOf } from '../../db/agreement-history.js';
import { findBody } from '../../db/bodies.js';
import { sessionsOfBody } from '../../db/session-lookups.js';
import type { Session } from '../../db/sessions.js';
import { ANNEX_COLUMNS, annexHeading, annexRows, type AnnexSession } from '../../domain/annex.js';
import { LocalDate } from '../../domain/dates.js';
import { SessionKind } from '../../domain/session-label.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { notFound } from '../../app/errors.js';
import { referenceDay } from '../reference-day.js';
import { annexCsv } from '../reports/annex-csv.js';
import { annexHtml } from '../reports/annex-html.js';
import { REPORT_HTML_CSP } from '../reports/html.js';
import { annexPdf } from '../reports/annex-pdf.js';
import { attachment } from '../reports/content-disposition.js';
import { AnnexAnswer } from '../responses/annex.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';

const AnnexQuery = z.strictObject({
  bodyId: z.uuid(),
  asOf: LocalDate.optional(),
  format: z.enum(['json', 'csv', 'html', 'pdf']).default('json'),
});

const DESCRIPTION =
  'Anexo del informe anual (columnas del Anexo I: SESIÓN, NÚMERO DE ACUERDO, ACUERDO, ESTATUS DEL ACUERDO) en orden de folio, ' +
  'con el estatus de cada acuerdo al final del día `asOf` (por omisión, hoy en la zona del órgano). ' +
  '`format`: `json` (`columns` con las etiquetas y `rows`), `csv` (UTF-8 con BOM, RFC 4180, CRLF; las celdas que empiezan con = + - @ llevan un apóstrofo delante), ' +
  '`html` (página imprimible) o `pdf` (tabla horizontal, encabezado en cada página; los caracteres que las fuentes estándar del PDF no tienen, ' +
  'fuera de Windows-1252 como flechas, emojis o escritura CJK, se imprimen como «?»: el texto exacto está en los demás formatos). ' +
  'La celda SESIÓN escribe el ordinal como el Anexo I («Vigésima Primera»; «Primera Extraordinaria» para las otras clases de sesión).';

function annexSession(s: Session): AnnexSession {
  // The column is text; what it holds was validated on the way in.
  const kind = SessionKind.parse(s.kind);
  return s.number === null ? { kind, number: null, date: s.date } : { kind, number: s.number };
}

export function reportRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/reports/annex', { schema: { ...operation('Reportes', 'Anexo de seguimiento de acuerdos (JSON, CSV, HTML o PDF)'), querystring: AnnexQuery, description: DESCRIPTION, response: { 200: AnnexAnswer, ...errorAnswers(400, 401, 403, 404) } } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { bodyId, asOf, format } = request.query;
      assertBodyScope(caller, bodyId);
      const body = await findBody(db, bodyId);
      if (!body) throw notFound('El órgano colegiado');
      const day = referenceDay(body, asOf);
      const agreements = await agreementsAsOf(db, { bodyId }, day, body.settings.timezone);
      const sessions = new Map((await sessionsOfBody(db, bodyId)).map((s) => [s.id, annexSession(s)]));
      const rows = annexRows(
        agreements.map((a) => a.state),
        sessions,
      );
      const heading = annexHeading(body, day, rows);
      const filename = `anexo-acuerdos-${body.acronym}-${day}`;
      switch (format) {
        case 'json':
          return { bodyId, ...heading, asOf: day, columns: ANNEX_COLUMNS, rows };
        case 'csv':
          return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`${filename}.csv`)).send(annexCsv(rows));
        case 'html':
          return reply
            .type('text/html; charset=utf-8')
            .header('content-security-policy', REPORT_HTML_CSP)
            .header('content-disposition', attachment(`${filename}.html`, 'inline'))
            .send(annexHtml(heading, rows));
        case 'pdf':
          return reply.type('application/pdf').header('content-disposition', attachment(`${filename}.pdf`)).send(await annexPdf(heading, rows));
      }
    });
  };
}
