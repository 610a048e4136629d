import { z } from 'zod';
import { AgreementStatus } from '../../domain/agreement/index.js';
import { ANNEX_COLUMNS } from '../../domain/annex.js';
import { LocalDate } from '../../domain/dates.js';

// The annex as JSON; its other formats are documents, described by content type.
export const AnnexJson = z.object({
  bodyId: z.uuid(),
  title: z.string(),
  subtitle: z.string(),
  asOf: LocalDate.describe('El día al final del cual se leen los estatus.'),
  columns: z.array(z.object({ key: z.literal(ANNEX_COLUMNS.map((column) => column.key)), label: z.string() })).readonly(),
  rows: z.array(
    z.object({
      agreementId: z.uuid(),
      session: z.string().describe('La celda SESIÓN, p. ej. «Vigésima Primera».'),
      folio: z.string(),
      text: z.string(),
      status: AgreementStatus,
      statusLabel: z.string().describe('ESTATUS DEL ACUERDO como lo escribe el informe.'),
    }),
  ),
});

// Shared with the other reports' answers.
export const Document = z.string();
export const Pdf = z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' });

// One 200 answer per format of the query's `format`.
export const AnnexAnswer = {
  description: 'El anexo en el formato pedido.',
  content: {
    'application/json': { schema: AnnexJson },
    'text/csv': { schema: Document.describe('UTF-8 con BOM, RFC 4180, CRLF.') },
    'text/html': { schema: Document.describe('Página imprimible.') },
    'application/pdf': { schema: Pdf.describe('Tabla horizontal con encabezado en cada página.') },
  },
};
