import '../../styles/ui-b.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatDmy } from '../../../../domain/dates';
import { notYetHeld } from '../../../../domain/session-held';
import { api } from '../../api/client';
import { formMessage, unwrap, type FieldProblem } from '../../api/errors';
import type { Body as RequestBody } from '../../api/types';
import { bodyOf } from '../../auth/session';
import { DeadlineFields } from '../../deadline/deadline-fields';
import { DeadlinePreview } from '../../deadline/deadline-preview';
import { DeadlineSuggestionPanel } from '../../deadline/deadline-suggestion';
import { emptyDraft, problemFinder, ruleOf, type DeadlineDraft } from '../../deadline/draft';
import { useDeadlineContext } from '../../deadline/use-deadline-context';
import { institutionsQuery, sessionsQuery, type CreatedSession, type Session } from '../../reference/queries';
import { Field, WriteStatus } from '../../ui/field';
import { useSubmission } from '../../ui/submission';
import { NewSessionForm } from '../sessions/new-session-form';

type NewAgreement = RequestBody<'/api/agreements'>;
const FIELDS = ['sessionId', 'text', 'responsibleInstitutionIds', 'deadline', 'themes'];

export function sessionOptionLabel(session: Session): string {
  return `${session.label} — ${formatDmy(session.date)}`;
}

// `/acuerdos/nuevo`: a secretariat registers an agreement adopted at a session,
// seeing the due date the server will compute while typing the deadline.
export function RegisterAgreement() {
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery(bodyId));
  const institutions = useQuery(institutionsQuery);

  const { sesion } = useSearch({ from: '/app/acuerdos/nuevo' });
  const [sessionId, setSessionId] = useState(sesion ?? '');
  const [text, setText] = useState('');
  const [responsibles, setResponsibles] = useState<string[]>([]);
  const [draft, setDraft] = useState<DeadlineDraft>(() => emptyDraft(new Date().getFullYear()));
  const [themes, setThemes] = useState('');
  const [addingSession, setAddingSession] = useState(false);
  // Once the button was pressed, what is still missing shows next to its field.
  const [attempted, setAttempted] = useState(false);
  const sessionSelect = useRef<HTMLSelectElement>(null);
  const newSessionPanel = useId();

  useEffect(() => {
    document.title = 'Registrar acuerdo — Acuerdos';
  }, []);

  const session = sessions.data?.find((s) => s.id === sessionId);
  const { context, milestones, loadError } = useDeadlineContext(bodyId, session?.date);
  const result = ruleOf(draft);
  const early = session && context.today ? notYetHeld(session.date, context.today) : null;

  const register = useSubmission(
    (input: NewAgreement, key: string) => unwrap(api.POST('/api/agreements', { body: input, params: { header: { 'idempotency-key': key } } })),
    {
      onSuccess: async (agreement) => {
        await queryClient.invalidateQueries({ queryKey: ['agreements'] });
        await navigate({ to: '/acuerdos/$id', params: { id: agreement.id } });
      },
    },
  );

  const ownProblems: FieldProblem[] = attempted
    ? [
        ...(session ? [] : [{ field: 'sessionId', message: 'Elija la sesión en que se adoptó el acuerdo.' }]),
        ...(early ? [{ field: 'sessionId', message: early }] : []),
        ...(text.trim() ? [] : [{ field: 'text', message: 'Escriba el texto del acuerdo.' }]),
        ...(responsibles.length > 0 ? [] : [{ field: 'responsibleInstitutionIds', message: 'Marque al menos una institución responsable.' }]),
        ...result.problems,
      ]
    : [];
  const problemFor = problemFinder(ownProblems, register.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!session || early || !text.trim() || responsibles.length === 0 || !result.rule) return;
    const themeList = themes
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    register.submit({ sessionId, text: text.trim(), responsibleInstitutionIds: responsibles, deadline: result.rule, ...(themeList.length > 0 ? { themes: themeList } : {}) });
  };

  const toggle = (id: string, checked: boolean) => setResponsibles((current) => (checked ? [...current, id] : current.filter((r) => r !== id)));
  const sessionCreated = (created: CreatedSession) => {
    setSessionId(created.id);
    setAddingSession(false);
    sessionSelect.current?.focus();
  };
  const notice = ownProblems.length > 0 ? 'Revise los campos marcados.' : formMessage(register.error, FIELDS);

  return (
    <div className="register-agreement">
      <h1>Registrar acuerdo</h1>
      <p className="lead">Capture el acuerdo tal como se adoptó. La fecha límite se calcula mientras escribe el plazo, con el calendario de días hábiles del órgano.</p>
      {loadError && <p className="status-error">No se pudieron cargar los datos del órgano: {loadError.message}</p>}

      <section className="card" aria-labelledby="paso-sesion">
        <h2 id="paso-sesion">1. Sesión</h2>
        <Field label="Sesión" hint="La sesión en que se adoptó el acuerdo; su fecha es la de adopción." error={problemFor('sessionId')}>
          {(control) => (
            <select {...control} ref={sessionSelect} value={sessionId} onChange={(e) => setSessionId(e.target.value)} disabled={sessions.isPending}>
              <option value="">{sessions.isPending ? 'Cargando sesiones…' : sessions.data?.length ? 'Elija una sesión…' : 'Aún no hay sesiones: registre una'}</option>
              {sessions.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {sessionOptionLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {early && !problemFor('sessionId') && (
          <p className="notice">
            <span aria-hidden="true">⚠ </span>
            {early}
          </p>
        )}
        <button type="button" className="button" aria-expanded={addingSession} aria-controls={newSessionPanel} onClick={() => setAddingSession((open) => !open)}>
          {addingSession ? 'Cerrar sin crear la sesión' : '¿No está la sesión? Registrar una sesión nueva'}
        </button>
        <div id={newSessionPanel} hidden={!addingSession} className="subpanel">
          {addingSession && (
            <>
              <h3>Nueva sesión</h3>
              <NewSessionForm bodyId={bodyId} onCreated={sessionCreated} />
            </>
          )}
        </div>
      </section>

      <form onSubmit={onSubmit} noValidate>
        <section className="card" aria-labelledby="paso-acuerdo">
          <h2 id="paso-acuerdo">2. Acuerdo</h2>
          <Field label="Texto del acuerdo" error={problemFor('text')}>
            {(control) => <textarea {...control} rows={6} maxLength={20_000} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <fieldset className={problemFor('responsibleInstitutionIds') ? 'checkbox-group field-invalid' : 'checkbox-group'} aria-describedby="responsables-error">
            <legend className="fieldset-legend">Instituciones responsables</legend>
            {institutions.isPending && <p className="muted">Cargando instituciones…</p>}
            <ul className="institution-options">
              {institutions.data?.map((institution) => (
                <li key={institution.id}>
                  <label className="checkbox" title={institution.name}>
                    <input type="checkbox" checked={responsibles.includes(institution.id)} onChange={(e) => toggle(institution.id, e.target.checked)} aria-describedby={`inst-${institution.id}`} />
                    <span>{institution.acronym}</span>
                  </label>
                  <span id={`inst-${institution.id}`} className="institution-name">
                    {institution.name}
                  </span>
                </li>
              ))}
            </ul>
            <p id="responsables-error" className="field-error" hidden={!problemFor('responsibleInstitutionIds')}>
              <span aria-hidden="true">⚠ </span>
              {problemFor('responsibleInstitutionIds')}
            </p>
          </fieldset>
          <Field label="Temas (opcional)" hint="Separados por comas, p. ej.: igualdad salarial, presupuesto." error={problemFor('themes')}>
            {(control) => <input {...control} type="text" value={themes} onChange={(e) => setThemes(e.target.value)} />}
          </Field>
        </section>

        <section className="card" aria-labelledby="paso-plazo">
          <h2 id="paso-plazo">3. Plazo</h2>
          <DeadlineSuggestionPanel bodyId={bodyId} typed={text} sessionId={session?.id} milestones={milestones} onUse={setDraft} />
          <div className="deadline-layout">
            <DeadlineFields draft={draft} onChange={setDraft} problemFor={problemFor} milestones={milestones} adoptedOn={session?.date} />
            <DeadlinePreview result={result} context={context} />
          </div>
        </section>

        <div className="actions">
          <button type="submit" className="button button-primary" disabled={register.isPending}>
            Registrar acuerdo
          </button>
        </div>
        <WriteStatus pending={register.isPending} pendingText="Registrando el acuerdo…" error={notice} />
      </form>
    </div>
  );
}
