import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { givenAnAgreementOf } from '../support/api-client.js';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';
import { ADMIN_TOKEN } from '../support/harness.js';

const world = useBrowserWorld();
const BEFORE_CANCEL = '2023-06-14';
let running: { id: string; folio: string };
let cancelled: { id: string; folio: string };
let unreachable: { id: string; folio: string };

interface AnnexJson {
  rows: { folio: string; statusLabel: string }[];
}
interface NotificationJson {
  agreementId: string | null;
  state: string;
}

// An institution with no e-mail on file: a reminder to it fails, and the log says why.
async function givenAnInstitutionWithoutEmail(): Promise<string> {
  const response = await fetch(`${world.baseUrl}/api/institutions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Institución sin enlace', acronym: `SINCORREO${process.pid}` }),
  });
  if (response.status !== 201) throw new Error(`institución: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  running = await givenAnAgreementOf(world.body, { number: 1, date: '2020-01-30', text: 'Las dependencias informarán sobre la política nacional de igualdad.' });
  cancelled = await givenAnAgreementOf(world.body, { number: 2, date: '2020-04-24', text: 'La SHCP presentará el anexo transversal.' });
  const cancel = await world.body.secretariat.post(`/api/agreements/${cancelled.id}/cancel`, { reason: 'El órgano lo dejó sin efecto.', occurredAt: '2023-06-15T12:00:00-06:00' });
  if (cancel.status !== 200) throw new Error(`cancelar: ${JSON.stringify(cancel.body)}`);
  unreachable = await givenAnAgreementOf(world.body, { number: 3, date: '2020-09-30', text: 'Sin enlace registrado.', responsibleInstitutionIds: [await givenAnInstitutionWithoutEmail()] });
  for (const agreement of [running, unreachable]) {
    const remind = await world.body.secretariat.post(`/api/agreements/${agreement.id}/remind`, {});
    if (remind.status !== 202) throw new Error(`recordatorio: ${JSON.stringify(remind.body)}`);
  }
  // The reminders go out from the workflows: wait until both are settled.
  const settled = async () => ((await world.body.secretariat.get<NotificationJson[]>('/api/notifications')).body ?? []).map((n) => n.state).sort().join();
  for (let waited = 0; (await settled()) !== 'failed,logged'; waited += 250) {
    if (waited > 30_000) throw new Error(`los recordatorios no quedaron asentados: ${await settled()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 90_000);

describe('the annex in the browser', () => {
  it('shows each agreement with its status today, and as of a past day what the API answers for that day', async () => {
    const page = await world.signedIn(world.coordinator, '/anexo');
    await page.getByRole('navigation').getByRole('link', { name: 'Anexo' }).waitFor();
    for (const header of ['SESIÓN', 'NÚMERO DE ACUERDO', 'ACUERDO', 'ESTATUS DEL ACUERDO']) await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
    const statusOf = async (folio: string) => (await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: folio, exact: true }) }).locator('td').last().textContent())?.trim();
    expect(await statusOf(running.folio)).toBe('EN PROCESO');
    expect(await statusOf(cancelled.folio)).toBe('CANCELADO');
    await expectAccessible(page, 'anexo');
    await screenshot(page, 'anexo-hoy');

    await page.getByLabel('Corte al').fill(BEFORE_CANCEL);
    await page.getByRole('button', { name: 'Ver anexo' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('corte')).toBe(BEFORE_CANCEL);
    await page.getByText('estatus al 14 de junio de 2023').waitFor();
    const api = await world.body.coordinator.get<AnnexJson>(`/api/reports/annex?bodyId=${world.body.bodyId}&asOf=${BEFORE_CANCEL}&format=json`);
    expect(api.body.rows.find((r) => r.folio === cancelled.folio)?.statusLabel).toBe('EN PROCESO');
    for (const row of api.body.rows) expect(await statusOf(row.folio)).toBe(row.statusLabel);
    expect(await page.locator('table.annex-table tbody tr').count()).toBe(api.body.rows.length);
    await screenshot(page, 'anexo-corte');
  });

  it('downloads the CSV of the day shown, which starts with the annex header', async () => {
    const page = await world.signedIn(world.coordinator, `/anexo?corte=${BEFORE_CANCEL}`);
    await page.getByRole('rowheader', { name: cancelled.folio }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar CSV' }).click()]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('SESIÓN,NÚMERO DE ACUERDO,ACUERDO,ESTATUS DEL ACUERDO');
    expect(lines.find((line) => line.includes(cancelled.folio))).toMatch(/EN PROCESO$/);
    const pdf = new URL((await page.getByRole('link', { name: 'Descargar PDF' }).getAttribute('href')) ?? '', world.baseUrl);
    expect(Object.fromEntries(pdf.searchParams)).toEqual({ bodyId: world.body.bodyId, format: 'pdf', asOf: BEFORE_CANCEL });
  });

  it('prints only the heading, the table and the legend of the statuses', async () => {
    const page = await world.signedIn(world.coordinator, '/anexo');
    await page.getByRole('rowheader', { name: running.folio }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByLabel('Corte al').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Descargar CSV' }).isVisible()).toBe(false);
    expect(await page.locator('.annex-title').isVisible()).toBe(true);
    expect(await page.locator('table.annex-table').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Estatus del acuerdo' }).isVisible()).toBe(true);
    if (process.env.ACUERDOS_SCREENSHOTS) await page.pdf({ path: `${process.env.ACUERDOS_SCREENSHOTS}/anexo-impreso.pdf`, format: 'Letter', landscape: true });
  });

  it('works 360 px wide', async () => {
    const page = await world.signedIn(world.coordinator, '/anexo', { width: 360, height: 800 });
    await page.getByRole('rowheader', { name: running.folio }).waitFor();
    await expectFitsWidth(page, 'anexo (360 px)');
    await expectAccessible(page, 'anexo (360 px)');
    await screenshot(page, 'anexo-360');
  });
});

describe('the notification log in the browser', () => {
  it('shows each notification in Spanish with its error, and filters by state in the address', async () => {
    const page = await world.signedIn(world.secretariat, '/notificaciones');
    const items = page.getByRole('list', { name: 'Bitácora de notificaciones' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    await page.getByText('La institución no tiene correos registrados.').waitFor();
    await expectAccessible(page, 'notificaciones');
    await screenshot(page, 'notificaciones');

    await page.getByLabel('Estado').selectOption({ label: 'Fallida' });
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('estado')).toBe('failed');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Fallida');
    await page.reload();
    await expect.poll(() => items.count()).toBe(1);
    expect(await page.getByLabel('Estado').inputValue()).toBe('failed');
  });

  it('shows one agreement’s notifications from ?acuerdo=, 360 px wide', async () => {
    const page = await world.signedIn(world.coordinator, `/notificaciones?acuerdo=${running.id}`, { width: 360, height: 800 });
    const items = page.getByRole('list', { name: 'Bitácora de notificaciones' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Registrada (sin servidor de correo)');
    expect(await items.first().textContent()).toMatch(/\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}/);
    await expectFitsWidth(page, 'notificaciones (360 px)');
    await expectAccessible(page, 'notificaciones (360 px)');
    await screenshot(page, 'notificaciones-360');
  });
});
