import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatDmy } from '../../../../domain/dates';
import { SESSION_KIND_LABEL, sessionLabel, SessionKind } from '../../../../domain/session-label';
import { api } from '../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../api/errors';
import type { Body as RequestBody } from '../../api/types';
import { sessionsQuery, type CreatedSession } from '../../reference/queries';
import { Field, WriteStatus } from '../../ui/field';
import { useSubmission } from '../../ui/submission';

type NewSession = RequestBody<'/api/sessions'>;
const FIELDS = ['kind', 'number', 'date', 'label'];

// Registers a session of the body (POST /api/sessions): from the sessions
// screen, or from the registration of an agreement whose session is not there yet.
export function NewSessionForm({ bodyId, onCreated, submitLabel = 'Crear sesión' }: { bodyId: string; onCreated: (session: CreatedSession) => void; submitLabel?: string }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<SessionKind>('ordinaria');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const create = useSubmission(
    (input: NewSession, key: string) => unwrap(api.POST('/api/sessions', { body: input, params: { header: { 'idempotency-key': key } } })),
    {
      onSuccess: async (session) => {
        await queryClient.invalidateQueries({ queryKey: sessionsQuery(bodyId).queryKey });
        setNumber('');
        setDate('');
        setLabel('');
        onCreated(session);
      },
    },
  );
  const parsedNumber = /^\d+$/.test(number.trim()) ? Number(number.trim()) : undefined;
  const defaultLabel = parsedNumber !== undefined && parsedNumber >= 1 && parsedNumber <= 99 ? sessionLabel(kind, parsedNumber) : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A permanent session may go without number (it is named by its date);
    // what is not a number goes as typed: the API names the field and says why.
    const unnumbered = kind === 'permanente' && number.trim() === '';
    create.submit({ bodyId, kind, ...(unnumbered ? {} : { number: parsedNumber ?? (Number(number) || 0) }), date, ...(label.trim() ? { label: label.trim() } : {}) });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="new-session">
      <div className="field-row">
        <Field label="Tipo de sesión" error={fieldMessage(create.error, 'kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as SessionKind)}>
              {SessionKind.options.map((k) => (
                <option key={k} value={k}>
                  {SESSION_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Número" hint={kind === 'permanente' ? 'Opcional: la sesión permanente se identifica por su fecha.' : undefined} error={fieldMessage(create.error, 'number')}>
          {(control) => <input {...control} className="input-short" type="number" inputMode="numeric" min={1} max={99} step={1} required={kind !== 'permanente'} value={number} onChange={(e) => setNumber(e.target.value)} />}
        </Field>
        <Field label="Fecha de la sesión" error={fieldMessage(create.error, 'date')}>
          {(control) => <input {...control} className="input-date" type="date" min="1900-01-01" max="2200-12-31" required value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>
      <Field label="Nombre de la sesión (opcional)" hint={defaultLabel ? `Si lo deja vacío se llamará «${defaultLabel}».` : kind === 'permanente' ? 'Si lo deja vacío se llamará «Sesión Permanente».' : 'Si lo deja vacío se forma con el número y el tipo.'} error={fieldMessage(create.error, 'label')}>
        {(control) => <input {...control} type="text" maxLength={300} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {submitLabel}
        </button>
      </div>
      <WriteStatus
        pending={create.isPending}
        pendingText="Registrando la sesión…"
        success={create.data ? `Sesión registrada: ${create.data.label}, ${formatDmy(create.data.date)}.` : undefined}
        error={formMessage(create.error, FIELDS)}
      />
    </form>
  );
}
