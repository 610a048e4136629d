import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { fieldMessage, formMessage, unwrap } from '../../api/errors';
import type { Evidence } from '../../api/types';
import { agreementChanged } from '../../agreements/queries';
import { Field, WriteStatus } from '../../ui/field';
import { useSubmission } from '../../ui/submission';

type Decision = 'accepted' | 'rejected';

// Accept, or reject with a comment (which the institution receives): one
// evidence's review, from the queue or from the agreement's page. Once
// reviewed the evidence leaves the list these controls are in, so the result
// is told to `onReviewed`, whose message outlives them.
export function ReviewControls({ agreementId, evidence, onReviewed }: { agreementId: string; evidence: Evidence; onReviewed: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const review = useSubmission(
    (decision: Decision, key: string) =>
      unwrap(
        api.POST('/api/agreements/{id}/evidence/{eid}/review', {
          params: { path: { id: agreementId, eid: evidence.id }, header: { 'idempotency-key': key } },
          // A rejection always carries its comment, even blank: the API then
          // names the field, and the message shows next to it.
          body: decision === 'rejected' ? { decision, comment: comment.trim() } : { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      ),
    {
      onSuccess: async (_, { input }) => {
        onReviewed(input === 'accepted' ? 'Evidencia aceptada.' : 'Evidencia rechazada; se avisó a la institución.');
        await agreementChanged(queryClient, agreementId);
      },
    },
  );
  return (
    <div className="review-controls no-print">
      <Field label="Comentario" hint="Obligatorio para rechazar: la institución lo recibe por correo." error={fieldMessage(review.error, 'comment')}>
        {(control) => <textarea {...control} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} disabled={review.isPending || review.isSuccess} />}
      </Field>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => review.submit('accepted')} disabled={review.isPending || review.isSuccess}>
          Aceptar
        </button>
        <button type="button" className="button button-danger" onClick={() => review.submit('rejected')} disabled={review.isPending || review.isSuccess}>
          Rechazar
        </button>
      </div>
      <WriteStatus pending={review.isPending} pendingText="Registrando la revisión…" error={formMessage(review.error, ['comment'])} />
    </div>
  );
}
