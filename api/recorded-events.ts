import type { StoredEvent } from '../db/event-store.js';
import { RecordedEvent } from './responses/agreement.js';

// A stream's events as the history routes answer them.
export function recordedEvents(events: readonly StoredEvent[]): RecordedEvent[] {
  return events.map((e) => ({
    version: e.version,
    type: e.type,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    // jsonb columns come back untyped; the answer's own schema types them.
    actor: RecordedEvent.shape.actor.parse(e.actor),
    data: RecordedEvent.shape.data.parse(e.data),
    hash: e.hash,
    prevHash: e.prevHash,
  }));
}
