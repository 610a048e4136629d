import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();
const APP_DIR = new URL('../../web/src/app/', import.meta.url);

// Every path the browser's router knows, with its parameters filled in: a link
// in an e-mail, a bookmark or a reload asks the server for it directly.
async function screenPaths(): Promise<string[]> {
  const paths = new Set<string>();
  for (const file of await readdir(APP_DIR)) {
    if (!file.endsWith('.tsx')) continue;
    const source = await readFile(new URL(file, APP_DIR), 'utf8');
    for (const [, path] of source.matchAll(/\bpath: '([^']+)'/g)) if (path) paths.add(path.replace(/\$[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000'));
  }
  return [...paths].sort();
}

describe('a screen opened by its address', () => {
  it('gets the web page for every path of the browser’s router, not the API’s 404', async () => {
    // Given every screen the web UI routes to
    const paths = await screenPaths();
    expect(paths).toEqual(expect.arrayContaining(['/publico', '/participaciones/00000000-0000-4000-8000-000000000000', '/admin/organos/00000000-0000-4000-8000-000000000000']));

    // When each is loaded directly, as after a reload
    const answers = await Promise.all(paths.map(async (url) => ({ url, answer: await h.app.inject({ method: 'GET', url }) })));

    // Then each is the page itself
    for (const { url, answer } of answers) {
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['content-type'], url).toMatch(/^text\/html/);
    }
  });

  it('keeps a mistyped address outside the screens a 404', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/publicos' })).statusCode).toBe(404);
  });
});
