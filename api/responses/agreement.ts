import { Readable } from 'node:stream';
import { z } from 'zod';
import { Actor, AgreementStatus, DeadlineVersion, EvidenceFile, Instant, InstitutionState, Review } from '../../domain/agreement/index.js';
import { LocalDate } from '../../domain/dates.js';
import { DeadlineRule } from '../../domain/deadline.js';
import { Semaforo } from '../../domain/semaforo.js';

// The agreement JSON of CONTRACT.md §2 and what comes with it.

export const EvidenceView = z.object({
  id: z.uuid(),
  institutionId: z.uuid().describe('La institución en cuyo nombre se presentó.'),
  description: z.string(),
  links: z.array(z.string()),
  files: z.array(EvidenceFile).describe('Se descargan en GET /api/evidence/{eid}/files/{sha256}.'),
  public: z.boolean().describe('Si la consulta pública la muestra.'),
  submittedAt: Instant,
  review: Review.nullable().describe('null mientras no se revisa.'),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const AgreementView = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  sessionId: z.uuid().describe('La sesión que lo adoptó.'),
  folio: z.string().describe('Número de acuerdo y fecha de la sesión que lo adoptó, p. ej. 45:30/09/2020.'),
  text: z.string(),
  themes: z.array(z.string()),
  status: AgreementStatus,
  semaforo: Semaforo.describe('Evaluado en el día de referencia: `asOf`, o hoy en la zona del órgano.'),
  dueDate: LocalDate.nullable().describe('Fecha límite; null sin plazo o mientras espera un hito.'),
  dueDateExplanation: z.string().describe('Cómo se calculó la fecha límite, en español.'),
  daysOverdue: z.number().int().min(0).describe('Días hábiles de atraso en el día de referencia; 0 salvo en rojo.'),
  fulfilledOn: LocalDate.nullable(),
  deadline: DeadlineRule.describe('La regla del plazo vigente.'),
  deadlineHistory: z.array(DeadlineVersion).describe('Cada regla y fecha límite anterior, de la más antigua a la más reciente, con cuándo y por qué cambió.'),
  responsibles: z.array(z.object({ institutionId: z.uuid(), acronym: z.string(), state: InstitutionState })),
  evidence: z.array(EvidenceView),
  version: z.number().int().min(1).describe('Versión del flujo de eventos del acuerdo.'),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const AgreementPage = z.object({
  items: z.array(AgreementView),
  nextCursor: z.string().nullable().describe('Para pedir la página siguiente; null en la última.'),
});

export const RecordedEvent = z.object({
  version: z.number().int().min(1),
  type: z.string().describe('AgreementAdopted, EvidenceSubmitted, EvidenceReviewed, AgreementFulfilled, AgreementReopened, AgreementCancelled, DeadlineChanged, DueDateSet, DueDateRecounted, DeadlinePassed o ReminderSent.'),
  occurredAt: Instant.describe('Cuándo ocurrió en el mundo.'),
  recordedAt: Instant.describe('Cuándo se registró.'),
  actor: Actor,
  data: z.record(z.string(), z.unknown()),
  hash: z.string().describe('SHA-256 del evento encadenado con el anterior.'),
  prevHash: z.string().nullable(),
});
export type RecordedEvent = z.infer<typeof RecordedEvent>;

export const ReminderQueued = z.object({
  institutionIds: z.array(z.uuid()).describe('Las instituciones a las que va el recordatorio; se envía enseguida.'),
});

// A file of an evidence, as it was submitted: its own media type, not JSON.
export const EvidenceFileAnswer = {
  description: 'El archivo, con el tipo de contenido con que se presentó y Content-Disposition: attachment.',
  content: { '*/*': { schema: z.custom<Readable>((value) => value instanceof Readable).meta({ type: 'string', format: 'binary' }) } },
};
