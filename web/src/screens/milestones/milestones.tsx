import '../../styles/ui-b.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDmy, localDateOf } from '../../../../domain/dates';
import { api } from '../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../api/errors';
import type { Ok } from '../../api/types';
import { bodyOf } from '../../auth/session';
import { bodyQuery, milestonesQuery, type Milestone } from '../../reference/queries';
import { Field, WriteStatus } from '../../ui/field';
import { useSubmission } from '../../ui/submission';
import { ListResult } from '../../ui/list-result';

type Occurred = Ok<'/api/milestones/{id}/occurred', 'post'>;

function waitingCount(n: number): string {
  if (n === 0) return 'ningún acuerdo espera este hito';
  return n === 1 ? '1 acuerdo espera este hito para tener fecha límite' : `${n} acuerdos esperan este hito para tener fecha límite`;
}

function datedCount(n: number): string {
  if (n === 0) return 'ningún acuerdo esperaba este hito';
  return n === 1 ? '1 acuerdo recibió su fecha límite' : `${n} acuerdos recibieron su fecha límite`;
}

// `/hitos`: the facts deadlines wait for ("a partir de la publicación del
// programa"). Recording one as occurred gives every agreement waiting for it
// its due date.
export function Milestones() {
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  const queryClient = useQueryClient();
  const milestones = useQuery(milestonesQuery(bodyId));
  const body = useQuery(bodyQuery(bodyId));
  const today = body.data ? localDateOf(new Date().toISOString(), body.data.body.timezone) : undefined;
  const [name, setName] = useState('');
  const [recording, setRecording] = useState<string>();
  const [outcome, setOutcome] = useState<Occurred>();
  useEffect(() => {
    document.title = 'Hitos — Acuerdos';
  }, []);

  const create = useSubmission(
    (input: { name: string }, key: string) => unwrap(api.POST('/api/milestones', { body: { bodyId, name: input.name }, params: { header: { 'idempotency-key': key } } })),
    {
      onSuccess: async () => {
        setName('');
        await queryClient.invalidateQueries({ queryKey: milestonesQuery(bodyId).queryKey });
      },
    },
  );
  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.submit({ name });
  };

  const occurred = async (result: Occurred) => {
    setRecording(undefined);
    setOutcome(result);
    await queryClient.invalidateQueries({ queryKey: milestonesQuery(bodyId).queryKey });
    await queryClient.invalidateQueries({ queryKey: ['agreements'] });
  };

  return (
    <div className="milestones">
      <h1>Hitos</h1>
      <p className="lead">
        Un hito es un hecho del que dependen plazos, como la publicación de un programa. Mientras no ocurre, los acuerdos que cuentan su plazo a partir de él no tienen fecha límite;
        cuando lo registre como ocurrido, la reciben.
      </p>


      {outcome && (
        <p className="status-ok" role="status">
          <span aria-hidden="true">✓ </span>
          Se registró que «{outcome.name}» ocurrió el {formatDmy(outcome.occurredOn ?? '')}: {datedCount(outcome.dueDatesSet)}.
        </p>
      )}

      <h2>Hitos del órgano</h2>
      <ListResult query={milestones} loading="Cargando hitos…" failed="No se pudieron cargar los hitos" empty="Aún no hay hitos registrados.">
        {(items) => (
          <ul className="milestone-list" aria-label="Hitos del órgano, primero los que aún no ocurren">
            {items.map((milestone) => (
              <li key={milestone.id} className="card milestone">
                <h3>{milestone.name}</h3>
                {milestone.occurredOn ? (
                  <p className="milestone-state">
                    <span aria-hidden="true">✓ </span>Ocurrió el {formatDmy(milestone.occurredOn)}
                  </p>
                ) : (
                  <>
                    <p className="milestone-state">
                      Aún no ocurre · {waitingCount(milestone.awaiting)}
                    </p>
                    {recording === milestone.id ? (
                      <RecordOccurred milestone={milestone} today={today} onDone={occurred} onCancel={() => setRecording(undefined)} />
                    ) : (
                      <button
                        type="button"
                        className="button"
                        aria-label={`Registrar que ocurrió: ${milestone.name}`}
                        onClick={() => {
                          setOutcome(undefined);
                          setRecording(milestone.id);
                        }}
                      >
                        Registrar que ocurrió
                      </button>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </ListResult>

      <section className="card" aria-labelledby="nuevo-hito">
        <h2 id="nuevo-hito">Nuevo hito</h2>
        <form onSubmit={onCreate} noValidate>
          <Field label="Nombre del hito" hint="P. ej.: Publicación del PROIGUALDAD 2020-2024 en el DOF." error={fieldMessage(create.error, 'name')}>
            {(control) => <input {...control} type="text" maxLength={500} required value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Registrar hito
          </button>
          <WriteStatus pending={create.isPending} pendingText="Registrando el hito…" success={create.data ? `Hito registrado: «${create.data.name}».` : undefined} error={formMessage(create.error, ['name'])} />
        </form>
      </section>
    </div>
  );
}

function RecordOccurred({ milestone, today, onDone, onCancel }: { milestone: Milestone; today: string | undefined; onDone: (result: Occurred) => void; onCancel: () => void }) {
  const [date, setDate] = useState(today ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const record = useSubmission(
    (day: string, key: string) => unwrap(api.POST('/api/milestones/{id}/occurred', { params: { path: { id: milestone.id }, header: { 'idempotency-key': key } }, body: { date: day } })),
    { onSuccess: onDone },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.submit(date);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="record-occurred">
      <Field label="Fecha en que ocurrió" hint="Una vez registrada no se puede cambiar." error={fieldMessage(record.error, 'date')}>
        {(control) => <input {...control} ref={input} className="input-date" type="date" min="1900-01-01" max={today} required value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={record.isPending} aria-label={`Guardar fecha: ${milestone.name}`}>
          Guardar fecha
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancelar
        </button>
      </div>
      <WriteStatus pending={record.isPending} pendingText="Registrando y fijando fechas límite…" error={formMessage(record.error, ['date'])} />
    </form>
  );
}
