import { createHash } from 'node:crypto';
import { chainedText, type HashedFields } from '../domain/event-chain.js';

// The rule of the chain lives in domain/ so the web UI checks histories with it.
export { canonicalJson, hashedFields, type HashedFields } from '../domain/event-chain.js';

export function eventHash(prevHash: string | null, fields: HashedFields): string {
  return createHash('sha256').update(chainedText(prevHash, fields)).digest('hex');
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
    if (eventHash(prev, link) !== link.hash) return { ok: false, version: link.version, reason: 'el hash no corresponde al contenido' };
    prev = link.hash;
  }
  return { ok: true };
}
