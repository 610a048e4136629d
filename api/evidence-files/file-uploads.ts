import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import { isNamedFile } from '../../db/evidence-file-references.js';
import type { EvidenceFile } from '../../domain/agreement/index.js';
import type { FileStore } from '../storage/file-store.js';
import { HeldFiles } from './held-files.js';
import { readUploadForm, type FormFields, type UploadLimits } from './upload-form.js';

// The files of the multipart requests of one route (evidence, participations):
// read before validation (the form's fields replace the body, for the route's
// JSON schema to validate), held from the first byte stored until the answer,
// kept by the handler once its record is written, and discarded by any other
// outcome (a refusal from validation, scope or the record itself; an
// idempotent replay that answers without the handler).
export function fileUploads(db: Db, store: FileStore, limits: UploadLimits, formFields: FormFields) {
  const uploaded = new WeakMap<FastifyRequest, EvidenceFile[]>();
  const held = new WeakMap<FastifyRequest, HeldFiles>();

  async function discard(request: FastifyRequest): Promise<void> {
    await held
      .get(request)
      ?.discard()
      .catch((error: unknown) => request.log.error({ err: error }, 'no se pudieron descartar los archivos de una solicitud rechazada'));
  }

  return {
    // Call once the caller may write there: nothing is stored before.
    async read(request: FastifyRequest): Promise<void> {
      const heldFiles = new HeldFiles((sha256) => isNamedFile(db, sha256));
      held.set(request, heldFiles);
      const form = await readUploadForm(request, store, limits, heldFiles, formFields);
      // Raw, as a JSON body would be: validation parses it next.
      request.body = form.fields;
      uploaded.set(request, form.files);
    },
    files(request: FastifyRequest): EvidenceFile[] {
      return uploaded.get(request) ?? [];
    },
    // The record naming them is written: failing to keep a file is logged, not
    // answered with a 500 that would say nothing was.
    async keep(request: FastifyRequest): Promise<void> {
      await held
        .get(request)
        ?.keep()
        .catch((error: unknown) => request.log.error({ err: error }, 'no se pudieron conservar los archivos de una solicitud registrada'));
    },
    // Route hooks: a refusal discards before it is answered; whatever is still
    // held once answered (a replay) goes then.
    hooks: { onError: discard, onResponse: discard },
  };
}
