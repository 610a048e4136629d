import { z } from 'zod';
import { LocalDate } from '../../domain/dates.js';
import { ParticipantKind, PARTICIPATION_REPORT_FIELDS } from '../../domain/participation/index.js';
import { Document, Pdf } from './annex.js';

// Participants and participations of the participation mechanism (issue 15).

export const ParticipantView = z.object({
  id: z.uuid().describe('También es el id de la institución que lo representa: se nombra así como responsable de un acuerdo.'),
  bodyId: z.uuid(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: ParticipantKind.describe('osc: organización de la sociedad civil; academia; privado: sector privado; otro.'),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const ParticipationView = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  participantIds: z.array(z.uuid()).min(1),
  relevance: z.string().describe('Acciones en las que la participación fue/es relevante.'),
  agreementId: z.uuid().nullable().describe('El acuerdo de esa sesión que derivó de la participación, o null.'),
  activities: z.string().nullable().describe('Actividades realizadas; con acuerdo, seguidas de la descripción de cada evidencia aceptada del acuerdo.'),
  verification: z
    .object({
      text: z.string().nullable(),
      links: z.array(z.string()),
      files: z.array(
        z.object({
          evidenceId: z
            .uuid()
            .nullable()
            .describe('null: archivo de la propia participación, se descarga en /participations/{id}/files/{sha256}; si no, la evidencia aceptada del acuerdo a la que pertenece: /evidence/{evidenceId}/files/{sha256}.'),
          name: z.string(),
          sha256: z.string(),
          size: z.number().int().min(0),
          mediaType: z.string(),
        }),
      ),
    })
    .nullable()
    .describe('Medios de verificación; con acuerdo, incluyen los enlaces y archivos de sus evidencias aceptadas.'),
  version: z.number().int().min(1),
});
export type ParticipationView = z.infer<typeof ParticipationView>;

export const ParticipationReportJson = z.object({
  bodyId: z.uuid(),
  title: z.string(),
  subtitle: z.string().describe('El periodo escrito: «Lo realizado durante el periodo del 1 de noviembre de 2022 al 31 de octubre de 2023».'),
  from: LocalDate,
  to: LocalDate,
  fields: z.array(z.object({ key: z.literal(PARTICIPATION_REPORT_FIELDS.map((f) => f.key)), label: z.string() })).readonly(),
  rows: z.array(
    z.object({
      participationId: z.uuid(),
      sessionDate: LocalDate,
      participants: z.string().describe('Participante: varios separados por «; ».'),
      session: z.string().describe('Número, tipo de sesión y fecha: «Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022».'),
      relevance: z.string(),
      agreement: z.string().describe('Texto del acuerdo adoptado, o «N/A».'),
      activities: z.string().describe('«N/A» si no hay.'),
      verification: z.string().describe('Texto, enlaces y nombres de archivo, uno por línea; «N/A» si no hay.'),
    }),
  ),
});

// One 200 answer per format of the query's `format`.
export const ParticipationReportAnswer = {
  description: 'El informe de participación en el formato pedido.',
  content: {
    'application/json': { schema: ParticipationReportJson },
    'text/csv': { schema: Document.describe('UTF-8 con BOM, RFC 4180, CRLF; una fila por participación.') },
    'text/html': { schema: Document.describe('Página imprimible.') },
    'application/pdf': { schema: Pdf.describe('Una ficha por participación, como el informe del mecanismo.') },
  },
};
