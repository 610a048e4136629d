import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { formatDmy } from '../../../domain/dates';
import { api } from '../api/client';
import { formMessage, unwrap, type FieldProblem } from '../api/errors';
import type { Agreement } from '../api/types';
import { agreementChanged } from '../agreements/queries';
import { sessionsQuery } from '../reference/queries';
import { Field, WriteStatus } from '../ui/field';
import { useSubmission } from '../ui/submission';
import { DeadlineFields } from './deadline-fields';
import { DeadlinePreview } from './deadline-preview';
import { draftOf, problemFinder, ruleOf, type DeadlineDraft } from './draft';
import { useDeadlineContext } from './use-deadline-context';

const FIELDS = ['deadline', 'reason'];

// "Cambiar plazo" (prórroga) on an agreement's page: the button opens the
// same deadline fields and live preview as registration, starting from the
// rule in force, and asks the reason the history keeps.
export function ChangeDeadline({ agreement }: { agreement: Agreement }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const sessions = useQuery(sessionsQuery(agreement.bodyId));
  const adoptedOn = sessions.data?.find((s) => s.id === agreement.sessionId)?.date;
  const { context, milestones } = useDeadlineContext(agreement.bodyId, adoptedOn);
  const [draft, setDraft] = useState<DeadlineDraft>(() => draftOf(agreement.deadline, new Date().getFullYear()));
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const result = ruleOf(draft);

  const change = useSubmission(
    (input: { deadline: NonNullable<typeof result.rule>; reason: string }, key: string) =>
      unwrap(api.POST('/api/agreements/{id}/deadline', { params: { path: { id: agreement.id }, header: { 'idempotency-key': key } }, body: input })),
    {
      onSuccess: async () => {
        setOpen(false);
        setReason('');
        setAttempted(false);
        await agreementChanged(queryClient, agreement.id);
      },
    },
  );

  const ownProblems: FieldProblem[] = attempted ? [...(reason.trim() ? [] : [{ field: 'reason', message: 'Escriba el motivo del cambio de plazo.' }]), ...result.problems] : [];
  const problemFor = problemFinder(ownProblems, change.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!reason.trim() || !result.rule) return;
    change.submit({ deadline: result.rule, reason: reason.trim() });
  };

  return (
    <div className="reason-action change-deadline">
      <button type="button" className="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        Cambiar plazo
      </button>
      <form id={formId} hidden={!open} onSubmit={onSubmit} noValidate className="card action-form" aria-label="Cambiar plazo">
        {open && (
          <>
            <p className="current-deadline">
              <strong>Plazo vigente:</strong> {agreement.dueDate ? formatDmy(agreement.dueDate) : 'sin fecha límite'}. <span className="muted">{agreement.dueDateExplanation}</span>
            </p>
            <div className="deadline-layout">
              <DeadlineFields draft={draft} onChange={setDraft} problemFor={problemFor} milestones={milestones} adoptedOn={adoptedOn} />
              <DeadlinePreview result={result} context={context} />
            </div>
            <Field label="Motivo del cambio de plazo" hint="Queda en el historial del acuerdo junto con el plazo anterior." error={problemFor('reason')}>
              {(control) => <textarea {...control} rows={3} maxLength={5_000} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={change.isPending}>
                Guardar nuevo plazo
              </button>
              <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
                Volver
              </button>
            </div>
          </>
        )}
      </form>
      <WriteStatus
        pending={change.isPending}
        pendingText="Cambiando el plazo…"
        success={change.data && !open ? `Plazo cambiado: ${change.data.dueDate ? `vence el ${formatDmy(change.data.dueDate)}` : 'sin fecha límite'}.` : undefined}
        error={ownProblems.length > 0 ? 'Revise los campos marcados.' : formMessage(change.error, FIELDS)}
      />
    </div>
  );
}
