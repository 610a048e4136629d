import { z } from 'zod';

// The error envelope of CONTRACT.md §2, the one shape every refusal takes.
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string().describe('Código estable del error, p. ej. VALIDATION_FAILED, NOT_FOUND, INVALID_TRANSITION.'),
    message: z.string().describe('Qué pasó, en español, para quien usa el sistema.'),
    details: z.unknown().optional().describe('En un 400, la lista de campos inválidos `[{field, message}]`; en otros códigos, los datos del caso si los hay.'),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

const WHEN = {
  400: 'Datos inválidos: `details` lista cada campo con su problema. No se registró nada.',
  401: 'Falta un token válido (Authorization: Bearer …) o una sesión iniciada.',
  403: 'El rol o el alcance de quien llama no lo permite.',
  404: 'No existe, o quien llama no puede saber que existe.',
  409: 'El estado actual no lo permite (transición inválida, duplicado o cambio concurrente), o la Idempotency-Key ya se usó con otra solicitud.',
  413: 'La solicitud excede el tamaño permitido.',
  415: 'Tipo de contenido no admitido.',
  429: 'Demasiados intentos: espere lo que indica la cabecera Retry-After.',
} as const;

export type ErrorStatus = keyof typeof WHEN;

// The error answers a route documents and its serializer checks, each with
// what the status means.
export function errorAnswers<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof ErrorEnvelope> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorEnvelope.describe(WHEN[status])])) as Record<S, typeof ErrorEnvelope>;
}
