import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, link, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileTooLarge, SHA256_PATTERN, type FileStore, type HeldFile } from './file-store.js';

// Files under root/<first two hex digits>/<sha256>. A request's bytes are
// written to root/incoming first and linked into place from there: link fails
// if the name exists, so of concurrent uploads of the same bytes exactly one
// learns it brought the file, and only that one may remove it. Every upload
// keeps its incoming link until it is answered, and an accepted one links its
// copy into place again after its event is recorded. A refused upload that
// brought the file first moves it aside, then asks whether an event names it:
// an event recorded before that question is seen and the file put back; one
// recorded after it belongs to a request that links its own copy back after
// its event. Either way a file an event names ends up in place, across
// processes too, since link and rename are atomic on one file system.
export function localFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  const incoming = join(root, 'incoming');

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
    async put(content, maxBytes): Promise<HeldFile> {
      await mkdir(incoming, { recursive: true });
      const copy = join(incoming, randomUUID());
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
        await pipeline(content, meter, createWriteStream(copy));
      } catch (error) {
        await rm(copy, { force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      let brought: boolean;
      try {
        await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
        brought = await linkUnlessPresent(copy, target);
      } catch (error) {
        await rm(copy, { force: true });
        throw error;
      }
      return {
        sha256,
        size,
        async keep() {
          await linkUnlessPresent(copy, target);
          await rm(copy, { force: true });
        },
        async discard(isNamed) {
          try {
            if (!brought) return;
            const aside = join(incoming, `${randomUUID()}.descartado`);
            if (!(await renameUnlessGone(target, aside))) return;
            // Without an answer (the database down) the file goes back: an
            // orphan is better than an event naming a file that is gone.
            let named = true;
            try {
              named = await isNamed(sha256);
            } finally {
              if (named) await linkUnlessPresent(aside, target);
              await rm(aside, { force: true });
            }
          } finally {
            await rm(copy, { force: true });
          }
        },
      };
    },
    async open(sha256): Promise<Readable | null> {
      return (await has(sha256)) ? createReadStream(pathOf(sha256)) : null;
    },
  };
}

// True when this call created the name; false when it was already there.
async function linkUnlessPresent(existing: string, name: string): Promise<boolean> {
  try {
    await link(existing, name);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

async function renameUnlessGone(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}
