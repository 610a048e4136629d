import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../api/errors';
import type { Agreement } from '../../api/types';
import { agreementChanged } from '../../agreements/queries';
import { Field, WriteStatus } from '../../ui/field';
import { formatInstant } from '../../ui/format';
import { useSubmission } from '../../ui/submission';

type ReasonPath = '/api/agreements/{id}/fulfil' | '/api/agreements/{id}/reopen' | '/api/agreements/{id}/cancel';

interface ReasonActionProps {
  agreement: Agreement;
  label: string;
  path: ReasonPath;
  field: 'justification' | 'reason';
  fieldLabel: string;
  confirm: string;
  done: string;
  danger?: boolean;
}

// An action that must say why: the button opens its form; the reason is kept
// if the server refuses it.
function ReasonAction({ agreement, label, path, field, fieldLabel, confirm, done, danger }: ReasonActionProps) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const formId = useId();
  const action = useSubmission(
    (text: string, key: string) => {
      const params = { path: { id: agreement.id }, header: { 'idempotency-key': key } };
      return field === 'justification' ? unwrap(api.POST('/api/agreements/{id}/fulfil', { params, body: { justification: text } })) : unwrap(api.POST(path as Exclude<ReasonPath, '/api/agreements/{id}/fulfil'>, { params, body: { reason: text } }));
    },
    {
      onSuccess: async () => {
        setOpen(false);
        setReason('');
        await agreementChanged(queryClient, agreement.id);
      },
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.submit(reason.trim());
  };
  return (
    <div className="reason-action">
      <button type="button" className={danger ? 'button button-danger' : 'button'} aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        {label}
      </button>
      <form id={formId} hidden={!open} onSubmit={submit} className="card action-form" aria-label={label}>
        <Field label={fieldLabel} error={fieldMessage(action.error, field)}>
          {(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />}
        </Field>
        <div className="actions">
          <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={action.isPending}>
            {confirm}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
            Volver
          </button>
        </div>
      </form>
      <WriteStatus pending={action.isPending} pendingText="Registrando…" success={action.isSuccess ? done : undefined} error={formMessage(action.error, [field])} />
    </div>
  );
}

function RemindAction({ agreement }: { agreement: Agreement }) {
  const queryClient = useQueryClient();
  const remind = useSubmission((_: null, key: string) => unwrap(api.POST('/api/agreements/{id}/remind', { params: { path: { id: agreement.id }, header: { 'idempotency-key': key } }, body: {} })), {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications', agreement.id] }),
  });
  const pending = agreement.responsibles.filter((r) => r.state !== 'cumplido').map((r) => r.acronym);
  return (
    <div className="reason-action">
      <button type="button" className="button" onClick={() => remind.submit(null)} disabled={remind.isPending || pending.length === 0}>
        Enviar recordatorio
      </button>
      <WriteStatus pending={remind.isPending} pendingText="Enviando el recordatorio…" success={remind.isSuccess ? `Recordatorio en camino a: ${pending.join(', ')}.` : undefined} error={formMessage(remind.error)} />
    </div>
  );
}

export function SecretariatActions({ agreement, changeDeadline }: { agreement: Agreement; changeDeadline?: React.ReactNode }) {
  const open = agreement.status === 'en_proceso';
  return (
    <div className="agreement-actions">
      {open && <ReasonAction agreement={agreement} label="Marcar como cumplido" path="/api/agreements/{id}/fulfil" field="justification" fieldLabel="Justificación" confirm="Confirmar: marcar como cumplido" done="El acuerdo quedó cumplido." />}
      {agreement.status === 'cumplido' && <ReasonAction agreement={agreement} label="Reabrir" path="/api/agreements/{id}/reopen" field="reason" fieldLabel="Motivo de la reapertura" confirm="Confirmar: reabrir" done="El acuerdo volvió a estar en proceso." />}
      {open && changeDeadline}
      {open && <RemindAction agreement={agreement} />}
      {agreement.status !== 'cancelado' && <ReasonAction agreement={agreement} label="Cancelar acuerdo" path="/api/agreements/{id}/cancel" field="reason" fieldLabel="Motivo de la cancelación" confirm="Confirmar: cancelar el acuerdo" done="El acuerdo quedó cancelado (sin efecto)." danger />}
    </div>
  );
}

const NOTIFICATION_STATE: Record<string, string> = { sent: 'Enviado', failed: 'Falló', logged: 'Registrado (sin servidor de correo)' };
const NOTIFICATION_KIND: Record<string, string> = { reminder: 'Recordatorio', review: 'Resultado de la revisión', digest: 'Resumen semanal', escalation: 'Escalamiento' };

export function AgreementNotifications({ agreement }: { agreement: Agreement }) {
  const notifications = useQuery({
    queryKey: ['notifications', agreement.id],
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { bodyId: agreement.bodyId, agreementId: agreement.id } } })),
  });
  if (notifications.isPending) return <p role="status">Cargando notificaciones…</p>;
  if (notifications.isError) return <p className="status-error">No se pudieron cargar las notificaciones: {notifications.error.message}</p>;
  if (notifications.data.length === 0) return <p className="muted">No se ha enviado ninguna notificación de este acuerdo.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Notificaciones de este acuerdo</caption>
        <thead>
          <tr>
            <th scope="col">Fecha</th>
            <th scope="col">Tipo</th>
            <th scope="col">Para</th>
            <th scope="col">Estado</th>
          </tr>
        </thead>
        <tbody>
          {notifications.data.map((n) => (
            <tr key={n.id}>
              <td className="nowrap">{formatInstant(n.createdAt)}</td>
              <td>{NOTIFICATION_KIND[n.kind] ?? n.kind}</td>
              <td>{n.recipients.join(', ')}</td>
              <td>
                {NOTIFICATION_STATE[n.state] ?? n.state}
                {n.error && <span className="muted"> — {n.error}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
