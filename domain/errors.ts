// Refusals of the domain: a code callers can branch on and a Spanish message
// that says why. How a code reaches a user (an HTTP status, say) is decided by
// the caller, never here.
export const DOMAIN_ERROR_CODES = [
  'NOT_ADOPTED',
  'ALREADY_ADOPTED',
  'INVALID_TRANSITION',
  'NOT_RESPONSIBLE',
  'EVIDENCE_NOT_FOUND',
  'DUPLICATE_EVIDENCE',
  'ALREADY_REVIEWED',
  'COMMENT_REQUIRED',
  'REASON_REQUIRED',
  'OCCURRED_IN_FUTURE',
  'OCCURRED_BEFORE_ADOPTION',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function refuse(code: DomainErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}
