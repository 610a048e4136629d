import { beforeAll, describe, expect, it } from 'vitest';
import { givenAnAgreementOf } from '../support/api-client.js';
import { expectAccessible, screenshot, signIn, useBrowserWorld } from '../support/browser.js';

const world = useBrowserWorld();
const XSS = 'Publicar el informe <script>window.__atacado = 1</script><img src=x onerror="window.__atacado = 2"> de política de igualdad.';
let overdue: { id: string; folio: string };
let otherInstitutions: { id: string; folio: string };

beforeAll(async () => {
  const [first, second] = world.body.institutions;
  if (!first || !second) throw new Error('faltan instituciones');
  // Overdue since 2021, due in 2099, and one of the other institution only.
  overdue = await givenAnAgreementOf(world.body, { number: 1, date: '2020-01-30', text: 'Las dependencias informarán sobre la política nacional de igualdad.', deadline: { type: 'date', date: '2021-03-31' } });
  await givenAnAgreementOf(world.body, { number: 2, date: '2020-04-24', text: XSS, responsibleInstitutionIds: [first.id, second.id] });
  otherInstitutions = await givenAnAgreementOf(world.body, { number: 3, date: '2020-09-30', text: 'La SHCP presentará el anexo transversal.', responsibleInstitutionIds: [second.id] });
});

describe('the agreement list in the browser', () => {
  it('keeps its filters in the address: an accent-blind search and a status survive a reload', async () => {
    const page = await world.signedIn(world.secretariat, '/acuerdos');
    await page.getByRole('cell', { name: overdue.folio }).waitFor();
    await expectAccessible(page, 'lista (secretaría)');
    await screenshot(page, 'lista-secretaria');

    await page.getByLabel('Buscar en el texto').fill('POLITICA');
    await page.getByLabel('Estatus').selectOption('en_proceso');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('texto')).toBe('POLITICA');
    await page.reload();

    await page.getByRole('cell', { name: overdue.folio }).waitFor();
    expect(await page.getByLabel('Buscar en el texto').inputValue()).toBe('POLITICA');
    expect(await page.getByLabel('Estatus').inputValue()).toBe('en_proceso');
    expect(await page.getByRole('cell', { name: otherInstitutions.folio }).count()).toBe(0);
    expect(await page.locator('table.agreements tbody tr').count()).toBe(2);
    for (const header of ['Folio', 'Acuerdo', 'Responsables', 'Fecha límite', 'Semáforo', 'Estatus']) await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
  });

  it('shows the semáforo as a word and counts each light; a count filters the list', async () => {
    const page = await world.signedIn(world.coordinator, '/acuerdos');
    await page.getByRole('cell', { name: overdue.folio }).waitFor();
    await expectAccessible(page, 'lista (coordinación)');
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: overdue.folio }) });
    expect(await row.textContent()).toMatch(/Vencido · \d+ días hábiles/);
    await page.getByRole('button', { name: /^1\s*Vencido$/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('semaforo')).toBe('rojo');
    await expect.poll(() => page.locator('table.agreements tbody tr').count()).toBe(1);
  });

  it('exports exactly the filtered list as CSV', async () => {
    const page = await world.signedIn(world.secretariat, '/acuerdos?texto=politica');
    await page.getByRole('cell', { name: overdue.folio }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar CSV' }).click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Folio,Acuerdo,Responsables,Fecha límite,Semáforo,Días hábiles de atraso,Estatus');
    expect(lines).toHaveLength(3);
    expect(csv).toContain(overdue.folio);
    expect(csv).not.toContain(otherInstitutions.folio);
  });

  it('puts vencidos first for an institution, and works 360 px wide', async () => {
    const page = await world.signedIn(world.institutions[0] ?? world.secretariat, '/acuerdos', { width: 360, height: 780 });
    await page.getByRole('heading', { name: 'Acuerdos de mi institución' }).waitFor();
    await page.locator('table.agreements tbody tr').first().waitFor();
    expect(await page.locator('table.agreements tbody tr').first().textContent()).toContain(overdue.folio);
    expect(await page.getByRole('cell', { name: otherInstitutions.folio }).count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'lista (institución, 360 px)');
    await screenshot(page, 'lista-institucion-360');
  });

  it('shows a <script> or onerror in a text as plain text, and runs nothing', async () => {
    const page = await world.signedIn(world.secretariat, '/acuerdos');
    await page.getByText('<script>window.__atacado = 1</script>', { exact: false }).first().waitFor();
    const agreements = await world.body.secretariat.get('/api/agreements');
    const id = agreements.body.items.find((a: { text: string }) => a.text === XSS).id;
    await page.goto(`/acuerdos/${id}`);
    await page.getByRole('heading', { name: /^Acuerdo / }).waitFor();
    await screenshot(page, 'acuerdo-xss');
    await page.getByText('onerror="window.__atacado = 2"', { exact: false }).first().waitFor();
    expect(await page.evaluate('window.__atacado')).toBeUndefined();
    expect(await page.locator('.agreement-body img, .agreement-body script').count()).toBe(0);
  });
});

describe('what an institution may not open', () => {
  it('cannot open the review queue nor another institution’s agreement', async () => {
    const page = await world.signedIn(world.institutions[0] ?? world.secretariat, '/revision');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor();
    expect(await page.getByRole('button', { name: 'Aceptar' }).count()).toBe(0);

    await page.goto(`/acuerdos/${otherInstitutions.id}`);
    await page.getByRole('heading', { name: 'No disponible' }).waitFor();
    expect(await page.getByText('La SHCP presentará el anexo transversal.').count()).toBe(0);
    await expectAccessible(page, 'no disponible');
  });

  it('after the session ends, goes back to sign-in and then to the page it was on', async () => {
    const page = await world.signedIn(world.secretariat, '/acuerdos');
    await page.getByRole('cell', { name: overdue.folio }).waitFor();
    await page.context().clearCookies();
    await page.getByRole('link', { name: overdue.folio }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(new URL(page.url()).searchParams.get('volver')).toBe(`/acuerdos/${overdue.id}`);
    await signIn(page, world.secretariat);
    await page.getByRole('heading', { name: `Acuerdo ${overdue.folio}` }).waitFor();
  });
});

describe('the agreement page for each role', () => {
  it('takes a coordinator from / to a screen of theirs, and shows the agreement with its history, accessibly', async () => {
    const page = await world.signedIn(world.coordinator, '/');
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Página no encontrada' }).count()).toBe(0);
    await page.goto(`/acuerdos/${overdue.id}`);
    await page.getByText(/Historial verificado/).waitFor();
    expect(await page.getByRole('button', { name: 'Marcar como cumplido' }).count()).toBe(0);
    await expectAccessible(page, 'acuerdo (coordinación)');
  });

  it('refuses evidence without a description next to its field, keeping the links and files chosen; 360 px wide', async () => {
    const page = await world.signedIn(world.institutions[0] ?? world.secretariat, `/acuerdos/${overdue.id}`, { width: 360, height: 780 });
    await page.getByRole('button', { name: 'Enviar evidencia' }).waitFor();
    await page.getByLabel('Enlaces').fill('https://www.gob.mx/inmujeres/informe');
    await page.getByLabel('Archivos').setInputFiles({ name: 'informe.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\r\n1,2\r\n') });
    await page.getByRole('button', { name: 'Enviar evidencia' }).click();

    await page.locator('.field-invalid').getByText('Este campo es obligatorio.').waitFor();
    expect(await page.getByLabel('Descripción').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Enlaces').inputValue()).toBe('https://www.gob.mx/inmujeres/informe');
    await page.getByRole('list', { name: 'Archivos elegidos' }).getByText('informe.csv').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'acuerdo con error de validación (institución, 360 px)');
    await screenshot(page, 'acuerdo-institucion-360-error');
    const unchanged = await world.body.secretariat.get(`/api/agreements/${overdue.id}`);
    expect(unchanged.body.evidence).toHaveLength(0);
  });
});
