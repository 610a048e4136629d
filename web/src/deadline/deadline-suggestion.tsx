import '../styles/deadline-suggestion.css';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatDmy } from '../../../domain/dates';
import { DeadlineRule } from '../../../domain/deadline';
import { markedPieces } from '../../../domain/marked-text';
import { api } from '../api/client';
import { formMessage, unwrap } from '../api/errors';
import type { Milestone } from '../reference/queries';
import { WriteStatus } from '../ui/field';
import { useSubmission } from '../ui/submission';
import { draftOf, type DeadlineDraft } from './draft';
import { missingMilestone, ruleInWords, useDeadlineSuggestion, type SuggestedRule } from './suggestion';

// Below this the reading leaned on guesses (a year left implicit, "días" without hábiles/naturales).
const PLAIN_CONFIDENCE = 0.7;

// The suggested rule with its milestone named by id, as the form's fields take it.
function ruleWithMilestone(rule: SuggestedRule, milestoneId: string | undefined): DeadlineRule | undefined {
  const anchored = milestoneId !== undefined && 'from' in rule ? { ...rule, from: { milestoneId } } : rule;
  const parsed = DeadlineRule.safeParse(anchored);
  return parsed.success ? parsed.data : undefined;
}

// The region "Plazo que indica el texto": the deadline the agreement's own words
// state, with those words marked, offered beside the deadline fields. It fills
// them only when the secretariat presses the button: what they chose stays.
export function DeadlineSuggestionPanel({
  bodyId,
  typed,
  sessionId,
  milestones,
  onUse,
}: {
  bodyId: string;
  typed: string;
  sessionId: string | undefined;
  milestones: readonly Milestone[];
  onUse: (draft: DeadlineDraft) => void;
}) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const query = useDeadlineSuggestion(bodyId, typed, sessionId);
  const text = query.data?.text;
  const [usedFor, setUsedFor] = useState<string | undefined>();
  const suggestion = query.data?.suggestion;
  const missing = suggestion ? missingMilestone(suggestion.deadline) : undefined;

  // The rule and text are those on screen when the button was pressed, even if a newer reading arrived since.
  const take = (offered: SuggestedRule, readFrom: string | undefined, milestoneId?: string) => {
    const rule = ruleWithMilestone(offered, milestoneId);
    if (!rule) return;
    onUse(draftOf(rule, new Date().getFullYear()));
    setUsedFor(readFrom);
  };

  const createMilestone = useSubmission(
    (offer: { name: string; rule: SuggestedRule; text: string | undefined }, key: string) =>
      unwrap(api.POST('/api/milestones', { body: { bodyId, name: offer.name }, params: { header: { 'idempotency-key': key } } })),
    {
      onSuccess: async (created, { input }) => {
        await queryClient.invalidateQueries({ queryKey: ['milestones', bodyId] });
        take(input.rule, input.text, created.id);
      },
    },
  );

  if (typed.trim() === '' || (text === undefined && !query.isError)) return null;

  return (
    <section className="deadline-suggestion" aria-labelledby={headingId} aria-busy={query.isPlaceholderData}>
      <h3 id={headingId}>Plazo que indica el texto</h3>
      {query.isError ? (
        <p className="muted">No se pudo leer el plazo del texto: {query.error.message}</p>
      ) : !suggestion ? (
        <p className="muted">El texto no indica un plazo.</p>
      ) : (
        <>
          <p className="suggestion-text">
            {markedPieces(text ?? '', suggestion.evidence).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
          </p>
          <p className="suggestion-rule">
            <strong>{ruleInWords(suggestion.deadline, milestones)}</strong>
          </p>
          <p className="deadline-due">
            Fecha límite: <strong>{suggestion.dueDate ? formatDmy(suggestion.dueDate) : 'sin fecha hasta que ocurra el hito'}</strong>
          </p>
          <p className="deadline-explanation">{suggestion.dueDateExplanation}</p>
          {suggestion.confidence < PLAIN_CONFIDENCE && (
            <p className="notice">
              <span aria-hidden="true">⚠ </span>El texto no lo dice del todo claro: revise el plazo antes de usarlo.
            </p>
          )}
          {missing ? (
            <>
              <p>El hito «{missing}» aún no existe en el órgano. Puede crearlo ahora; el plazo correrá cuando se registre que ocurrió.</p>
              <button type="button" className="button" disabled={createMilestone.isPending} onClick={() => createMilestone.submit({ name: missing, rule: suggestion.deadline, text })}>
                Crear el hito y usar este plazo
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => take(suggestion.deadline, text)}>
              Usar este plazo
            </button>
          )}
          <WriteStatus
            pending={createMilestone.isPending}
            pendingText="Creando el hito…"
            success={usedFor === text ? 'Listo: el plazo quedó en los campos; la fecha calculada lo confirma.' : undefined}
            error={formMessage(createMilestone.error)}
          />
        </>
      )}
    </section>
  );
}
