// CSV import of the same number of rows, synchronously and as a durable job
// (POST /imports, progress polled as the web UI does), one after the other.
import { sleep } from '../lib/process.js';
import type { Fixture } from './fixture.js';
import type { Stack } from './stack.js';
import { fixed } from './stats.js';

export async function measureImport(stack: Stack, fixture: Fixture, rows: number, say: (line: string) => void): Promise<void> {
  const importFile = (number: number) =>
    ['session,text,responsibles,deadline', ...Array.from({ length: rows }, (_, i) => `ordinaria ${number} 2026-02-${10 + number},Acuerdo importado ${i} de la sesión ${number}.,${fixture.institutionAcronyms.join(';')},30d`)].join('\r\n');
  const postCsv = async (url: string, csv: string) => {
    const answer = await stack.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${fixture.secretariat}`, 'content-type': 'text/csv' }, payload: csv });
    if (answer.statusCode >= 300) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json<{ id: string }>();
  };
  let started = performance.now();
  await postCsv(`/api/import/agreements?bodyId=${fixture.bodyId}`, importFile(2));
  const syncRowsPerSecond = rows / ((performance.now() - started) / 1000);
  started = performance.now();
  const job = await postCsv(`/api/imports?bodyId=${fixture.bodyId}`, importFile(3));
  for (;;) {
    const progress = (await stack.app.inject({ method: 'GET', url: `/api/imports/${job.id}`, headers: { authorization: `Bearer ${fixture.secretariat}` } })).json<{ state: string; errors: unknown[] }>();
    if (progress.state === 'failed') throw new Error(`la importación falló: ${JSON.stringify(progress.errors)}`);
    if (progress.state === 'done') break;
    await sleep(250);
  }
  const jobRowsPerSecond = rows / ((performance.now() - started) / 1000);
  say(`Importación CSV (${rows} filas cada una):`);
  say(`  trabajo durable (POST /imports):   ${fixed(jobRowsPerSecond)} filas/s`);
  say(`  síncrona (POST /import/agreements): ${fixed(syncRowsPerSecond)} filas/s`);
  say(`  razón trabajo / síncrona:          ${fixed(jobRowsPerSecond / syncRowsPerSecond, 2)}`);
}
