import { DOMAIN_ERROR_CODES, type DomainErrorCode } from '../domain/errors.js';

// Every refusal the application gives, by code, besides the domain's own: what
// a caller can act on. How a code reaches a caller (an HTTP status) is decided
// by the caller's side (api/errors.ts), never here.
export const APP_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  // A known path asked with a method it does not serve.
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  // An Idempotency-Key sent again with another request: not a retry.
  'IDEMPOTENCY_KEY_REUSED',
  // The same request with the same key is still running: its answer is not there yet.
  'IDEMPOTENT_REQUEST_IN_PROGRESS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  // Too many failed sign-ins for an email or from an address.
  'TOO_MANY_ATTEMPTS',
  'SERVICE_UNAVAILABLE',
  // Another command changed the agreement first.
  'WRONG_EXPECTED_VERSION',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];
export type ErrorCode = AppErrorCode | DomainErrorCode;

const errorCodes = new Set<string>([...APP_ERROR_CODES, ...DOMAIN_ERROR_CODES]);

export function isErrorCode(code: string): code is ErrorCode {
  return errorCodes.has(code);
}

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} no existe.`);
}

export function forbidden(message = 'No tiene permiso para esta operación.'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function idempotencyKeyReused(): AppError {
  return new AppError('IDEMPOTENCY_KEY_REUSED', 'Esa Idempotency-Key ya se usó con otra solicitud; use una clave nueva para una solicitud distinta.');
}

export function validationFailed(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'La solicitud tiene datos inválidos.', issues);
}
