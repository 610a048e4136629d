// The web UI's build (web/dist, git-ignored): made by `npm start` and by the
// browser tests when the sources are newer than the last build, so a fresh
// clone needs no extra command. One line of progress either way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const webDir = join(root, 'web');
export const distDir = join(webDir, 'dist');
const manifestPath = join(distDir, '.vite', 'manifest.json');

// What the browser bundle is made of: its sources, the domain rules it
// imports, its configuration and the installed packages.
const SOURCES = [join(webDir, 'src'), join(webDir, 'index.html'), join(webDir, 'vite.config.ts'), join(root, 'domain'), join(root, 'package-lock.json')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(manifestPath)) return true;
  const built = statSync(manifestPath).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

// The gzipped bytes of JavaScript a first visit downloads before any screen's
// own chunk: the entry and everything it imports statically.
export function firstLoadGzipBytes(): number {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let bytes = 0;
  for (const key of seen) {
    const file = manifest[key]?.file;
    if (file?.endsWith('.js')) bytes += gzipSync(readFileSync(join(distDir, file))).length;
  }
  return bytes;
}

export async function ensureWebBuild(log: (line: string) => void, options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && !webBuildIsStale()) {
    log('interfaz web: compilada y al día (web/dist)');
    return;
  }
  const started = Date.now();
  log('interfaz web: compilando web/ → web/dist (sus fuentes son más nuevas que la última compilación)…');
  const { build } = await import('vite');
  // Under vitest NODE_ENV is 'test', with which React would be bundled in its
  // development build (larger, slower): the UI is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), root: webDir, mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const kb = (firstLoadGzipBytes() / 1024).toFixed(1);
  log(`interfaz web: compilada en ${((Date.now() - started) / 1000).toFixed(1)} s; primera carga ${kb} KB de JavaScript comprimido (gzip)`);
}
