import type { AgreementEvent } from './events.js';
import { foldEvents } from './evolve.js';
import { initialState, type AgreementState, type Responsible } from './state.js';
import type { AgreementStatus } from './status.js';

// An agreement's dashboard columns over a span of occurrence time: they hold
// for every as-of cutoff c with from < c ≤ until (until null: from then on).
export interface AgreementPeriod {
  from: string;
  until: string | null;
  status: AgreementStatus;
  dueDate: string | null;
  responsibles: Responsible[];
}

export interface TimedEvent {
  // ISO instant (toISOString), so instants compare as strings.
  occurredAt: string;
  event: AgreementEvent;
}

type Columns = Omit<AgreementPeriod, 'from' | 'until'>;

function columnsOf(state: AgreementState): Columns | null {
  if (state.status === 'sin_adoptar') return null;
  return { status: state.status, dueDate: state.dueDate, responsibles: state.responsibles.map(({ institutionId, state: s }) => ({ institutionId, state: s })) };
}

const same = (a: Columns, b: Columns) => a.status === b.status && a.dueDate === b.dueDate && JSON.stringify(a.responsibles) === JSON.stringify(b.responsibles);

// The spans of an agreement's stream (events in version order). As of a
// cutoff, the state is the fold, in version order, of the events that occurred
// before it (db/agreement-history.ts): it changes only at the instants events
// occurred, so folding once per distinct instant gives every span. Facts
// recorded late with an earlier occurredAt land in the span they belong to.
export function agreementPeriods(events: readonly TimedEvent[]): AgreementPeriod[] {
  const instants = [...new Set(events.map((e) => e.occurredAt))].sort();
  const periods: AgreementPeriod[] = [];
  // The fold of the first `prefix` events: reused while the events occurred in
  // the order they were recorded, the usual case.
  let folded: AgreementState = initialState;
  let prefix = 0;
  for (const instant of instants) {
    const included = events.flatMap((e, index) => (e.occurredAt <= instant ? [index] : []));
    // Nothing is before the adoption (the first event); a stream that says otherwise has no span there.
    if (included[0] !== 0) continue;
    let state: AgreementState;
    if (included.at(-1) === included.length - 1 && included.length >= prefix) {
      folded = foldEvents(events.slice(prefix, included.length).map((e) => e.event), folded);
      prefix = included.length;
      state = folded;
    } else {
      state = foldEvents(included.flatMap((index) => events[index]?.event ?? []));
    }
    const columns = columnsOf(state);
    if (!columns) continue;
    const last = periods.at(-1);
    if (last && same(last, columns)) continue;
    if (last) last.until = instant;
    periods.push({ from: instant, until: null, ...columns });
  }
  return periods;
}
