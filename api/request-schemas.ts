import { z } from 'zod';

// Pieces of request schemas that several route modules share.

const IDEMPOTENCY_DESCRIPTION =
  'Reintentos seguros. La misma clave con la misma solicitud (método, ruta, parámetros y cuerpo) devuelve la primera respuesta (con la cabecera `Idempotent-Replayed: true`) y no registra nada nuevo; ' +
  'con otra solicitud responde 409 `IDEMPOTENCY_KEY_REUSED`; si la primera aún está en curso puede responder 409 `IDEMPOTENT_REQUEST_IN_PROGRESS` (reintente en unos segundos). ' +
  'Cada token o usuario tiene sus propias claves. Use una clave aleatoria (p. ej. un UUID) por operación.';

export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional().describe(IDEMPOTENCY_DESCRIPTION) }).loose();

// When it happened in the world; absent, now. The decider refuses the future
// and dates before the adoption.
export const OccurredAt = z.iso.datetime({ offset: true }).optional();
