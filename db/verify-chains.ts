import type { Db } from './connection.js';
import { readStream } from './event-store.js';
import { verifyChain } from './hash-chain.js';

export interface BrokenLink {
  streamId: string;
  version: number;
  reason: string;
}

export interface ChainReport {
  streams: number;
  events: number;
  broken: BrokenLink[];
}

// Checks every stream's hash chain; for each broken stream, its first bad link.
export async function verifyAllChains(db: Db): Promise<ChainReport> {
  const streams = await db.selectFrom('events').select('stream_id').distinct().orderBy('stream_id').execute();
  const report: ChainReport = { streams: streams.length, events: 0, broken: [] };
  for (const { stream_id } of streams) {
    const events = await readStream(db, stream_id);
    report.events += events.length;
    const check = verifyChain(events);
    if (!check.ok) report.broken.push({ streamId: stream_id, version: check.version, reason: check.reason });
  }
  return report;
}
