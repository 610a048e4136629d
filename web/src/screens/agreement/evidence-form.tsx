import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure, failureOf, fieldMessage, formMessage } from '../../api/errors';
import type { Agreement, Evidence } from '../../api/types';
import { agreementChanged } from '../../agreements/queries';
import { Field, WriteStatus } from '../../ui/field';
import { formatBytes } from '../../ui/format';
import { useSubmission } from '../../ui/submission';

interface EvidenceInput {
  description: string;
  files: File[];
  links: string[];
  public: boolean;
}

// Files travel as multipart/form-data, which the typed client does not build:
// the request is made here, with the same headers it sends.
async function postEvidence(agreementId: string, institutionId: string, input: EvidenceInput, key: string): Promise<Evidence> {
  const form = new FormData();
  form.append('institutionId', institutionId);
  form.append('description', input.description);
  for (const link of input.links) form.append('links', link);
  if (input.public) form.append('public', 'true');
  for (const file of input.files) form.append('files', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/agreements/${encodeURIComponent(agreementId)}/evidence`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'acuerdos', 'Idempotency-Key': key },
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'No se pudo conectar con el servidor. Revise su conexión e inténtelo de nuevo.', []);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failureOf(response.status, body);
  return body as Evidence;
}

const FIELDS = ['description', 'files', 'links', 'public'];

// An institution's evidence: description, files (dropped or picked), links,
// and whether it may be published. What was typed stays if the server refuses.
export function EvidenceForm({ agreement, institutionId, rejected }: { agreement: Agreement; institutionId: string; rejected?: Evidence | undefined }) {
  const queryClient = useQueryClient();
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [links, setLinks] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const send = useSubmission((input: EvidenceInput, key: string) => postEvidence(agreement.id, institutionId, input, key), {
    onSuccess: async () => {
      setDescription('');
      setFiles([]);
      setLinks('');
      setPublic(false);
      if (picker.current) picker.current.value = '';
      await agreementChanged(queryClient, agreement.id);
    },
  });

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const added = [...list];
    setFiles((current) => [...current, ...added.filter((f) => !current.some((c) => c.name === f.name && c.size === f.size))]);
  };
  // The browser puts dropped files in the input and fires its change event.
  const onDrop = () => setDragging(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const linkList = links
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    send.submit({ description: description.trim(), files, links: linkList, public: isPublic });
  };

  return (
    <div className="evidence-compose">
      {rejected?.review && (
        <div className="rejected-reason" role="note" aria-label="Motivo del rechazo">
          <p>
            <strong>Su evidencia anterior fue rechazada.</strong> Motivo:
          </p>
          <blockquote>{rejected.review.comment}</blockquote>
          <p>Atienda el motivo y envíe una nueva evidencia con este formulario.</p>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label="Enviar evidencia">
        <Field label="Descripción" hint="Qué actividades se realizaron para cumplir el acuerdo." error={fieldMessage(send.error, 'description')}>
          {(control) => <textarea {...control} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} required />}
        </Field>
        <div className={fieldMessage(send.error, 'files') ? 'field field-invalid' : 'field'}>
          <label htmlFor="evidence-files">Archivos</label>
          <p className="field-hint" id="evidence-files-hint">
            Arrastre aquí los archivos o elíjalos (PDF, documentos, hojas de cálculo, imágenes).
          </p>
          {/* The file input itself is the drop target (browsers accept files dropped on it), large enough to aim at. */}
          <input
            ref={picker}
            id="evidence-files"
            className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
            type="file"
            multiple
            aria-describedby="evidence-files-hint"
            onChange={(e) => addFiles(e.target.files)}
            onDragEnter={() => setDragging(true)}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          />
          {files.length > 0 && (
            <ul className="chosen-files" aria-label="Archivos elegidos">
              {files.map((file) => (
                <li key={`${file.name}-${file.size}`}>
                  {file.name} <span className="muted">({formatBytes(file.size)})</span>{' '}
                  <button type="button" className="button button-quiet" onClick={() => setFiles(files.filter((f) => f !== file))}>
                    Quitar <span className="visually-hidden">{file.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {fieldMessage(send.error, 'files') && <p className="field-error">⚠ {fieldMessage(send.error, 'files')}</p>}
        </div>
        <Field label="Enlaces" hint="Direcciones web (https://…), una por línea." error={fieldMessage(send.error, 'links')}>
          {(control) => <textarea {...control} rows={2} value={links} onChange={(e) => setLinks(e.target.value)} />}
        </Field>
        <div className="checkbox">
          <input id="evidence-public" type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} aria-describedby="evidence-public-hint" />
          <label htmlFor="evidence-public">Pública</label>
          <span className="field-hint" id="evidence-public-hint">
            (se muestra en el portal público del órgano)
          </span>
        </div>
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          Enviar evidencia
        </button>
        <WriteStatus pending={send.isPending} pendingText="Enviando la evidencia…" success={send.isSuccess ? 'Evidencia enviada. La secretaría técnica la revisará.' : undefined} error={formMessage(send.error, FIELDS)} />
      </form>
    </div>
  );
}
