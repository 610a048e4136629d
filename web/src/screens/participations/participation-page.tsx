import '../../styles/ui-b.css';
import '../../styles/participation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useRouteContext } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { foldParticipation, ParticipationEvent as EventSchema, type Participation as OwnState } from '../../../../domain/participation/index';
import { api } from '../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../api/errors';
import { sendForm } from '../../api/form-request';
import { bodyOf } from '../../auth/session';
import { participantsQuery, participationEventsQuery, participationQuery, participationsChanged, verificationFileHref, type Participation, type ParticipationEvent } from '../../participation/queries';
import { sessionsQuery } from '../../reference/queries';
import { Field, WriteStatus } from '../../ui/field';
import { FilePicker } from '../../ui/file-picker';
import { formatBytes, formatInstant } from '../../ui/format';
import { useSubmission } from '../../ui/submission';
import { participantNames, sessionName } from './participations';

// What the participation itself holds (without its agreement's evidence), as
// its events give it: what the follow-up form starts from.
function ownState(events: readonly ParticipationEvent[]): OwnState | undefined {
  return foldParticipation(events.flatMap((e) => {
    const parsed = EventSchema.safeParse({ type: e.type, data: e.data });
    return parsed.success ? [parsed.data] : [];
  }));
}

// `/participaciones/:id`: a participation, its follow-up (the secretariat
// fills it in: activities, means of verification with links and files) and its history.
export function ParticipationPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  const participation = useQuery(participationQuery(id));
  const events = useQuery(participationEventsQuery(id));
  const participants = useQuery(participantsQuery(bodyId));
  const sessions = useQuery(sessionsQuery(bodyId));
  const agreementId = participation.data?.agreementId ?? null;
  const agreement = useQuery({
    queryKey: ['agreement', agreementId, null],
    queryFn: () => unwrap(api.GET('/api/agreements/{id}', { params: { path: { id: agreementId ?? '' } } })),
    enabled: agreementId !== null,
  });
  useEffect(() => {
    document.title = 'Participación — Acuerdos';
  }, []);

  if (participation.isPending) return <p className="muted">Cargando la participación…</p>;
  if (participation.error) return <p className="status-error">No se pudo cargar la participación: {participation.error.message}</p>;
  const p = participation.data;
  const names = participantNames(p.participantIds, participants.data);

  return (
    <div className="participation-page">
      <p className="no-print">
        <Link to="/participaciones">← Participaciones</Link>
      </p>
      <div className="page-header">
        <h1>Participación de {names}</h1>
      </div>
      <dl className="facts">
        <dt>Número, tipo de sesión y fecha</dt>
        <dd>{sessionName(p.sessionId, sessions.data)}</dd>
        <dt>Acciones en las que la participación fue/es relevante</dt>
        <dd className="prose">{p.relevance}</dd>
        <dt>Acuerdo adoptado</dt>
        <dd>
          {agreementId === null ? (
            'Ninguno'
          ) : (
            <Link to="/acuerdos/$id" params={{ id: agreementId }}>
              {agreement.data ? `${agreement.data.folio}: ${agreement.data.text}` : 'Ver el acuerdo'}
            </Link>
          )}
        </dd>
      </dl>
      <FollowUpView participation={p} />
      {principal.role === 'secretariat' && events.data && <FollowUpForm participation={p} own={ownState(events.data)} />}
      <History events={events.data} />
    </div>
  );
}

function FollowUpView({ participation }: { participation: Participation }) {
  const v = participation.verification;
  return (
    <section className="card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Seguimiento</h2>
      <h3>Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado</h3>
      <p className="prose">{participation.activities ?? <span className="muted">Aún no se registran.</span>}</p>
      <h3>Medios de verificación</h3>
      {v === null ? (
        <p className="muted">Aún no se registran.</p>
      ) : (
        <>
          {v.text && <p className="prose">{v.text}</p>}
          {v.links.length > 0 && (
            <ul aria-label="Enlaces">
              {v.links.map((link) => (
                <li key={link}>
                  <a href={link} rel="noreferrer" target="_blank">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {v.files.length > 0 && (
            <ul aria-label="Archivos">
              {v.files.map((file) => (
                <li key={`${file.evidenceId ?? 'propio'}-${file.sha256}`}>
                  <a href={verificationFileHref(participation.id, file)} download>
                    {file.name}
                  </a>{' '}
                  <span className="muted">
                    ({formatBytes(file.size)}
                    {file.evidenceId ? ', de una evidencia aceptada del acuerdo' : ''})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

interface FollowUpInput {
  activities: string;
  text: string;
  links: string[];
  files: File[];
}

const FIELDS = ['activities', 'verification', 'files', '(cuerpo)'];

function FollowUpForm({ participation, own }: { participation: Participation; own: OwnState | undefined }) {
  const queryClient = useQueryClient();
  const [activities, setActivities] = useState(own?.activities ?? '');
  const [text, setText] = useState(own?.verification?.text ?? '');
  const [links, setLinks] = useState((own?.verification?.links ?? []).join('\n'));
  const [files, setFiles] = useState<File[]>([]);
  const save = useSubmission(
    (input: FollowUpInput, key: string) => {
      // A form cannot send null: an empty field clears it.
      const form = new FormData();
      form.append('activities', input.activities);
      form.append('verification.text', input.text);
      for (const link of input.links) form.append('verification.links', link);
      for (const file of input.files) form.append('files', file, file.name);
      return sendForm<Participation>('PATCH', `/api/participations/${encodeURIComponent(participation.id)}`, form, key);
    },
    {
      onSuccess: async () => {
        setFiles([]);
        await participationsChanged(queryClient, participation.id);
      },
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.submit({
      activities: activities.trim(),
      text: text.trim(),
      links: links
        .split(/\s+/)
        .map((l) => l.trim())
        .filter(Boolean),
      files,
    });
  };
  return (
    <section className="card no-print" aria-labelledby="follow-up-form-title">
      <h2 id="follow-up-form-title">Registrar seguimiento</h2>
      <form onSubmit={submit} noValidate aria-labelledby="follow-up-form-title">
        <Field label="Actividades realizadas" hint="Para el cumplimiento del acuerdo o en seguimiento a lo presentado." error={fieldMessage(save.error, 'activities')}>
          {(control) => <textarea {...control} rows={4} value={activities} onChange={(e) => setActivities(e.target.value)} />}
        </Field>
        <Field label="Medios de verificación" hint="P. ej. «Acta de la Sesión Permanente»." error={fieldMessage(save.error, 'verification.text') ?? fieldMessage(save.error, 'verification')}>
          {(control) => <textarea {...control} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field label="Enlaces" hint="Direcciones web (https://…), una por línea." error={fieldMessage(save.error, 'verification.links')}>
          {(control) => <textarea {...control} rows={2} value={links} onChange={(e) => setLinks(e.target.value)} />}
        </Field>
        <FilePicker
          id="participation-files"
          label="Archivos"
          hint="Se suman a los ya registrados (PDF, documentos, hojas de cálculo, imágenes)."
          files={files}
          onChange={setFiles}
          error={fieldMessage(save.error, 'files')}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            Guardar seguimiento
          </button>
        </div>
        <WriteStatus pending={save.isPending} pendingText="Guardando el seguimiento…" success={save.isSuccess ? 'Seguimiento guardado.' : undefined} error={formMessage(save.error, FIELDS)} />
      </form>
    </section>
  );
}

const ROLE_NAME: Record<string, string> = { secretariat: 'Secretaría técnica', coordinator: 'Coordinación', admin: 'Administración', system: 'El sistema' };

function describe(event: ParticipationEvent): { title: string; detail?: string } {
  const parsed = EventSchema.safeParse({ type: event.type, data: event.data });
  if (!parsed.success) return { title: event.type };
  const e = parsed.data;
  if (e.type === 'ParticipationRecorded') return { title: 'Participación registrada', detail: e.data.relevance };
  if (e.type === 'ParticipationFilesAttached') return { title: 'Archivos agregados a los medios de verificación', detail: e.data.files.map((f) => f.name).join(', ') };
  const changed = [
    e.data.activities !== undefined ? 'actividades' : '',
    e.data.verification !== undefined ? 'medios de verificación' : '',
    e.data.agreementId !== undefined ? 'acuerdo adoptado' : '',
  ].filter(Boolean);
  return { title: `Seguimiento: ${changed.join(', ')}`, ...(e.data.activities ? { detail: e.data.activities } : {}) };
}

function History({ events }: { events: readonly ParticipationEvent[] | undefined }) {
  return (
    <section className="card" aria-labelledby="participation-history-title">
      <h2 id="participation-history-title">Historia</h2>
      {!events ? (
        <p className="muted">Cargando la historia…</p>
      ) : (
        <ol className="history">
          {[...events].reverse().map((event) => {
            const { title, detail } = describe(event);
            return (
              <li key={event.eventId}>
                <p>
                  <strong>{title}</strong>
                </p>
                <p className="muted">
                  {formatInstant(event.occurredAt)} · {ROLE_NAME[event.actor.role] ?? event.actor.role}
                </p>
                {detail && <p className="prose">{detail}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
