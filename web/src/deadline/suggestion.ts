import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { formatDmy } from '../../../domain/dates';
import { PERIOD_END } from '../../../domain/deadline';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { Ok } from '../api/types';
import type { Milestone } from '../reference/queries';
import { countOf } from '../ui/format';

export type DeadlineSuggestion = NonNullable<Ok<'/api/deadline-suggestions', 'post'>['suggestion']>;
export type SuggestedRule = DeadlineSuggestion['deadline'];
type SuggestedAnchor = Extract<SuggestedRule, { from: unknown }>['from'];

// Asking on every key press would read half-typed sentences: the text is read once typing pauses.
const PAUSE_MS = 400;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// The deadline the agreement's text states, read by the server once typing
// pauses, counted from the chosen session when there is one. Each answer
// carries the text it read (trimmed, as the server reads it): the evidence's
// positions are in that text. While a newer text is read, the last answer
// stays on screen rather than the region vanishing at every pause.
export function useDeadlineSuggestion(bodyId: string, typed: string, sessionId: string | undefined) {
  const text = useSettled(typed.trim(), PAUSE_MS);
  return useQuery({
    queryKey: ['deadline-suggestion', bodyId, sessionId ?? null, text] as const,
    queryFn: async () => ({ text, ...(await unwrap(api.POST('/api/deadline-suggestions', { body: { bodyId, text, ...(sessionId ? { sessionId } : {}) } }))) }),
    enabled: bodyId !== '' && text !== '',
    // A reading of the same words for the same session does not change.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

function anchorPhrase(from: SuggestedAnchor, milestones: readonly Milestone[]): string {
  if (from === 'adoption') return 'a partir de la adopción del acuerdo';
  if ('date' in from) return `a partir del ${formatDmy(from.date)}`;
  if ('milestoneName' in from) return `a partir del hito «${from.milestoneName}»`;
  const name = milestones.find((m) => m.id === from.milestoneId)?.name;
  return name ? `a partir del hito «${name}»` : 'a partir de un hito del órgano';
}

// The proposed rule as a person would say it.
export function ruleInWords(rule: SuggestedRule, milestones: readonly Milestone[]): string {
  switch (rule.type) {
    case 'date':
      return `A más tardar el ${formatDmy(rule.date)}`;
    case 'business_days':
      return `${countOf(rule.days, 'día hábil', 'días hábiles')} ${anchorPhrase(rule.from, milestones)}`;
    case 'calendar_days':
      return `${countOf(rule.days, 'día natural', 'días naturales')} ${anchorPhrase(rule.from, milestones)}`;
    case 'months':
      return `${countOf(rule.months, 'mes', 'meses')} ${anchorPhrase(rule.from, milestones)}`;
    case 'period_end':
      return `Al término del ${PERIOD_END[rule.period].label} de ${rule.year}`;
    default: {
      const unreachable: never = rule;
      return unreachable;
    }
  }
}

// The name of a milestone the rule counts from that the body does not have yet.
export function missingMilestone(rule: SuggestedRule): string | undefined {
  return 'from' in rule && typeof rule.from === 'object' && 'milestoneName' in rule.from ? rule.from.milestoneName : undefined;
}
