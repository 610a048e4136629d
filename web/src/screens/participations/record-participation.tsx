import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { formatDmy } from '../../../../domain/dates';
import { api } from '../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../api/errors';
import type { Body as RequestBody } from '../../api/types';
import { participantsQuery, participationsChanged } from '../../participation/queries';
import { sessionsQuery } from '../../reference/queries';
import { Field, WriteStatus } from '../../ui/field';
import { useSubmission } from '../../ui/submission';
import { NewSessionForm } from '../sessions/new-session-form';

type NewParticipation = RequestBody<'/api/participations'>;
const FIELDS = ['sessionId', 'participantIds', 'relevance', 'agreementId'];

// Right after a session, the secretariat records who took part, what it was
// about and the agreement it led to ("Ninguno" for most); the follow-up comes
// later, on the participation's page. The session stays chosen for the next one.
export function RecordParticipation({ bodyId }: { bodyId: string }) {
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery(bodyId));
  const participants = useQuery(participantsQuery(bodyId));
  const [sessionId, setSessionId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [relevance, setRelevance] = useState('');
  const [agreementId, setAgreementId] = useState('');
  const [addingSession, setAddingSession] = useState(false);
  const agreements = useQuery({
    queryKey: ['agreements', 'of-session', sessionId],
    queryFn: () => unwrap(api.GET('/api/agreements', { params: { query: { bodyId, sessionId, limit: 200 } } })),
    enabled: sessionId !== '',
  });
  const record = useSubmission((input: NewParticipation, key: string) => unwrap(api.POST('/api/participations', { body: input, params: { header: { 'idempotency-key': key } } })), {
    onSuccess: async () => {
      setChosen([]);
      setRelevance('');
      setAgreementId('');
      await participationsChanged(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An unchosen session goes as it is: the API names the field.
    record.submit({ sessionId, participantIds: chosen, relevance: relevance.trim(), agreementId: agreementId === '' ? null : agreementId });
  };
  const toggle = (id: string, on: boolean) => setChosen((current) => (on ? [...current, id] : current.filter((c) => c !== id)));
  // What was left empty is said in the form's words, not the schema's.
  const sent = record.variables?.input;
  const sessionError = fieldMessage(record.error, 'sessionId') && sent?.sessionId === '' ? 'Elija la sesión en que participaron.' : fieldMessage(record.error, 'sessionId');
  const participantsError = fieldMessage(record.error, 'participantIds') && sent?.participantIds.length === 0 ? 'Marque al menos un participante.' : fieldMessage(record.error, 'participantIds');

  return (
    <section className="card" aria-labelledby="record-participation-title">
      <h2 id="record-participation-title">Registrar participación</h2>
      {/* The session is chosen apart from the rest: registering a new one is a form of its own, which cannot sit inside this one. */}
      <div>
        <Field label="Sesión" hint="La sesión en que participaron; si no está, regístrela con «Nueva sesión»." error={sessionError}>
          {(control) => (
            <select
              {...control}
              value={sessionId}
              onChange={(e) => {
                setSessionId(e.target.value);
                setAgreementId('');
              }}
            >
              <option value="">Elija una sesión</option>
              {(sessions.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}, {formatDmy(s.date)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="button" className="button" aria-expanded={addingSession} aria-controls="participation-new-session" onClick={() => setAddingSession((open) => !open)}>
            {addingSession ? 'Cerrar sin registrar la sesión' : 'Nueva sesión'}
          </button>
        </div>
      </div>
      <div id="participation-new-session" hidden={!addingSession}>
        {addingSession && (
          <section className="nested-card" aria-labelledby="participation-new-session-title">
            <h3 id="participation-new-session-title">Nueva sesión</h3>
            <NewSessionForm
              bodyId={bodyId}
              submitLabel="Registrar sesión"
              onCreated={(session) => {
                setSessionId(session.id);
                setAddingSession(false);
              }}
            />
          </section>
        )}
      </div>
      <form onSubmit={submit} noValidate aria-label="Datos de la participación">
        <fieldset className={participantsError ? 'field field-invalid' : 'field'} aria-describedby={participantsError ? 'participation-participants-error' : undefined}>
          <legend>Participantes</legend>
          {participants.data?.length === 0 && (
            <p className="notice">
              Aún no hay participantes: regístrelos en <Link to="/participantes">Participantes</Link>.
            </p>
          )}
          <ul className="checkbox-list">
            {(participants.data ?? []).map((p) => (
              <li key={p.id} className="checkbox">
                <input id={`participant-${p.id}`} type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                <label htmlFor={`participant-${p.id}`}>
                  {p.name}
                  {p.acronym ? ` (${p.acronym})` : ''}
                </label>
              </li>
            ))}
          </ul>
          {participantsError && (
            <p className="field-error" id="participation-participants-error">
              <span aria-hidden="true">⚠ </span>
              {participantsError}
            </p>
          )}
        </fieldset>
        <Field label="Acciones en las que la participación fue/es relevante" error={fieldMessage(record.error, 'relevance')}>
          {(control) => <textarea {...control} rows={4} required value={relevance} onChange={(e) => setRelevance(e.target.value)} />}
        </Field>
        <Field label="Acuerdo adoptado" hint={sessionId === '' ? 'Elija primero la sesión: se ofrecen sus acuerdos.' : undefined} error={fieldMessage(record.error, 'agreementId')}>
          {(control) => (
            <select {...control} value={agreementId} onChange={(e) => setAgreementId(e.target.value)}>
              <option value="">Ninguno</option>
              {(agreements.data?.items ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.folio}: {a.text.length > 90 ? `${a.text.slice(0, 90)}…` : a.text}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={record.isPending}>
            Registrar participación
          </button>
        </div>
        <WriteStatus pending={record.isPending} pendingText="Registrando la participación…" success={undefined} error={formMessage(record.error, FIELDS)} />
        {record.data && !record.isPending && !record.error && (
          <p className="status-ok">
            <span aria-hidden="true">✓ </span>Participación registrada.{' '}
            <Link to="/participaciones/$id" params={{ id: record.data.id }}>
              Dar seguimiento
            </Link>
          </p>
        )}
      </form>
    </section>
  );
}
