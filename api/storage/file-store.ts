import type { Readable } from 'node:stream';

export interface StoredFile {
  sha256: string;
  size: number;
}

// Evidence files by content hash: the same bytes are stored once, and an event
// carries the hash, never the bytes. Local disk today; an S3-compatible store
// only has to implement these three calls.
export interface FileStore {
  // Stores the stream; refuses (and keeps nothing) past maxBytes.
  put(content: Readable, maxBytes: number): Promise<StoredFile>;
  open(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
}

export class FileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`El archivo excede el límite de ${maxBytes} bytes.`);
  }
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
