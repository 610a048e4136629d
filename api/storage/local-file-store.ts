import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileTooLarge, SHA256_PATTERN, type FileStore, type StoredFile } from './file-store.js';

export function localFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);

  async function has(sha256: string): Promise<boolean> {
    if (!SHA256_PATTERN.test(sha256)) return false;
    try {
      await access(pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  return {
    has,
    async put(content, maxBytes) {
      const incoming = join(root, 'incoming');
      await mkdir(incoming, { recursive: true });
      const temporary = join(incoming, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) return callback(new FileTooLarge(maxBytes));
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(content, meter, createWriteStream(temporary));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      const stored: StoredFile = { sha256: hash.digest('hex'), size };
      // Same bytes, same name: a second upload of a file replaces it with itself.
      await mkdir(join(root, stored.sha256.slice(0, 2)), { recursive: true });
      await rename(temporary, pathOf(stored.sha256));
      return stored;
    },
    async open(sha256): Promise<Readable | null> {
      return (await has(sha256)) ? createReadStream(pathOf(sha256)) : null;
    },
  };
}
