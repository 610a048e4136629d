import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { givenAnAgreementOf } from '../support/api-client.js';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { EMAIL, givenAnAgreementWithSecrets, type AgreementWithSecrets } from '../support/public-secrets.js';

const world = useBrowserWorld();
let secret: AgreementWithSecrets;
let other: { id: string; folio: string };
let portal: string;

// Nothing private on the page as a citizen's browser has it: neither in the
// text shown nor anywhere in the HTML.
async function expectNothingPrivate(page: Page, screen: string) {
  const text = await page.locator('body').innerText();
  const html = await page.content();
  for (const hidden of secret.secrets) {
    expect(text, `${screen}: ${hidden}`).not.toContain(hidden);
    expect(html, `${screen}: ${hidden}`).not.toContain(hidden);
  }
  expect(text, screen).not.toMatch(EMAIL);
  expect(html, screen).not.toMatch(EMAIL);
}

async function downloaded(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return readFile(await download.path(), 'utf8');
}

const folios = async (page: Page) => (await page.locator('table.agreements tbody td.folio').allTextContents()).map((f) => f.trim());

beforeAll(async () => {
  // Given the body publishes its follow-up: an overdue agreement full of
  // private data, and one of the SHCP that runs in time
  const opened = await world.body.secretariat.patch(`/api/bodies/${world.body.bodyId}`, { public: true });
  if (opened.status !== 200) throw new Error(`público: ${JSON.stringify(opened.body)}`);
  secret = await givenAnAgreementWithSecrets(world.body);
  other = await givenAnAgreementOf(world.body, { number: 30, date: '2021-03-01', text: 'La SHCP publicará los lineamientos presupuestarios.', responsibleInstitutionIds: [world.body.institutions[1]?.id ?? ''] });
  portal = `/publico/${world.body.bodyId}`;
}, 90_000);

describe('the public portal, signed out', () => {
  it('shows the body, its summary of execution and its agreements; search and filters live in the address', async () => {
    // Given a citizen who finds the portal from the sign-in page
    const page = await world.newPage();
    await page.goto('/entrar');
    await page.getByRole('link', { name: 'Consulta pública de acuerdos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consulta pública de acuerdos' }).waitFor();
    await expectAccessible(page, 'consulta pública');
    await screenshot(page, 'portal-organos');
    // Every test body bears the same name; this one is told apart as a citizen
    // would, by the siglas beside it.
    const { body: published } = await world.body.coordinator.get(`/api/bodies/${world.body.bodyId}`);
    await page.getByRole('listitem').filter({ hasText: `(${String(published.acronym)})` }).getByRole('link', { name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(portal);
    expect(await page.getByRole('button', { name: 'Cerrar sesión' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Menú principal' }).count()).toBe(0);
    const summary = page.getByRole('region', { name: 'Resumen de ejecución' });
    await expect.poll(() => summary.innerText()).toMatch(/2 acuerdos adoptados/);
    const figures = await summary.locator('dl > div').allInnerTexts();
    expect(figures.map((f) => f.split('\n').slice(0, 2).join(' '))).toEqual(['Porcentaje cumplido 0%', 'Cumplidos 0', 'En proceso 2', 'Vencidos 1']);
    await page.getByRole('link', { name: secret.folio }).waitFor();
    expect(await folios(page)).toEqual([secret.folio, other.folio]);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: secret.folio }) });
    expect(await row.innerText()).toMatch(/Vencido/);
    await expectAccessible(page, 'portal');
    await expectNothingPrivate(page, 'portal');
    await screenshot(page, 'portal');

    // When a citizen searches for words
    await page.getByLabel('Buscar en el texto').fill('lineamientos');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('texto')).toBe('lineamientos');
    await expect.poll(() => folios(page)).toEqual([other.folio]);

    // And, the search cleared, filters by semáforo and institution
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await page.getByLabel('Semáforo').selectOption({ label: 'Vencido' });
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('semaforo')).toBe('rojo');
    await expect.poll(() => folios(page)).toEqual([secret.folio]);
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await page.getByLabel('Institución responsable').selectOption(world.body.institutions[1]?.acronym ?? '');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => folios(page)).toEqual([secret.folio, other.folio]);

    // A shared link opens with the same filters
    const shared = await world.newPage();
    await shared.goto(`${portal}?estatus=en_proceso&semaforo=verde`);
    await expect.poll(() => folios(shared)).toEqual([other.folio]);
    expect(await shared.getByLabel('Semáforo').inputValue()).toBe('verde');
  });

  it('downloads exactly the filtered list as CSV and as JSON', async () => {
    const page = await world.newPage();
    await page.goto(`${portal}?semaforo=rojo`);
    await expect.poll(() => folios(page)).toEqual([secret.folio]);
    const csv = await downloaded(page, 'Descargar CSV');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFFolio,Sesión,Fecha de la sesión,Acuerdo,Responsables,Fecha límite,Semáforo,Días hábiles de atraso,Estatus');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${secret.folio},Vigésima Segunda Sesión Ordinaria,30/10/2020,${secret.text}`);
    expect(lines[1]).toMatch(/,29\/01\/2021,Vencido,\d+,En proceso$/);

    const json = JSON.parse(await downloaded(page, 'Descargar JSON')) as { items: { id: string; folio: string; evidence: { description: string }[] }[] };
    expect(json.items.map((a) => a.folio)).toEqual([secret.folio]);
    expect(json.items[0]?.evidence.map((e) => e.description)).toEqual([secret.publicEvidence.description, secret.rejectedPublicEvidence.description]);
    for (const content of [csv, JSON.stringify(json)]) {
      for (const hidden of secret.secrets) expect(content).not.toContain(hidden);
      expect(content).not.toMatch(EMAIL);
    }
  });

  it('opens an agreement with its due date, public evidence and history, and nothing private', async () => {
    const page = await world.newPage();
    await page.goto(portal);
    await page.getByRole('link', { name: secret.folio }).click();
    await page.getByRole('heading', { level: 1, name: `Acuerdo ${secret.folio}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`${portal}/acuerdos/${secret.id}`);
    await page.getByText(secret.text).waitFor();
    await page.getByText('Adoptado en la Vigésima Segunda Sesión Ordinaria, el 30/10/2020').waitFor();
    expect(await page.getByRole('region', { name: 'Fecha límite' }).innerText()).toContain('29/01/2021');
    expect(await page.locator('.agreement-status').innerText()).toMatch(/Vencido.*Estatus: En proceso/s);
    const evidence = page.getByRole('region', { name: 'Evidencia pública' });
    expect(await evidence.innerText()).toContain(secret.publicEvidence.description);
    expect(await evidence.getByRole('link', { name: new RegExp(secret.publicEvidence.link) }).count()).toBe(1);
    expect((await evidence.locator('li.evidence').allInnerTexts()).map((e) => /Aceptada|Rechazada/.exec(e)?.[0])).toEqual(['Aceptada', 'Rechazada']);
    const history = await page.getByRole('region', { name: 'Historia' }).innerText();
    for (const line of ['30/10/2020', 'Se adoptó el acuerdo', `Se rechazó la evidencia de ${world.body.institutions[1]?.acronym}`, 'Se modificó el plazo. Nueva fecha límite: 29/01/2021', 'El acuerdo se dio por cumplido', 'El acuerdo se reabrió']) {
      expect(history).toContain(line);
    }
    await expectAccessible(page, 'acuerdo público');
    await expectNothingPrivate(page, 'acuerdo público');
    await screenshot(page, 'portal-acuerdo');
  });

  it('fits a 360 px phone on both screens', async () => {
    const page = await world.newPage({ width: 360, height: 800 });
    await page.goto(portal);
    await page.getByRole('link', { name: secret.folio }).waitFor();
    await expectFitsWidth(page, 'portal a 360 px');
    await expectAccessible(page, 'portal a 360 px');
    await screenshot(page, 'portal-360');
    await page.getByRole('link', { name: secret.folio }).click();
    await page.getByRole('heading', { level: 1, name: `Acuerdo ${secret.folio}` }).waitFor();
    await expectFitsWidth(page, 'acuerdo público a 360 px');
    await screenshot(page, 'portal-acuerdo-360');
  });

  it('says "No disponible" for a body that does not publish, and for an agreement under another body, without telling which', async () => {
    const response = await fetch(`${world.baseUrl}/api/bodies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Órgano reservado', acronym: `RESERVADO${process.pid}` }),
    });
    const closed = ((await response.json()) as { id: string }).id;
    const page = await world.newPage();
    for (const path of [`/publico/${closed}`, `/publico/${closed}/acuerdos/${secret.id}`, `/publico/00000000-0000-4000-8000-000000000000`]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'No disponible' }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('Órgano reservado');
      expect(text).not.toContain(secret.text);
    }
    await expectAccessible(page, 'no disponible');
  });
});
