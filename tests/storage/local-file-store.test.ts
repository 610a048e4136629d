import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLarge } from '../../api/storage/file-store.js';
import { localFileStore } from '../../api/storage/local-file-store.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'acuerdos-files-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('local file store', () => {
  it('stores a file under its sha256 and gives the same bytes back', async () => {
    const store = localFileStore(root);
    const content = 'Minuta de la Vigésima Sesión Ordinaria';
    const stored = await store.put(Readable.from([Buffer.from(content)]), 1024);

    expect(stored).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), size: Buffer.byteLength(content) });
    const back = await store.open(stored.sha256);
    expect(back && (await text(back))).toBe(content);
  });

  it('keeps the same bytes once', async () => {
    const store = localFileStore(root);
    const a = await store.put(Readable.from([Buffer.from('igual')]), 1024);
    const b = await store.put(Readable.from([Buffer.from('igual')]), 1024);
    expect(b).toEqual(a);
    expect(await readdir(join(root, a.sha256.slice(0, 2)))).toEqual([a.sha256]);
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const store = localFileStore(root);
    await expect(store.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(FileTooLarge);
    expect(await readdir(join(root, 'incoming'))).toEqual([]);
  });

  it('answers null for an unknown or malformed hash, never a path outside the store', async () => {
    const store = localFileStore(root);
    expect(await store.open('0'.repeat(64))).toBeNull();
    expect(await store.open('../../etc/passwd')).toBeNull();
  });
});
