import './access.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../../api/errors';
import type { Ok } from '../../../api/types';
import { ROLE_LABEL } from '../../../auth/session';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Field, WriteStatus } from '../../../ui/field';
import { formatInstant } from '../../../ui/format';
import { useSubmission } from '../../../ui/submission';
import { EMPTY_GRANT, GRANT_FIELDS, GrantFields, grantOf, newestFirst, useScopeName, useWithdrawal, type GrantDraft } from './grant';
import { ListResult } from '../../../ui/list-result';

type Token = Ok<'/api/tokens'>[number];

// The secret of a token just issued. It lives only in this screen's state:
// never in the address, the query cache or the browser's storage, so leaving
// or reloading the page loses it for good (the API keeps only its hash).
interface Issued {
  id: string;
  label: string;
  token: string;
}

const tokensQuery = { queryKey: ['tokens'] as const, queryFn: async () => newestFirst(await unwrap(api.GET('/api/tokens'))) };

// `/admin/tokens`: the keys other systems call the API with. Issue one (its
// secret is shown once), see them all, revoke one.
export function AdminTokens() {
  const tokens = useQuery(tokensQuery);
  const scopeName = useScopeName();
  const [issued, setIssued] = useState<Issued>();
  const [revoking, setRevoking] = useState<Token>();
  const [revoked, setRevoked] = useState<Token>();
  useEffect(() => {
    document.title = 'Tokens — Acuerdos';
  }, []);

  return (
    <div className="admin-access">
      <h1>Tokens de acceso</h1>
      <p className="lead">
        Un token permite que otro sistema consulte o registre información por la API (cabecera <code>Authorization: Bearer …</code>) con un rol. Para personas, dé de alta un{' '}
        <Link to="/admin/usuarios">usuario</Link>.
      </p>

      {issued ? <IssuedToken issued={issued} onHide={() => setIssued(undefined)} /> : <NewToken onIssued={setIssued} />}

      <h2 id="tokens-emitidos">Tokens emitidos</h2>
      {revoked && (
        <p className="status-ok" role="status">
          <span aria-hidden="true">✓ </span>
          El token «{revoked.label}» quedó revocado: desde ahora la API lo rechaza.
        </p>
      )}
      <ListResult query={tokens} loading="Cargando tokens…" failed="No se pudieron cargar los tokens" empty="Aún no se ha emitido ningún token.">
        {(items) => (
          <div className="table-wrap">
            <table className="access-table" aria-labelledby="tokens-emitidos">
              <thead>
                <tr>
                  <th scope="col">Etiqueta</th>
                  <th scope="col">Rol</th>
                  <th scope="col">Alcance</th>
                  <th scope="col">Creado</th>
                  <th scope="col">Estado</th>
                  <th scope="col">
                    <span className="visually-hidden">Acciones</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((token) => (
                  <tr key={token.id} className={token.revokedAt ? 'row-off' : undefined}>
                    <td data-label="Etiqueta" className="break">
                      {token.label}
                    </td>
                    <td data-label="Rol">{ROLE_LABEL[token.role]}</td>
                    <td data-label="Alcance">{scopeName(token)}</td>
                    <td data-label="Creado" className="nowrap">
                      {formatInstant(token.createdAt)}
                    </td>
                    <td data-label="Estado">{token.revokedAt ? <span className="state-off">Revocado el {formatInstant(token.revokedAt)}</span> : <span className="state-on">Vigente</span>}</td>
                    <td className="row-actions">
                      {!token.revokedAt && (
                        <button
                          type="button"
                          className="button button-danger"
                          aria-label={`Revocar el token ${token.label}`}
                          onClick={() => {
                            setRevoked(undefined);
                            setRevoking(token);
                          }}
                        >
                          Revocar
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListResult>
      {revoking && (
        <RevokeToken
          token={revoking}
          onDone={() => {
            setRevoked(revoking);
            setRevoking(undefined);
            // A secret revoked is of no use to copy any more.
            if (issued?.id === revoking.id) setIssued(undefined);
          }}
          onCancel={() => setRevoking(undefined)}
        />
      )}
    </div>
  );
}

function NewToken({ onIssued }: { onIssued: (issued: Issued) => void }) {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [grant, setGrant] = useState<GrantDraft>(EMPTY_GRANT);
  const issue = useSubmission(
    (input: { label: string; grant: GrantDraft }, key: string) => unwrap(api.POST('/api/tokens', { body: { label: input.label, ...grantOf(input.grant) }, params: { header: { 'idempotency-key': key } } })),
    {
      // The answer holds the secret: not kept by the mutation cache once handed over.
      gcTime: 0,
      onSuccess: async (answer, { input }) => {
        onIssued({ id: answer.id, label: input.label, token: answer.token });
        await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
      },
    },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    issue.submit({ label: label.trim(), grant });
  };
  return (
    <section className="card" aria-labelledby="emitir-token">
      <h2 id="emitir-token">Emitir token</h2>
      <form onSubmit={onSubmit} noValidate className="access-form">
        <Field label="Etiqueta" hint="Para reconocerlo después en la lista, p. ej. «Sistema de informes de INMUJERES»." error={fieldMessage(issue.error, 'label')}>
          {(control) => <input {...control} type="text" maxLength={200} required value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <GrantFields draft={grant} onChange={setGrant} error={issue.error} />
        <button type="submit" className="button button-primary" disabled={issue.isPending}>
          Emitir token
        </button>
        <WriteStatus pending={issue.isPending} pendingText="Emitiendo…" error={formMessage(issue.error, ['label', ...GRANT_FIELDS])} />
      </form>
    </section>
  );
}

// The secret, once: a read-only field to copy from and a warning that it will
// not be shown again.
function IssuedToken({ issued, onHide }: { issued: Issued; onHide: () => void }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const [copy, setCopy] = useState<'copied' | 'manual'>();
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopy('copied');
    } catch {
      field.current?.select();
      setCopy('manual');
    }
  };
  return (
    <section className="card issued-token" aria-labelledby={headingId}>
      <h2 id={headingId}>Token emitido: «{issued.label}»</h2>
      <p className="notice">
        <strong>Cópielo ahora: no se volverá a mostrar.</strong> El sistema guarda solo una huella del token; si lo pierde, revóquelo y emita otro.
      </p>
      {/* A text area, so the whole secret shows even on a phone. */}
      <Field label="Token" hint="Solo se muestra esta vez.">{(control) => <textarea {...control} ref={field} className="token-value" rows={2} readOnly value={issued.token} onFocus={(e) => e.target.select()} spellCheck={false} autoComplete="off" />}</Field>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void copyToken()}>
          Copiar
        </button>
        <button type="button" className="button" onClick={onHide}>
          Ya lo guardé: ocultar
        </button>
      </div>
      <div role="status">
        {copy === 'copied' && <p className="status-ok">Copiado. Péguelo donde lo vaya a guardar.</p>}
        {copy === 'manual' && <p className="status-error">No se pudo copiar solo: el token quedó seleccionado, cópielo con Ctrl+C.</p>}
      </div>
    </section>
  );
}

function RevokeToken({ token, onDone, onCancel }: { token: Token; onDone: () => void; onCancel: () => void }) {
  const revoke = useWithdrawal((id, key) => unwrap(api.DELETE('/api/tokens/{id}', { params: { path: { id }, header: { 'idempotency-key': key } } })), tokensQuery.queryKey, onDone);
  return (
    <ConfirmDialog
      title={`¿Revocar el token «${token.label}»?`}
      confirmLabel="Sí, revocar"
      pendingText="Revocando…"
      pending={revoke.isPending}
      error={formMessage(revoke.error)}
      onConfirm={() => revoke.submit(token.id)}
      onCancel={onCancel}
    >
      <ul>
        <li>Desde su siguiente solicitud, la API rechazará a quien lo use (respuesta 401, sin acceso).</li>
        <li>Lo que ya se registró con él se conserva.</li>
        <li>No se puede deshacer: para volver a dar acceso, emita un token nuevo.</li>
      </ul>
    </ConfirmDialog>
  );
}
