import type { Readable } from 'node:stream';

export interface StoredFile {
  sha256: string;
  size: number;
}

// A file a request has just stored, held until the request is answered. The
// store keeps a copy of its own until then, so a concurrent refusal of the same
// bytes cannot take them from under an accepted request.
export interface HeldFile extends StoredFile {
  // The request was accepted: the file stays, put back if a concurrent refusal
  // of the same bytes had taken it away.
  keep(): Promise<void>;
  // The request was refused: the file goes if this request brought it (it was
  // not there before) and, checked once it is out of reach, nothing names it.
  discard(isNamed: (sha256: string) => Promise<boolean>): Promise<void>;
}

// Evidence files by content hash: the same bytes are stored once, and an event
// carries the hash, never the bytes. Local disk today; an S3-compatible store
// only has to implement these three calls.
export interface FileStore {
  // Stores the stream; refuses (and keeps nothing) past maxBytes.
  put(content: Readable, maxBytes: number): Promise<HeldFile>;
  open(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
}

export class FileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`El archivo excede el límite de ${maxBytes} bytes.`);
  }
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
