import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.js';
import type { EvidenceFile } from '../../domain/agreement/index.js';
import type { FileStore } from '../storage/file-store.js';
import { attachment } from './content-disposition.js';

// Answers a recorded file (of an evidence or a participation) as a download
// that no browser renders in the app's origin.
export async function sendStoredFile(request: FastifyRequest, reply: FastifyReply, store: FileStore, file: EvidenceFile) {
  const content = await store.open(file.sha256);
  if (!content) {
    request.log.error({ sha256: file.sha256, url: request.url }, 'archivo registrado ausente del almacén');
    throw new AppError('NOT_FOUND', 'El archivo no está disponible en el almacén.');
  }
  return reply
    .header('content-type', file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType)
    .header('content-length', file.size)
    .header('content-disposition', attachment(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .send(content);
}
