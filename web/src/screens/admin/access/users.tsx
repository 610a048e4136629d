import './access.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { ApiFailure, fieldMessage, formMessage, unwrap } from '../../../api/errors';
import type { Ok } from '../../../api/types';
import { adminUsersRoute } from '../../../app/routes-admin-access';
import { meQuery, ROLE_LABEL } from '../../../auth/session';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Field, WriteStatus } from '../../../ui/field';
import { countOf, formatInstant } from '../../../ui/format';
import { useSubmission } from '../../../ui/submission';
import { EMPTY_GRANT, GRANT_FIELDS, GrantFields, grantOf, newestFirst, ROLES, useScopeName, useWithdrawal, type GrantDraft } from './grant';

type User = Ok<'/api/users'>[number];

const usersQuery = { queryKey: ['users'] as const, queryFn: async () => newestFirst(await unwrap(api.GET('/api/users'))) };

// `/admin/usuarios`: the people who sign in to the web UI, each with a role and
// the body or institution it acts for; create one, or disable one.
export function AdminUsers() {
  const { rol } = adminUsersRoute.useSearch();
  const navigate = useNavigate({ from: '/admin/usuarios' });
  const users = useQuery(usersQuery);
  const me = useQuery(meQuery);
  const scopeName = useScopeName();
  const [disabling, setDisabling] = useState<User>();
  const [disabled, setDisabled] = useState<User>();
  useEffect(() => {
    document.title = 'Usuarios — Acuerdos';
  }, []);
  const shown = users.data?.filter((user) => !rol || user.role === rol) ?? [];

  return (
    <div className="admin-access">
      <h1>Usuarios</h1>
      <p className="lead">
        Las personas que entran a esta interfaz con su correo electrónico y contraseña. Para que otro sistema llame a la API, emita un <Link to="/admin/tokens">token</Link>.
      </p>

      <NewUser />

      <h2 id="usuarios-registrados">Usuarios registrados</h2>
      <div className="field role-filter no-print">
        <label htmlFor="filtro-rol">Mostrar</label>
        <select id="filtro-rol" value={rol ?? ''} onChange={(e) => void navigate({ search: { rol: ROLES.find((r) => r === e.target.value) } })}>
          <option value="">Todos los roles</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              Solo {ROLE_LABEL[role]}
            </option>
          ))}
        </select>
      </div>
      {disabled && (
        <p className="status-ok" role="status">
          <span aria-hidden="true">✓ </span>
          La cuenta {disabled.email} quedó deshabilitada: ya no puede iniciar sesión y sus sesiones abiertas se cerraron.
        </p>
      )}
      {users.isPending ? (
        <p className="muted">Cargando usuarios…</p>
      ) : users.error ? (
        <p className="status-error">No se pudieron cargar los usuarios: {users.error.message}</p>
      ) : shown.length === 0 ? (
        <p className="notice">{rol ? `No hay usuarios con el rol ${ROLE_LABEL[rol]}.` : 'Aún no hay usuarios.'}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {countOf(shown.length, 'usuario', 'usuarios')}
            {rol ? ` con el rol ${ROLE_LABEL[rol]}` : ''}.
          </p>
          <div className="table-wrap">
            <table className="access-table" aria-labelledby="usuarios-registrados">
              <thead>
                <tr>
                  <th scope="col">Correo electrónico</th>
                  <th scope="col">Rol</th>
                  <th scope="col">Órgano o institución</th>
                  <th scope="col">Alta</th>
                  <th scope="col">Estado</th>
                  <th scope="col">
                    <span className="visually-hidden">Acciones</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((user) => (
                  <tr key={user.id} className={user.disabledAt ? 'row-off' : undefined}>
                    <td data-label="Correo electrónico" className="break">
                      {user.email}
                    </td>
                    <td data-label="Rol">{ROLE_LABEL[user.role]}</td>
                    <td data-label="Órgano o institución">{scopeName(user)}</td>
                    <td data-label="Alta" className="nowrap">
                      {formatInstant(user.createdAt)}
                    </td>
                    <td data-label="Estado">{user.disabledAt ? <span className="state-off">Deshabilitado el {formatInstant(user.disabledAt)}</span> : <span className="state-on">Activo</span>}</td>
                    <td className="row-actions">
                      {user.disabledAt ? null : user.id === me.data?.user?.id ? (
                        <span className="muted">Su propia cuenta</span>
                      ) : (
                        <button
                          type="button"
                          className="button button-danger"
                          aria-label={`Deshabilitar a ${user.email}`}
                          onClick={() => {
                            setDisabled(undefined);
                            setDisabling(user);
                          }}
                        >
                          Deshabilitar
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {disabling && (
        <DisableUser
          user={disabling}
          onDone={() => {
            setDisabled(disabling);
            setDisabling(undefined);
          }}
          onCancel={() => setDisabling(undefined)}
        />
      )}
    </div>
  );
}

function DisableUser({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const disable = useWithdrawal((id, key) => unwrap(api.DELETE('/api/users/{id}', { params: { path: { id }, header: { 'idempotency-key': key } } })), usersQuery.queryKey, onDone);
  return (
    <ConfirmDialog
      title={`¿Deshabilitar a ${user.email}?`}
      confirmLabel="Sí, deshabilitar"
      pendingText="Deshabilitando…"
      pending={disable.isPending}
      error={formMessage(disable.error)}
      onConfirm={() => disable.submit(user.id)}
      onCancel={onCancel}
    >
      <ul>
        <li>Ya no podrá iniciar sesión.</li>
        <li>Las sesiones que tenga abiertas se cierran en este momento.</li>
        <li>Lo que registró se conserva con su nombre.</li>
        <li>No se puede volver a habilitar: si necesita entrar de nuevo, dele de alta con otro correo.</li>
      </ul>
    </ConfirmDialog>
  );
}

function NewUser() {
  const queryClient = useQueryClient();
  const scopeName = useScopeName();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [grant, setGrant] = useState<GrantDraft>(EMPTY_GRANT);
  const create = useSubmission(
    (input: { email: string; password: string; grant: GrantDraft }, key: string) =>
      unwrap(api.POST('/api/users', { body: { email: input.email, password: input.password, ...grantOf(input.grant) }, params: { header: { 'idempotency-key': key } } })),
    {
      onSuccess: async () => {
        setEmail('');
        setPassword('');
        setGrant(EMPTY_GRANT);
        await queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
      },
    },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.submit({ email: email.trim(), password, grant });
  };
  // A taken e-mail is refused as a conflict, without a field: it is the e-mail's.
  const taken = create.error instanceof ApiFailure && create.error.status === 409 ? create.error.message : undefined;
  const created = create.data;
  return (
    <section className="card" aria-labelledby="nuevo-usuario">
      <h2 id="nuevo-usuario">Nuevo usuario</h2>
      <form onSubmit={onSubmit} noValidate className="access-form">
        <Field label="Correo electrónico" error={fieldMessage(create.error, 'email') ?? taken}>
          {(control) => <input {...control} type="email" autoComplete="off" maxLength={254} required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Contraseña" hint="Al menos 12 caracteres. Compártala con la persona por un medio seguro; podrá usarla en cuanto la guarde." error={fieldMessage(create.error, 'password')}>
          {(control) => <input {...control} type="password" autoComplete="new-password" maxLength={1024} required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <GrantFields draft={grant} onChange={setGrant} error={create.error} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Dar de alta
        </button>
        <WriteStatus
          pending={create.isPending}
          pendingText="Dando de alta…"
          success={created ? `Usuario dado de alta: ${created.email} (${ROLE_LABEL[created.role]}, ${scopeName(created)}).` : undefined}
          error={taken ? 'Revise los campos marcados.' : formMessage(create.error, ['email', 'password', ...GRANT_FIELDS])}
        />
      </form>
    </section>
  );
}
