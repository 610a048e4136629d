import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { givenAnAgreementOf } from '../support/api-client.js';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';

const world = useBrowserWorld();
const CORTE = '2021-06-30';
const LABELS = { en_proceso: 'En proceso', cumplido: 'Cumplidos', cancelado: 'Cancelados', vencidos: 'Vencidos' } as const;
type Totals = Record<keyof typeof LABELS, number>;
const LIGHTS = { rojo: 'Vencido', amarillo: 'Por vencer', verde: 'En tiempo', sin_plazo: 'Sin plazo' } as const;
type Lights = Record<keyof typeof LIGHTS, number>;
let mostOverdue: { folio: string };

async function totalsOnApi(asOf?: string): Promise<Totals> {
  const answer = await world.body.coordinator.get(`/api/dashboard?bodyId=${world.body.bodyId}${asOf ? `&asOf=${asOf}` : ''}`);
  expect(answer.status).toBe(200);
  return answer.body.totals as Totals;
}

async function lightsOnApi(asOf?: string): Promise<Lights> {
  const answer = await world.body.coordinator.get(`/api/dashboard?bodyId=${world.body.bodyId}${asOf ? `&asOf=${asOf}` : ''}`);
  expect(answer.status).toBe(200);
  return answer.body.bySemaforo as Lights;
}

// The semáforo chart's text alternative, light by light.
async function lightsInTable(page: Page): Promise<Lights> {
  const card = page.getByRole('region', { name: 'Acuerdos en proceso por semáforo' });
  const read = async (label: string) => Number(await card.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) }).getByRole('cell').textContent());
  return { rojo: await read(LIGHTS.rojo), amarillo: await read(LIGHTS.amarillo), verde: await read(LIGHTS.verde), sin_plazo: await read(LIGHTS.sin_plazo) };
}

async function totalsOnScreen(page: Page): Promise<Totals> {
  const read = async (label: string) => Number(await page.locator('.stat').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').textContent());
  return { en_proceso: await read(LABELS.en_proceso), cumplido: await read(LABELS.cumplido), cancelado: await read(LABELS.cancelado), vencidos: await read(LABELS.vencidos) };
}

beforeAll(async () => {
  // Overdue since 2021; open until 2099; adopted in 2022 and overdue since then.
  mostOverdue = await givenAnAgreementOf(world.body, { number: 1, date: '2020-01-30', text: 'Las dependencias informarán sobre la política nacional de igualdad.', deadline: { type: 'date', date: '2021-03-31' } });
  await givenAnAgreementOf(world.body, { number: 2, date: '2020-04-24', text: 'La SHCP presentará el anexo transversal.' });
  await givenAnAgreementOf(world.body, { number: 3, date: '2022-05-10', text: 'El INMUJERES enviará el programa de trabajo.', deadline: { type: 'date', date: '2022-08-31' } });
});

describe('the coordinator’s dashboard', () => {
  it('opens as the coordinator’s home with the API’s counts, follows the corte, shows a chart as a table and leads to all the overdue', async () => {
    // Given a coordinator who signs in at the root
    const page = await world.signedIn(world.coordinator, '/');
    await page.getByRole('heading', { name: 'Tablero', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tablero');

    // Then the counts are today's of the API
    const today = await totalsOnApi();
    expect(today).toMatchObject({ en_proceso: 3, vencidos: 2 });
    await page.locator('.stat dd').first().waitFor();
    expect(await totalsOnScreen(page)).toEqual(today);
    await page.getByRole('cell', { name: mostOverdue.folio }).waitFor();
    // The charts are drawn as SVG with their accessible names.
    await page.locator('svg[aria-label="Acuerdos en proceso por semáforo"]').waitFor();
    await page.locator('svg[aria-label="Cumplimiento por institución"]').waitFor();
    await page.locator('svg[aria-label="Evolución mensual de los acuerdos"]').waitFor();
    await expectAccessible(page, 'tablero');
    await screenshot(page, 'tablero');

    // When the corte moves to a past day, every count is that day's
    await page.getByLabel('Corte al').fill(CORTE);
    await page.getByRole('button', { name: 'Ver al corte' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('corte')).toBe(CORTE);
    const then = await totalsOnApi(CORTE);
    expect(then).not.toEqual(today);
    await expect.poll(() => totalsOnScreen(page)).toEqual(then);
    await page.getByText('Situación al final del 30/06/2021 (corte).').waitFor();

    // And the semáforo chart, and its table, are the corte's
    const lightsThen = await lightsOnApi(CORTE);
    expect(lightsThen).not.toEqual(await lightsOnApi());
    const semaforoCard = page.getByRole('region', { name: 'Acuerdos en proceso por semáforo' });
    const described = Object.entries(LIGHTS).map(([light, label]) => `${label}: ${lightsThen[light as keyof Lights]}`).join('; ');
    await expect.poll(() => semaforoCard.locator('svg').getAttribute('aria-description')).toBe(described);
    await semaforoCard.getByRole('button', { name: 'Ver como tabla' }).click();
    expect(await lightsInTable(page)).toEqual(lightsThen);

    // And the trend's text alternative ends in the corte's month
    const trendCard = page.getByRole('region', { name: 'Evolución en los últimos 24 meses' });
    await trendCard.locator('svg').waitFor();
    await trendCard.getByRole('button', { name: 'Ver como tabla' }).click();
    await screenshot(page, 'tablero-tabla');
    const lastRow = trendCard.locator('tbody tr').last();
    expect(await lastRow.getByRole('rowheader').textContent()).toBe('06/2021');
    expect(await trendCard.locator('tbody tr').count()).toBe(24);
    await expectAccessible(page, 'tablero con tabla');

    // And the compliance chart reads as a table too
    const byInstitution = page.getByRole('region', { name: 'Cumplimiento por institución' });
    await byInstitution.getByRole('button', { name: 'Ver como tabla' }).click();
    await screenshot(page, 'tablero-tabla-instituciones');
    await byInstitution.getByRole('rowheader', { name: world.body.institutions[0]?.acronym ?? '' }).waitFor();
    expect(await byInstitution.getByRole('columnheader', { name: 'Cumplimiento' }).count()).toBe(1);

    // When the coordinator follows "Ver todos los vencidos", the list shows the overdue as of the corte
    await page.getByRole('link', { name: 'Ver todos los vencidos' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/acuerdos');
    expect(new URL(page.url()).searchParams.get('vencidos')).toBe('true');
    expect(new URL(page.url()).searchParams.get('corte')).toBe(CORTE);
    await page.getByRole('cell', { name: mostOverdue.folio }).waitFor();
    await expect.poll(() => page.locator('table.agreements tbody tr').count()).toBe(then.vencidos);
  });

  it('fits a phone and keeps a malformed corte from breaking the page', async () => {
    const page = await world.signedIn(world.coordinator, '/tablero?corte=2021-02-30', { width: 360, height: 800 });
    await page.getByRole('heading', { name: 'Tablero', level: 1 }).waitFor();
    await page.getByText('Situación de hoy.').waitFor();
    await page.locator('svg[aria-label="Evolución mensual de los acuerdos"]').waitFor();
    await expectFitsWidth(page, 'tablero a 360 px');
    await expectAccessible(page, 'tablero a 360 px');
    await screenshot(page, 'tablero-360');
  });
});
