import { z } from 'zod';
import { Instant } from '../../domain/agreement/index.js';
import { NOTIFICATION_STATES } from '../../db/notifications.js';

// What the system itself did or how it is: notifications sent, its health,
// and answers without a body.

export const NotificationView = z.object({
  id: z.uuid(),
  key: z.string().describe('Identifica el aviso: el mismo aviso no se envía dos veces.'),
  kind: z.string(),
  bodyId: z.uuid(),
  agreementId: z.uuid().nullable(),
  institutionId: z.uuid().nullable(),
  recipients: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  state: z.enum(NOTIFICATION_STATES).describe('`logged`: sin servidor SMTP configurado, solo se registró.'),
  error: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});

const Up = z.enum(['up', 'down']);
export const Health = z.object({ ok: z.boolean().describe('true si PostgreSQL y Temporal responden.'), postgres: Up, temporal: Up });

export const NoContent = z.undefined().describe('Sin contenido.');

export const WebPage = {
  description: 'La página de la interfaz web.',
  content: { 'text/html': { schema: z.string() } },
};
