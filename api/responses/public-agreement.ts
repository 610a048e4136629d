import { z } from 'zod';
import { AgreementStatus, Instant, InstitutionState, ReviewDecision } from '../../domain/agreement/index.js';
import { LocalDate } from '../../domain/dates.js';
import { Semaforo } from '../../domain/semaforo.js';
import { PublicTimelineEntry } from '../../domain/agreement/public-timeline.js';
import { Document } from './annex.js';

// An agreement as anyone may see it. The serializer drops any field not named
// here, so what the public endpoint shows is exactly this list.
export const PublicAgreement = z.object({
  id: z.uuid(),
  folio: z.string(),
  session: z.object({ label: z.string(), date: LocalDate }).nullable().describe('La sesión que lo adoptó.'),
  text: z.string(),
  themes: z.array(z.string()),
  status: AgreementStatus,
  semaforo: Semaforo.describe('Evaluado hoy en la zona del órgano.'),
  dueDate: LocalDate.nullable(),
  dueDateExplanation: z.string(),
  daysOverdue: z.number().int().min(0),
  fulfilledOn: LocalDate.nullable(),
  responsibles: z.array(z.object({ acronym: z.string(), state: InstitutionState })),
  evidence: z
    .array(
      z.object({
        id: z.uuid(),
        institution: z.string().describe('Siglas de la institución que la presentó.'),
        description: z.string(),
        links: z.array(z.string()),
        submittedAt: Instant,
        review: z.object({ decision: ReviewDecision, reviewedAt: Instant }).nullable(),
      }),
    )
    .describe('Solo las evidencias marcadas `public: true`.'),
});
export type PublicAgreement = z.infer<typeof PublicAgreement>;

export const PublicAgreementPage = z.object({
  items: z.array(PublicAgreement),
  nextCursor: z.string().nullable().describe('Para pedir la página siguiente; null en la última.'),
});

// One agreement on its public page: the same fields and its public history.
export const PublicAgreementDetail = PublicAgreement.extend({
  timeline: z.array(PublicTimelineEntry).describe('Su historia pública, en orden: ver la regla en la descripción de la operación.'),
});

// A body in the list of those that publish their follow-up.
export const PublicBodyEntry = z.object({ id: z.uuid(), name: z.string(), acronym: z.string() });

// A body that publishes its follow-up, with the summary of its execution on
// the reference day.
export const PublicBody = z.object({
  name: z.string(),
  acronym: z.string(),
  day: LocalDate.describe('El día de referencia de las cifras: hoy en la zona del órgano, o `asOf`.'),
  summary: z.object({
    total: z.number().int().min(0).describe('Acuerdos adoptados hasta ese día, de cualquier estatus.'),
    enProceso: z.number().int().min(0),
    cumplidos: z.number().int().min(0),
    cancelados: z.number().int().min(0),
    vencidos: z.number().int().min(0).describe('De los que están en proceso, los que tienen fecha límite anterior al día.'),
    complianceRate: z.number().min(0).max(1).nullable().describe('cumplidos / (enProceso + cumplidos); null sin acuerdos vigentes.'),
  }),
  institutions: z.array(z.object({ acronym: z.string(), name: z.string() })).describe('Las instituciones responsables de algún acuerdo del órgano, por siglas.'),
});

export const PublicDownloadJson = z.object({
  body: z.object({ name: z.string(), acronym: z.string() }),
  day: LocalDate.describe('El día al que corresponden estatus y semáforo.'),
  items: z.array(PublicAgreement),
});

// One 200 answer per format of the query's `format`.
export const PublicDownloadAnswer = {
  description: 'La lista filtrada completa, en el formato pedido.',
  content: {
    'application/json': { schema: PublicDownloadJson },
    'text/csv': { schema: Document.describe('UTF-8 con BOM, RFC 4180, CRLF; las columnas de la tabla del portal.') },
  },
};
