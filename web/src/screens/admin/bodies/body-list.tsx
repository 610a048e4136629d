import '../../../styles/admin-bodies.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { ApiFailure, fieldMessage, formMessage, unwrap } from '../../../api/errors';
import { Field, WriteStatus } from '../../../ui/field';
import { useSubmission } from '../../../ui/submission';
import { adminBodiesQuery, bodyChanged } from './queries';
import { ListResult } from '../../../ui/list-result';

const FIELDS = ['name', 'acronym'];

// `/admin/organos`: every body, and a new one (created with the defaults, then
// configured on its own page).
export function BodyList() {
  const bodies = useQuery(adminBodiesQuery);
  useEffect(() => {
    document.title = 'Órganos colegiados — Administración — Acuerdos';
  }, []);
  return (
    <div className="admin">
      <h1>Órganos colegiados</h1>
      <ListResult query={bodies} loading="Cargando órganos…" failed="No se pudieron cargar los órganos" empty="Aún no hay órganos colegiados.">
        {(items) => (
          <div className="table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Órganos colegiados, por siglas</caption>
              <thead>
                <tr>
                  <th scope="col">Siglas</th>
                  <th scope="col">Nombre</th>
                  <th scope="col">Zona horaria</th>
                  <th scope="col">Consulta pública</th>
                </tr>
              </thead>
              <tbody>
                {items.map((body) => (
                  <tr key={body.id}>
                    <th scope="row">
                      <Link to="/admin/organos/$id" params={{ id: body.id }} aria-label={`${body.acronym}: ajustes`}>
                        {body.acronym}
                      </Link>
                    </th>
                    <td>{body.name}</td>
                    <td data-label="Zona horaria">{body.timezone}</td>
                    <td data-label="Consulta pública">{body.public ? 'Sí' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListResult>
      <NewBodyForm />
    </div>
  );
}

function NewBodyForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [acronym, setAcronym] = useState('');
  const create = useSubmission(
    (input: { name: string; acronym: string }, key: string) => unwrap(api.POST('/api/bodies', { body: input, params: { header: { 'idempotency-key': key } } })),
    {
      onSuccess: async (body) => {
        await bodyChanged(queryClient, body);
        await navigate({ to: '/admin/organos/$id', params: { id: body.id } });
      },
    },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.submit({ name: name.trim(), acronym: acronym.trim() });
  };
  // Another body has the acronym: said next to it.
  const acronymTaken = create.error instanceof ApiFailure && create.error.code === 'CONFLICT' ? create.error.message : undefined;
  return (
    <section className="card" aria-labelledby="nuevo-organo">
      <h2 id="nuevo-organo">Nuevo órgano colegiado</h2>
      <p className="muted">Se crea con la zona horaria de la Ciudad de México, sin días inhábiles propios y con el plan de recordatorios por omisión; después puede ajustarlo.</p>
      <form onSubmit={onSubmit} noValidate>
        <Field label="Nombre" hint="P. ej.: Sistema Nacional para la Igualdad entre Mujeres y Hombres." error={fieldMessage(create.error, 'name')}>
          {(control) => <input {...control} type="text" maxLength={300} required value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Siglas" hint="P. ej.: SNIMH. No puede repetirse." error={fieldMessage(create.error, 'acronym') ?? acronymTaken}>
          {(control) => <input {...control} className="input-short" type="text" maxLength={40} required value={acronym} onChange={(e) => setAcronym(e.target.value)} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Crear órgano
        </button>
        <WriteStatus pending={create.isPending} pendingText="Creando el órgano…" error={acronymTaken ? 'Revise los campos marcados.' : formMessage(create.error, FIELDS)} />
      </form>
    </section>
  );
}
