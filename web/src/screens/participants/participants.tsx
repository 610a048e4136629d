import '../../styles/ui-b.css';
import '../../styles/participation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { ParticipantKind } from '../../../../domain/participation/participant';
import { api } from '../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../api/errors';
import type { Body as RequestBody } from '../../api/types';
import { bodyOf } from '../../auth/session';
import { PARTICIPANT_KIND_LABEL, participantsQuery } from '../../participation/queries';
import { Field, WriteStatus } from '../../ui/field';
import { useSubmission } from '../../ui/submission';
import { ListResult } from '../../ui/list-result';

type NewParticipant = RequestBody<'/api/participants'>;
const FIELDS = ['name', 'acronym', 'kind', 'emails'];

// `/participantes`: the organisations of civil society, academia and the
// private sector that take part in the body's sessions; the secretariat
// registers them, the coordinator reads them.
export function Participants() {
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  const participants = useQuery(participantsQuery(bodyId));
  useEffect(() => {
    document.title = 'Participantes — Acuerdos';
  }, []);

  return (
    <div className="participants">
      <div className="page-header">
        <h1>Participantes</h1>
      </div>
      <p className="lead">Organizaciones de la sociedad civil, la academia y el sector privado que participan en las sesiones del órgano.</p>
      {principal.role === 'secretariat' && <NewParticipantForm bodyId={bodyId} />}
      <ListResult query={participants} loading="Cargando participantes…" failed="No se pudieron cargar los participantes" empty="Aún no hay participantes registrados.">
        {(items) => (
          <div className="table-wrap">
            <table>
              <caption>Participantes registrados ({items.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Nombre</th>
                  <th scope="col">Siglas</th>
                  <th scope="col">Tipo</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>{p.acronym ?? '—'}</td>
                    <td>{PARTICIPANT_KIND_LABEL[p.kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListResult>
    </div>
  );
}

function NewParticipantForm({ bodyId }: { bodyId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [acronym, setAcronym] = useState('');
  const [kind, setKind] = useState<ParticipantKind>('osc');
  const [emails, setEmails] = useState('');
  const create = useSubmission((input: NewParticipant, key: string) => unwrap(api.POST('/api/participants', { body: input, params: { header: { 'idempotency-key': key } } })), {
    onSuccess: async () => {
      setName('');
      setAcronym('');
      setEmails('');
      await queryClient.invalidateQueries({ queryKey: participantsQuery(bodyId).queryKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = emails
      .split(/[\s,;]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    create.submit({ bodyId, name: name.trim(), kind, ...(acronym.trim() ? { acronym: acronym.trim() } : {}), ...(list.length > 0 ? { emails: list } : {}) });
  };

  return (
    <section className="card" aria-labelledby="new-participant-title">
      <h2 id="new-participant-title">Registrar participante</h2>
      <form onSubmit={submit} noValidate>
        <Field label="Nombre" error={fieldMessage(create.error, 'name')}>
          {(control) => <input {...control} type="text" maxLength={300} required value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="field-row">
          <Field label="Siglas (opcional)" error={fieldMessage(create.error, 'acronym')}>
            {(control) => <input {...control} className="input-medium" type="text" maxLength={50} value={acronym} onChange={(e) => setAcronym(e.target.value)} />}
          </Field>
          <Field label="Tipo" error={fieldMessage(create.error, 'kind')}>
            {(control) => (
              <select {...control} value={kind} onChange={(e) => setKind(e.target.value as ParticipantKind)}>
                {ParticipantKind.options.map((k) => (
                  <option key={k} value={k}>
                    {PARTICIPANT_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Correos de contacto (opcional)" hint="Uno por línea; reciben los recordatorios de los acuerdos de los que sea responsable." error={fieldMessage(create.error, 'emails')}>
          {(control) => <textarea {...control} rows={2} value={emails} onChange={(e) => setEmails(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Registrar participante
          </button>
        </div>
        <WriteStatus pending={create.isPending} pendingText="Registrando…" success={create.data ? `Participante registrado: ${create.data.name}.` : undefined} error={formMessage(create.error, FIELDS)} />
      </form>
    </section>
  );
}
