import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';

const world = useBrowserWorld();
const ROWS = 100;
// The 37th agreement sits on the spreadsheet's row 38 (the header is row 1).
const BAD_INDEX = 36;
const BAD_ROW = BAD_INDEX + 2;
// Its text states 30 business days; the deadline column says 3 months.
const DISAGREEING_INDEX = 4;

let acronyms: [string, string];

function csvOf(deadlineOfBadRow: string): Buffer {
  const [first, second] = acronyms;
  const lines = ['session,text,responsibles,deadline,themes'];
  for (let i = 0; i < ROWS; i += 1) {
    const session = i < 50 ? 'ordinaria 31 2024-03-15' : 'extraordinaria 7 2024-06-20';
    const text = i === DISAGREEING_INDEX ? `Acuerdo importado ${i + 1}: las instituciones informarán en un plazo de 30 días hábiles.` : `Acuerdo importado ${i + 1}: las instituciones darán seguimiento al programa.`;
    const deadline = i === BAD_INDEX ? deadlineOfBadRow : i === DISAGREEING_INDEX ? '3m' : i % 2 === 0 ? '2025-06-30' : 'Q4-2025';
    lines.push(`${session},"${text}",${i % 3 === 0 ? `${first}; ${second}` : first},${deadline},seguimiento`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function agreementsOnApi(): Promise<{ id: string; folio: string }[]> {
  const answer = await world.body.secretariat.get(`/api/agreements?bodyId=${world.body.bodyId}&limit=200`);
  expect(answer.status).toBe(200);
  expect(answer.body.nextCursor).toBeNull();
  return answer.body.items as { id: string; folio: string }[];
}

async function choose(page: Page, name: string, content: Buffer) {
  await page.getByLabel('Archivo CSV').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
}

async function atPhoneWidth(page: Page, name: string) {
  await page.setViewportSize({ width: 360, height: 800 });
  await expectFitsWidth(page, `${name} a 360 px`);
  await expectAccessible(page, `${name} a 360 px`);
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(() => {
  const [first, second] = world.body.institutions;
  if (!first || !second) throw new Error('el órgano de prueba tiene dos instituciones');
  acronyms = [first.acronym, second.acronym];
});

describe('a secretariat imports agreements from a CSV file', () => {
  it('reviews a file with one bad row (nothing recorded), fixes it, and imports 100 rows following the progress bar to the summary', async () => {
    const before = await agreementsOnApi();
    const page = await world.signedIn(world.secretariat, '/');
    await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Importar' }).click();
    await page.getByRole('heading', { name: 'Importar acuerdos', level: 1 }).waitFor();
    await page.getByText('Qué columnas debe tener el archivo').click();
    await expectAccessible(page, 'importar');
    await screenshot(page, 'importar');

    // The example file the page offers passes its own review
    const [example] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar un archivo de ejemplo' }).click()]);
    expect(example.suggestedFilename()).toBe('ejemplo-importacion.csv');
    await page.getByLabel('Archivo CSV').setInputFiles(await example.path());
    await page.getByRole('button', { name: 'Revisar archivo' }).click();
    await page.getByText('no tiene errores: se registrarían 3 acuerdos.').waitFor();
    expect(await page.getByText('Revise el plazo').count()).toBe(0);

    // Given a file whose row 38 has a deadline the import does not know
    await choose(page, 'acuerdos-con-error.csv', csvOf('30 dias'));
    // When the secretariat reviews it
    await page.getByRole('button', { name: 'Revisar archivo' }).click();

    // Then the review names that row and says what to fix, and that nothing was recorded
    const errors = page.getByRole('table', { name: 'Errores por fila' });
    await errors.waitFor();
    const badRow = errors.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(BAD_ROW), exact: true }) });
    expect(await badRow.getByRole('cell').textContent()).toContain('Plazo "30 dias" no reconocido');
    expect(await errors.locator('tbody tr').count()).toBe(1);
    await page.getByText('tiene 1 error. No se registró nada.').waitFor();
    // And it cannot be imported
    expect(await page.getByRole('button', { name: 'Importar' }).count()).toBe(0);
    expect((await agreementsOnApi()).length).toBe(before.length);
    await expectAccessible(page, 'importar: revisión con errores');
    await screenshot(page, 'importar-errores');
    await atPhoneWidth(page, 'importar-errores');

    // When the row is fixed and the file reviewed again
    await choose(page, 'acuerdos.csv', csvOf('15bd'));
    expect(await page.getByRole('table', { name: 'Errores por fila' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Importar' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Revisar archivo' }).click();

    // Then every row is shown with its computed due date, and the row whose text says otherwise is marked
    const rows = page.getByRole('table', { name: `Acuerdos que se registrarían (${ROWS})` });
    await rows.waitFor();
    expect(await rows.locator('tbody tr').count()).toBe(ROWS);
    await page.getByText(`no tiene errores: se registrarían ${ROWS} acuerdos. Todavía no se registró nada.`).waitFor();
    const first = rows.locator('tbody tr').first();
    expect(await first.getByRole('rowheader').textContent()).toBe('2');
    expect(await first.textContent()).toContain('30/06/2025');
    const disagreeing = rows.locator('tbody tr').nth(DISAGREEING_INDEX);
    expect(await disagreeing.textContent()).toContain('Revise el plazo');
    expect(await disagreeing.textContent()).toContain('«en un plazo de 30 días hábiles»');
    expect((await agreementsOnApi()).length).toBe(before.length);
    await expectAccessible(page, 'importar: revisión sin errores');
    await screenshot(page, 'importar-revision');
    await atPhoneWidth(page, 'importar-revision');

    // When the secretariat imports it (pressing twice)
    const importButton = page.getByRole('button', { name: 'Importar' });
    await importButton.dblclick();

    // Then a progress bar follows the job, kept in the address, until the summary says all were created
    await expect.poll(() => new URL(page.url()).searchParams.get('importacion')).toMatch(/^[0-9a-f-]{36}$/);
    const progress = page.getByRole('progressbar', { name: 'Avance de la importación' });
    await progress.waitFor();
    expect(await progress.getAttribute('max')).toBe(String(ROWS));
    if (await page.getByRole('heading', { name: 'Importación en curso' }).isVisible()) await screenshot(page, 'importar-en-curso');
    await page.getByText(`Importación terminada: se registraron ${ROWS} acuerdos.`).waitFor({ timeout: 60_000 });
    expect(await progress.getAttribute('value')).toBe(String(ROWS));
    await expectAccessible(page, 'importar: resumen');
    await screenshot(page, 'importar-resumen');
    await atPhoneWidth(page, 'importar-resumen');

    // And the agreements exist, once each, with the folios the summary links to
    const after = await agreementsOnApi();
    expect(after.length).toBe(before.length + ROWS);
    const folios = page.getByRole('table', { name: `Acuerdos registrados (${ROWS})` }).getByRole('link');
    expect(await folios.count()).toBe(ROWS);
    const imported = after.filter((a) => !before.some((b) => b.id === a.id));
    const firstFolio = (await folios.first().textContent()) ?? '';
    expect(imported.map((a) => a.folio)).toContain(firstFolio);

    // And a reload keeps the summary (the job is in the address)
    await page.reload();
    await page.getByText(`Importación terminada: se registraron ${ROWS} acuerdos.`).waitFor();

    // And a folio leads to its agreement
    await folios.first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/acuerdos/${imported.find((a) => a.folio === firstFolio)?.id}`);
  });

  it('is not offered to a coordinator', async () => {
    const page = await world.signedIn(world.coordinator, '/importar');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor();
    expect(await page.getByLabel('Archivo CSV').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Importar' }).count()).toBe(0);
  });
});
