import '../../../styles/admin-bodies.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { ApiFailure, fieldMessage, formMessage, unwrap } from '../../../api/errors';
import { institutionsQuery, type Institution } from '../../../reference/queries';
import { Field, WriteStatus } from '../../../ui/field';
import { useSubmission } from '../../../ui/submission';
import { emailListError, emailsOf, emailsText } from './email-list';
import { ListResult } from '../../../ui/list-result';

const EMAILS_HINT = 'Uno por renglón. Reciben los avisos de nuevos acuerdos y los recordatorios.';
const HEAD_EMAILS_HINT = 'Uno por renglón (opcional). Reciben los recordatorios cuando la institución no responde, si el órgano escala.';

// `/admin/instituciones`: the institutions agreements can name responsible,
// and where their notices go.
export function Institutions() {
  const institutions = useQuery(institutionsQuery);
  const [editing, setEditing] = useState<string>();
  useEffect(() => {
    document.title = 'Instituciones — Administración — Acuerdos';
  }, []);
  return (
    <div className="admin">
      <h1>Instituciones</h1>
      <p className="lead">Las instituciones son comunes a todos los órganos: cualquier órgano puede nombrarlas responsables de un acuerdo.</p>
      <ListResult query={institutions} loading="Cargando instituciones…" failed="No se pudieron cargar las instituciones" empty="Aún no hay instituciones.">
        {(items) => (
          <ul className="institution-list" aria-label="Instituciones, por siglas">
            {items.map((institution) => (
              <li key={institution.id} className="card">
                <h2 className="institution-name">
                  {institution.acronym} <span className="muted">· {institution.name}</span>
                </h2>
                {editing === institution.id ? (
                  <EditEmails institution={institution} onDone={() => setEditing(undefined)} />
                ) : (
                  <>
                    <EmailSummary label="Correos de enlace" emails={institution.emails} />
                    <EmailSummary label="Correos de la persona titular" emails={institution.headEmails} />
                    <button type="button" className="button" onClick={() => setEditing(institution.id)} aria-label={`Editar correos de ${institution.acronym}`}>
                      Editar correos
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </ListResult>
      <NewInstitutionForm />
    </div>
  );
}

function EmailSummary({ label, emails }: { label: string; emails: readonly string[] }) {
  return (
    <div className="email-summary">
      <h3>{label}</h3>
      {emails.length === 0 ? (
        <p className="muted">Ninguno.</p>
      ) : (
        <ul>
          {emails.map((email) => (
            <li key={email}>{email}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EmailFields({ emails, headEmails, onEmails, onHeadEmails, error }: { emails: string; headEmails: string; onEmails: (v: string) => void; onHeadEmails: (v: string) => void; error: unknown }) {
  return (
    <>
      <Field label="Correos de enlace" hint={EMAILS_HINT} error={emailListError(error, 'emails', emailsOf(emails))}>
        {(control) => <textarea {...control} className="emails" rows={3} value={emails} onChange={(e) => onEmails(e.target.value)} />}
      </Field>
      <Field label="Correos de la persona titular" hint={HEAD_EMAILS_HINT} error={emailListError(error, 'headEmails', emailsOf(headEmails))}>
        {(control) => <textarea {...control} className="emails" rows={2} value={headEmails} onChange={(e) => onHeadEmails(e.target.value)} />}
      </Field>
    </>
  );
}

function EditEmails({ institution, onDone }: { institution: Institution; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [emails, setEmails] = useState(emailsText(institution.emails));
  const [headEmails, setHeadEmails] = useState(emailsText(institution.headEmails));
  const save = useSubmission(
    (input: { emails: string[]; headEmails: string[] }, key: string) =>
      unwrap(api.PATCH('/api/institutions/{id}', { params: { path: { id: institution.id }, header: { 'idempotency-key': key } }, body: input })),
    {
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: institutionsQuery.queryKey });
        onDone();
      },
    },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.submit({ emails: emailsOf(emails), headEmails: emailsOf(headEmails) });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <EmailFields emails={emails} headEmails={headEmails} onEmails={setEmails} onHeadEmails={setHeadEmails} error={save.error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={save.isPending} aria-label={`Guardar correos de ${institution.acronym}`}>
          Guardar correos
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancelar
        </button>
      </div>
      <WriteStatus pending={save.isPending} pendingText="Guardando…" error={formMessage(save.error, ['emails', 'headEmails'])} />
    </form>
  );
}

function NewInstitutionForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [acronym, setAcronym] = useState('');
  const [emails, setEmails] = useState('');
  const [headEmails, setHeadEmails] = useState('');
  const create = useSubmission(
    (input: { name: string; acronym: string; emails: string[]; headEmails: string[] }, key: string) =>
      unwrap(api.POST('/api/institutions', { params: { header: { 'idempotency-key': key } }, body: input })),
    {
      onSuccess: async () => {
        setName('');
        setAcronym('');
        setEmails('');
        setHeadEmails('');
        await queryClient.invalidateQueries({ queryKey: institutionsQuery.queryKey });
      },
    },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.submit({ name: name.trim(), acronym: acronym.trim(), emails: emailsOf(emails), headEmails: emailsOf(headEmails) });
  };
  // Another institution has the acronym: said next to it.
  const acronymTaken = create.error instanceof ApiFailure && create.error.code === 'CONFLICT' ? create.error.message : undefined;
  return (
    <section className="card" aria-labelledby="nueva-institucion">
      <h2 id="nueva-institucion">Nueva institución</h2>
      <form onSubmit={onSubmit} noValidate>
        <Field label="Nombre" hint="P. ej.: Instituto Nacional de las Mujeres." error={fieldMessage(create.error, 'name')}>
          {(control) => <input {...control} type="text" maxLength={300} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Siglas" hint="P. ej.: INMUJERES. No puede repetirse." error={fieldMessage(create.error, 'acronym') ?? acronymTaken}>
          {(control) => <input {...control} className="input-short" type="text" maxLength={40} value={acronym} onChange={(e) => setAcronym(e.target.value)} />}
        </Field>
        <EmailFields emails={emails} headEmails={headEmails} onEmails={setEmails} onHeadEmails={setHeadEmails} error={create.error} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Registrar institución
        </button>
        <WriteStatus
          pending={create.isPending}
          pendingText="Registrando…"
          success={create.data ? `Institución registrada: ${create.data.acronym}.` : undefined}
          error={acronymTaken ? 'Revise los campos marcados.' : formMessage(create.error, ['name', 'acronym', 'emails', 'headEmails'])}
        />
      </form>
    </section>
  );
}
