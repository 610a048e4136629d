import { useQuery } from '@tanstack/react-query';
import { localDateOf } from '../../../domain/dates';
import { bodyQuery, milestoneDates, milestonesQuery } from '../reference/queries';
import type { PreviewContext } from './deadline-preview';

// What a deadline of this body is computed with: its calendar, its milestones
// and today in its zone.
export function useDeadlineContext(bodyId: string, adoptedOn: string | undefined) {
  const body = useQuery(bodyQuery(bodyId));
  const milestones = useQuery(milestonesQuery(bodyId));
  const context: PreviewContext = {
    calendar: body.data?.calendar,
    adoptedOn,
    milestoneDates: milestoneDates(milestones.data ?? []),
    today: body.data ? localDateOf(new Date().toISOString(), body.data.body.timezone) : undefined,
  };
  return { context, milestones: milestones.data ?? [], body: body.data?.body, loadError: body.error ?? milestones.error };
}
