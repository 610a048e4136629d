import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldMessage, formMessage } from '../../api/errors';
import { sendForm } from '../../api/form-request';
import type { Agreement, Evidence } from '../../api/types';
import { agreementChanged } from '../../agreements/queries';
import { Field, WriteStatus } from '../../ui/field';
import { FilePicker } from '../../ui/file-picker';
import { useSubmission } from '../../ui/submission';

interface EvidenceInput {
  description: string;
  files: File[];
  links: string[];
  public: boolean;
}

async function postEvidence(agreementId: string, institutionId: string, input: EvidenceInput, key: string): Promise<Evidence> {
  const form = new FormData();
  form.append('institutionId', institutionId);
  form.append('description', input.description);
  for (const link of input.links) form.append('links', link);
  if (input.public) form.append('public', 'true');
  for (const file of input.files) form.append('files', file, file.name);
  return sendForm<Evidence>('POST', `/api/agreements/${encodeURIComponent(agreementId)}/evidence`, form, key);
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
  const send = useSubmission((input: EvidenceInput, key: string) => postEvidence(agreement.id, institutionId, input, key), {
    onSuccess: async () => {
      setDescription('');
      setFiles([]);
      setLinks('');
      setPublic(false);
      await agreementChanged(queryClient, agreement.id);
    },
  });

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
        <FilePicker
          id="evidence-files"
          label="Archivos"
          hint="Arrastre aquí los archivos o elíjalos (PDF, documentos, hojas de cálculo, imágenes)."
          files={files}
          onChange={setFiles}
          error={fieldMessage(send.error, 'files')}
        />
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
