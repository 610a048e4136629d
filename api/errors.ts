import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode, type ErrorCode } from '../app/errors.js';
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from '../domain/errors.js';
import { trackAllowedMethods } from './allowed-methods.js';
import type { ErrorEnvelope } from './responses/error.js';

// The HTTP status of every code the application answers with, decided here and
// nowhere else (a new code does not compile until it is mapped). The domain's
// refusals: what the request names is not there (404), a value the agreement's
// history rules out (400, a bad field), or a state that does not allow it
// (409, the contract's "invalid transition").
const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // A known path asked with a method it does not serve (with `Allow`).
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  IDEMPOTENT_REQUEST_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Wait Retry-After.
  TOO_MANY_ATTEMPTS: 429,
  SERVICE_UNAVAILABLE: 503,
  WRONG_EXPECTED_VERSION: 409,
  NOT_ADOPTED: 404,
  EVIDENCE_NOT_FOUND: 404,
  NOT_RESPONSIBLE: 400,
  COMMENT_REQUIRED: 400,
  REASON_REQUIRED: 400,
  OCCURRED_IN_FUTURE: 400,
  OCCURRED_BEFORE_ADOPTION: 400,
  ALREADY_ADOPTED: 409,
  INVALID_TRANSITION: 409,
  DUPLICATE_EVIDENCE: 409,
  ALREADY_REVIEWED: 409,
};

// The field a domain refusal answered with 400 is about.
const fieldOfDomainCode: Partial<Record<DomainErrorCode, string>> = {
  NOT_RESPONSIBLE: 'institutionId',
  COMMENT_REQUIRED: 'comment',
  OCCURRED_IN_FUTURE: 'occurredAt',
  OCCURRED_BEFORE_ADOPTION: 'occurredAt',
};

const domainCodes = new Set<string>(DOMAIN_ERROR_CODES);
const isDomainCode = (code: string): code is DomainErrorCode => domainCodes.has(code);

function statusOf(code: ErrorCode): number {
  return statusByCode[code];
}

// A domain refusal answered with 400 lists its field, like any other bad
// field; the others keep the domain's details.
function detailsOf({ code, message, details }: AppError): unknown {
  if (!isDomainCode(code) || statusOf(code) !== 400) return details;
  return [{ field: fieldOfDomainCode[code] ?? '(cuerpo)', message }];
}

function body(code: string, message: string, details?: unknown): ErrorEnvelope {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

// A bad field is named as the caller wrote it (`asOf`, `text`,
// `deadline.days`), wherever it came (body, query, path or header), the same
// as the handlers name the fields they refuse; a problem with the whole of a
// part names the part.
const WHOLE_PART: Record<string, string> = { querystring: '(consulta)', params: '(ruta)', headers: '(cabeceras)' };

function fieldPath(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path || WHOLE_PART[context ?? ''] || '(cuerpo)';
}

// Errors Fastify itself raises before a handler runs (bad JSON, wrong content
// type, oversized bodies) are the client's fault and get their 4xx here.
const fastifyCodes: Record<string, AppErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

export function registerErrorHandling(app: FastifyInstance): void {
  const allowedMethods = trackAllowedMethods(app);
  // No route for this method and path: 405 with what the path serves, or 404.
  const noRoute = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethods(path);
    if (allowed.length === 0) return reply.status(404).send(body('NOT_FOUND', `No existe la ruta ${request.method} ${path}.`));
    return reply
      .status(405)
      .header('allow', allowed.join(', '))
      .send(body('METHOD_NOT_ALLOWED', `La ruta ${path} no admite el método ${request.method}; admite: ${allowed.join(', ')}.`));
  };
  app.setNotFoundHandler((request, reply) => {
    void noRoute(request, reply);
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    // What went wrong reading a request no route takes (a body without its
    // content type, on a method the path does not serve) is beside the point.
    if (request.is404) return noRoute(request, reply);
    if (error instanceof AppError) {
      return reply.status(statusOf(error.code)).send(body(error.code, error.message, detailsOf(error)));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.flatMap((issue) => {
        const at = fieldPath(issue.instancePath, error.validationContext);
        // Unknown keys are named one by one, each as the field it is.
        const keys = issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys) ? issue.params.keys.filter((k): k is string => typeof k === 'string') : [];
        if (keys.length === 0) return [{ field: at, message: issue.message }];
        const prefix = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return keys.map((key) => ({ field: prefix ? `${prefix}.${key}` : key, message: `Campo desconocido: no se esperaba «${key}».` }));
      });
      return reply.status(400).send(body('VALIDATION_FAILED', 'La solicitud tiene datos inválidos.', details));
    }
    const fastifyCode = 'code' in error && typeof error.code === 'string' ? fastifyCodes[error.code] : undefined;
    if (fastifyCode) {
      return reply.status(statusOf(fastifyCode)).send(body(fastifyCode, spanishMessage(fastifyCode)));
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', error.message));
    }
    request.log.error({ err: error }, 'error no controlado');
    return reply.status(500).send(body('INTERNAL', 'Error interno; la operación no se registró.'));
  });
}

function spanishMessage(code: AppErrorCode): string {
  switch (code) {
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'Tipo de contenido no admitido.';
    case 'PAYLOAD_TOO_LARGE':
      return 'La solicitud excede el tamaño permitido.';
    default:
      return 'El cuerpo de la solicitud no es JSON válido.';
  }
}
