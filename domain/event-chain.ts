// What an event's hash covers, shared by the store that writes it (with
// node:crypto) and the web UI that checks a history (with Web Crypto): both
// hash exactly chainedText(prevHash, fields) with SHA-256.

export interface HashedFields {
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  data: unknown;
  occurredAt: string;
  recordedAt: string;
  actor: unknown;
}

// JSON with object keys sorted at every level, so a value read back from jsonb
// (which reorders keys) hashes exactly as the value that was written.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// Exactly the hashed fields, whatever else the caller's object carries.
export function hashedFields(e: HashedFields): HashedFields {
  return {
    streamId: e.streamId,
    version: e.version,
    eventId: e.eventId,
    type: e.type,
    data: e.data,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    actor: e.actor,
  };
}

// The text whose SHA-256 is the event's hash: the previous hash, a newline,
// the canonical JSON of the hashed fields.
export function chainedText(prevHash: string | null, fields: HashedFields): string {
  return `${prevHash ?? ''}\n${canonicalJson(hashedFields(fields))}`;
}
