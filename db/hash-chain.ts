import { createHash } from 'node:crypto';

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

export function eventHash(prevHash: string | null, fields: HashedFields): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(canonicalJson(fields))
    .digest('hex');
}

export interface ChainLink extends HashedFields {
  hash: string;
  prevHash: string | null;
}

export type ChainCheck = { ok: true } | { ok: false; version: number; reason: string };

// Walks one stream in version order and reports the first link that does not hold.
export function verifyChain(links: readonly ChainLink[]): ChainCheck {
  let prev: string | null = null;
  for (const [index, link] of links.entries()) {
    if (link.version !== index + 1) return { ok: false, version: link.version, reason: `falta la versión ${index + 1}` };
    if (link.prevHash !== prev) return { ok: false, version: link.version, reason: 'prevHash no coincide con el hash anterior' };
    if (eventHash(prev, hashedFields(link)) !== link.hash) return { ok: false, version: link.version, reason: 'el hash no corresponde al contenido' };
    prev = link.hash;
  }
  return { ok: true };
}
