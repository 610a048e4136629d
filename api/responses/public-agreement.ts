import { z } from 'zod';
import { AgreementStatus, Instant, InstitutionState, ReviewDecision } from '../../domain/agreement/index.js';
import { LocalDate } from '../../domain/dates.js';
import { Semaforo } from '../../domain/semaforo.js';

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
