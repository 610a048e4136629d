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

    expect(stored).toMatchObject({ sha256: createHash('sha256').update(content).digest('hex'), size: Buffer.byteLength(content) });
    const back = await store.open(stored.sha256);
    expect(back && (await text(back))).toBe(content);
  });

  it('keeps the same bytes once', async () => {
    const store = localFileStore(root);
    const a = await store.put(Readable.from([Buffer.from('igual')]), 1024);
    const b = await store.put(Readable.from([Buffer.from('igual')]), 1024);
    expect(b).toMatchObject({ sha256: a.sha256, size: a.size });
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

// Every file under the store's root, staging included, as relative paths.
async function everything(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1)).sort();
}

const bytes = (s: string) => Readable.from([Buffer.from(s)]);
const named = async () => true;
const unnamed = async () => false;

describe('files held by a request until it is answered', () => {
  it('keeps an accepted file and leaves nothing in staging', async () => {
    const store = localFileStore(root);
    const held = await store.put(bytes('Acta aceptada'), 1024);
    await held.keep();
    expect(await everything()).toEqual([join(held.sha256.slice(0, 2), held.sha256)]);
  });

  it('removes a file a refused request brought, and its staging copy', async () => {
    const store = localFileStore(root);
    const held = await store.put(bytes('Acta rechazada'), 1024);
    expect(await store.has(held.sha256)).toBe(true);
    await held.discard(unnamed);
    expect(await everything()).toEqual([]);
  });

  it('never removes a file that was there before the refused request', async () => {
    const store = localFileStore(root);
    const earlier = await store.put(bytes('Informe anterior'), 1024);
    await earlier.keep();
    const again = await store.put(bytes('Informe anterior'), 1024);
    await again.discard(unnamed);
    expect(await store.has(earlier.sha256)).toBe(true);
    expect(await everything()).toEqual([join(earlier.sha256.slice(0, 2), earlier.sha256)]);
  });

  it('puts back a file it brought when an evidence names it by the time of the refusal', async () => {
    const store = localFileStore(root);
    const held = await store.put(bytes('Nombrado por otra evidencia'), 1024);
    await held.discard(named);
    expect(await store.has(held.sha256)).toBe(true);
  });

  it('keeps the file when it cannot learn whether an evidence names it', async () => {
    const store = localFileStore(root);
    const held = await store.put(bytes('Sin respuesta de la base'), 1024);
    await expect(held.discard(() => Promise.reject(new Error('base de datos caída')))).rejects.toThrow('caída');
    expect(await everything()).toEqual([join(held.sha256.slice(0, 2), held.sha256)]);
  });

  it('two requests with the same bytes, both refused: nothing remains, whichever brought them', async () => {
    const store = localFileStore(root);
    const [a, b] = await Promise.all([store.put(bytes('mismos bytes'), 1024), store.put(bytes('mismos bytes'), 1024)]);
    await Promise.all([a.discard(unnamed), b.discard(unnamed)]);
    expect(await everything()).toEqual([]);
  });

  it('two requests with the same bytes: the refusal that brought them looked before the other\'s event; the accepted one puts its own copy back', async () => {
    const store = localFileStore(root);
    const brought = await store.put(bytes('los mismos bytes'), 1024);
    const accepted = await store.put(bytes('los mismos bytes'), 1024);
    // refused while nothing named the file yet: it goes
    await brought.discard(unnamed);
    expect(await store.has(brought.sha256)).toBe(false);
    // then the other request's evidence is recorded, and it keeps its files
    await accepted.keep();
    expect(await store.has(accepted.sha256)).toBe(true);
    expect(await everything()).toEqual([join(accepted.sha256.slice(0, 2), accepted.sha256)]);
  });

  it('two requests with the same bytes: the accepted one answered first; the refusal that brought them sees its evidence and leaves the file', async () => {
    const store = localFileStore(root);
    const brought = await store.put(bytes('otra vez los mismos'), 1024);
    const accepted = await store.put(bytes('otra vez los mismos'), 1024);
    await accepted.keep();
    // by now the accepted request's event names the file
    await brought.discard(named);
    expect(await store.has(accepted.sha256)).toBe(true);
    expect(await everything()).toEqual([join(accepted.sha256.slice(0, 2), accepted.sha256)]);
  });
});
