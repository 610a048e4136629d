import type { FastifyRequest } from 'fastify';
import type { EvidenceFile } from '../../domain/agreement/index.js';
import { AppError, validationFailed } from '../../app/errors.js';
import { inputIssues } from '../input-guard.js';
import { FileTooLarge, type FileStore } from '../storage/file-store.js';
import { sanitizeFileName } from './file-name.js';
import type { HeldFiles } from './held-files.js';
import { EmptyFile, inspectedUpload, UnsupportedFile } from './inspected-upload.js';

export const DEFAULT_MAX_UPLOAD_MB = 25;
export const DEFAULT_MAX_UPLOAD_FILES = 20;
// The forms' own fields: at most a participation's 50 participants and 50
// links and its few others, with room for a few unknown ones to be reported as
// such.
const MAX_FIELDS = 128;
// A description of 20,000 characters, each up to four bytes in UTF-8.
const MAX_FIELD_BYTES = 96 * 1024;

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

// Options of @fastify/multipart for forms with files (evidence, participations). The file size limit is one
// byte past ours so that an oversized file reaches the store's own check (which
// keeps nothing of it) instead of being cut short and stored truncated.
export function multipartLimits({ maxFileBytes, maxFiles }: UploadLimits) {
  return {
    limits: {
      fileSize: maxFileBytes + 1,
      files: maxFiles,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      fieldNameSize: 100,
      parts: maxFiles + MAX_FIELDS,
      headerPairs: 100,
    },
  };
}

export interface UploadForm {
  // As a JSON body would carry them, for the same schema to validate.
  fields: Record<string, unknown>;
  files: EvidenceFile[];
}

// A form's text fields (each name with its values, in order) as the route's
// JSON body would carry them.
export type FormFields = (values: ReadonlyMap<string, readonly unknown[]>) => Record<string, unknown>;

// Reads a multipart form with files in `files`: fields, and each file streamed
// into the store after its content passed the type check, held in `held` (also
// when the form is then refused: whoever holds them decides their fate).
export async function readUploadForm(request: FastifyRequest, store: FileStore, limits: UploadLimits, held: HeldFiles, formFields: FormFields): Promise<UploadForm> {
  const values = new Map<string, unknown[]>();
  const files: EvidenceFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'files') throw validationFailed([{ field: 'files', message: 'Cada archivo debe enviarse como archivo, con su nombre.' }]);
        if (part.valueTruncated || part.fieldnameTruncated) throw new AppError('PAYLOAD_TOO_LARGE', `El campo «${part.fieldname.slice(0, 100)}» excede el tamaño permitido.`);
        values.set(part.fieldname, [...(values.get(part.fieldname) ?? []), part.value]);
        continue;
      }
      if (part.fieldname !== 'files') throw validationFailed([{ field: part.fieldname, message: 'Los archivos van en el campo «files».' }]);
      const name = sanitizeFileName(part.filename);
      const upload = inspectedUpload(part.file, { name, mediaType: part.mimetype });
      const stored = await store.put(upload.content, limits.maxFileBytes);
      held.add(stored);
      files.push({ name, sha256: stored.sha256, size: stored.size, mediaType: upload.mediaType() });
    }
  } catch (error) {
    throw clientError(error, limits);
  }
  const fields = formFields(values);
  // Read after the app-wide check ran on an empty body: checked here.
  const issues = inputIssues(fields, '');
  if (issues.length > 0) throw validationFailed(issues);
  return { fields, files };
}

// Evidence fields arrive as strings: `links` repeated or as one JSON array,
// `public` as a checkbox would send it. Anything else is left as it came, for
// the schema to name the bad field.
export const evidenceFormFields: FormFields = (values) => {
  const fields: Record<string, unknown> = {};
  for (const [name, list] of values) {
    if (name === 'links') fields.links = list.flatMap(listValues);
    else if (name === 'public' && list.length === 1) fields.public = booleanOf(list[0]);
    else fields[name] = singleValue(list);
  }
  return fields;
};

export function singleValue(list: readonly unknown[]): unknown {
  return list.length === 1 ? list[0] : list;
}

// A list field: the field repeated, or one field holding a JSON array; an empty
// field is no item.
export function listValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [value];
  if (value.trim() === '') return [];
  if (!value.trimStart().startsWith('[')) return [value];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [value];
  } catch {
    return [value];
  }
}

function booleanOf(value: unknown): unknown {
  if (value === 'true' || value === 'on' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

// Whatever goes wrong while reading the form is the client's doing (a limit,
// a refused file, broken multipart), except a failure of the store itself.
function clientError(error: unknown, { maxFileBytes, maxFiles }: UploadLimits): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof UnsupportedFile) return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
  if (error instanceof EmptyFile) return validationFailed([{ field: 'files', message: error.message }]);
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (error instanceof FileTooLarge || code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('PAYLOAD_TOO_LARGE', `Cada archivo puede medir hasta ${megabytes(maxFileBytes)}; no se registró nada.`);
  }
  if (code === 'FST_FILES_LIMIT') return new AppError('PAYLOAD_TOO_LARGE', `Una solicitud lleva a lo más ${maxFiles} archivos; no se registró nada.`);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return new AppError('PAYLOAD_TOO_LARGE', 'El formulario tiene demasiados campos.');
  if (error instanceof Error && 'syscall' in error) return error;
  return new AppError('VALIDATION_FAILED', 'El formulario multipart está mal formado o incompleto.');
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.floor(bytes / 1024)} KB`;
}
