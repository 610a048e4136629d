import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { longSpanishDate } from '../../domain/annex.js';
import { addBusinessDays, businessCalendar, countBusinessDays } from '../../domain/calendar.js';
import { formatDmy, type LocalDate } from '../../domain/dates.js';
import { givenAnAgreementOf } from '../support/api-client.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';

// The administrator's side: a body's settings with its year calendar (a day
// declared non-working moves the due dates of the running agreements), the
// institutions and their e-mails, and nobody else getting in.

const world = useBrowserWorld();
const PATIENCE = { timeout: 20_000 };
// What the API holds, read with the installation's admin token over the same port the browser uses.
async function adminGet(path: string) {
  const response = await fetch(`${world.baseUrl}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as any;
}
const WEEKDAY = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];

// The accessible name of a day of the calendar, as a screen reader says it.
function dayName(date: LocalDate, state: string): string {
  const weekday = WEEKDAY[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${longSpanishDate(date)}: ${state}`;
}

// The page's evaluate runs this text in the browser, where `document` exists.
const focusedName = (page: Page) => page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null");

async function showYear(page: Page, year: number): Promise<void> {
  for (let step = 0; step < 20; step += 1) {
    const shown = Number(await page.locator('.year-title').textContent());
    if (shown === year) return;
    await page.getByRole('button', { name: shown < year ? /^Año siguiente/ : /^Año anterior/ }).click();
  }
  throw new Error(`el calendario no llegó a ${year}`);
}

async function openBody(page: Page, acronym: string): Promise<void> {
  await page.getByRole('link', { name: 'Órganos', exact: true }).click();
  await page.getByRole('link', { name: `${acronym}: ajustes` }).click();
  await page.getByRole('heading', { name: 'Días inhábiles' }).waitFor(PATIENCE);
}

describe('a body administered', () => {
  it("an admin marks a business day inside a running agreement's period as non-working, and its due date moves one business day later", async () => {
    // Given a running agreement of 10 business days from its adoption on 16/11/2026
    const adoption = '2026-11-16';
    const agreement = await givenAnAgreementOf(world.body, { number: 41, date: adoption, text: 'Las dependencias enviarán su informe en diez días hábiles.', deadline: { type: 'business_days', days: 10, from: 'adoption' } });
    const before = await world.body.secretariat.get(`/api/agreements/${agreement.id}`);
    const lawOnly = businessCalendar([]);
    expect(before.body.dueDate).toBe(addBusinessDays(lawOnly, adoption, 10));
    // and a business day inside its period
    const marked = addBusinessDays(lawOnly, adoption, 3);
    const bodyNow = await adminGet(`/api/bodies/${world.body.bodyId}`);
    const expected = addBusinessDays(businessCalendar([...bodyNow.nonWorkingDays, marked]), adoption, 10);
    expect(expected).toBe(addBusinessDays(lawOnly, before.body.dueDate, 1));

    // When the admin signs in, opens the body and marks that day on the calendar
    const page = await world.signedIn(world.admin, '/');
    await page.getByRole('heading', { name: 'Administración' }).waitFor(PATIENCE);
    const acronym = (await adminGet(`/api/bodies/${world.body.bodyId}`)).acronym as string;
    await openBody(page, acronym);
    await showYear(page, 2026);
    const summary = page.locator('.year-summary');
    const businessIn2026 = countBusinessDays(businessCalendar(bodyNow.nonWorkingDays), '2025-12-31', '2026-12-31');
    expect(await summary.textContent()).toContain(`${businessIn2026} días hábiles en 2026`);
    await page.getByRole('button', { name: dayName(marked, 'hábil'), exact: true }).click();
    await page.getByRole('button', { name: dayName(marked, 'inhábil del órgano'), exact: true }).waitFor();
    expect(await summary.textContent()).toContain(`${businessIn2026 - 1} días hábiles en 2026`);
    // and is told, before saving, that running agreements will be recounted
    await page.getByText('vuelven a calcular su fecha límite').waitFor();
    await screenshot(page, 'admin-organo-calendario');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Los acuerdos en curso se están recalculando').waitFor(PATIENCE);

    // then the settings' fan-out reaches the agreement: its due date moved one business day later
    let after = before;
    for (let waited = 0; after.body.dueDate !== expected && waited < 30_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await world.body.secretariat.get(`/api/agreements/${agreement.id}`);
    }
    expect(after.body.dueDate).toBe(expected);
    expect((await adminGet(`/api/bodies/${world.body.bodyId}`)).nonWorkingDays).toContain(marked);

    // and the secretariat reads the new due date on the agreement's page
    const secretariat = await world.signedIn(world.secretariat, `/acuerdos/${agreement.id}`);
    await secretariat.locator('.due-date').getByText(formatDmy(expected)).waitFor(PATIENCE);
  });

  it('the calendar is used with the keyboard alone, names each day, and fits a phone', async () => {
    const page = await world.signedIn(world.admin, '/admin/organos', { width: 360, height: 800 });
    await page.getByRole('heading', { name: 'Órganos colegiados' }).waitFor(PATIENCE);
    await expectAccessible(page, 'órganos');
    await expectFitsWidth(page, 'órganos (360 px)');
    await screenshot(page, 'admin-organos-360');
    const acronym = (await adminGet(`/api/bodies/${world.body.bodyId}`)).acronym as string;
    await page.getByRole('link', { name: `${acronym}: ajustes` }).click();
    await page.getByRole('heading', { name: 'Días inhábiles' }).waitFor(PATIENCE);
    await showYear(page, 2027);

    // One tab stop for the whole year, on its first day
    const first = page.getByRole('button', { name: dayName('2027-01-01', 'inhábil, Año Nuevo (descanso obligatorio por ley, no se puede cambiar)') });
    expect(await first.getAttribute('tabindex')).toBe('0');
    expect(await page.locator('.day[tabindex="0"]').count()).toBe(1);

    // The law's rest days and weekends are named with why, and stay as they are
    const constitution = page.getByRole('button', { name: `${dayName('2027-02-01', 'inhábil, Día de la Constitución')} (descanso obligatorio por ley, no se puede cambiar)` });
    expect(await constitution.getAttribute('aria-disabled')).toBe('true');
    // (a click past the disabled state, as a mouse does, changes nothing)
    await constitution.click({ force: true });
    expect(await constitution.getAttribute('class')).toContain('day-law');
    await page.getByRole('button', { name: dayName('2027-01-02', 'inhábil (fin de semana)') }).waitFor();

    // Arrows move a day or a week, Enter and Space toggle
    await first.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toBe(dayName('2027-01-04', 'hábil'));
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe(dayName('2027-01-04', 'inhábil del órgano'));
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe(dayName('2027-01-11', 'hábil'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    expect(await focusedName(page)).toBe(dayName('2027-01-04', 'hábil'));


    // A vacation period is added at once, named, and every business day of it stops counting
    const summary = page.locator('.year-summary');
    const businessIn2027 = countBusinessDays(businessCalendar([]), '2026-12-31', '2027-12-31');
    expect(await summary.textContent()).toContain(`${businessIn2027} días hábiles en 2027`);
    await page.getByLabel('Desde').fill('2027-07-19');
    await page.getByLabel('Hasta').fill('2027-07-30');
    await page.getByLabel('Nombre del periodo (opcional)').fill('Vacaciones de verano');
    await page.getByRole('button', { name: 'Agregar periodo' }).click();
    await page.getByRole('button', { name: dayName('2027-07-21', 'inhábil del órgano (Vacaciones de verano)') }).waitFor();
    expect(await summary.textContent()).toContain(`${businessIn2027 - 10} días hábiles en 2027`);

    await expectAccessible(page, 'ajustes del órgano');
    await expectFitsWidth(page, 'ajustes del órgano (360 px)');
    await screenshot(page, 'admin-organo-360');
  });

  it('a setting out of range is refused next to its field and nothing changes', async () => {
    const page = await world.signedIn(world.admin, `/admin/organos/${world.body.bodyId}`);
    await page.getByRole('heading', { name: 'Días inhábiles' }).waitFor(PATIENCE);
    const warning = page.getByLabel('Días hábiles de aviso (semáforo amarillo)');
    await warning.fill('90');
    await page.getByLabel('Ya vencido: cada cuántos días hábiles').fill('cinco');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    // Letters are caught before sending; the number out of range, by the API once the letters are fixed
    expect(await page.getByLabel('Ya vencido: cada cuántos días hábiles').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Ya vencido: cada cuántos días hábiles').fill('5');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.locator('.field-invalid').filter({ has: warning }).locator('.field-error').waitFor(PATIENCE);
    expect(await warning.getAttribute('aria-invalid')).toBe('true');
    expect(await warning.inputValue()).toBe('90');
    expect((await adminGet(`/api/bodies/${world.body.bodyId}`)).warningBusinessDays).not.toBe(90);
    await expectAccessible(page, 'ajustes del órgano con errores');
    await screenshot(page, 'admin-organo-error');
  });
});

describe('institutions administered', () => {
  it('a bad e-mail is shown next to its field and records nothing; fixed, the institution is registered, and its e-mails change later', async () => {
    const page = await world.signedIn(world.admin, '/admin/instituciones');
    await page.getByRole('heading', { name: 'Nueva institución' }).waitFor(PATIENCE);
    const acronym = `CONAVIM${process.pid}`;
    const form = page.getByRole('region', { name: 'Nueva institución' });
    await form.getByLabel('Nombre').fill('Comisión Nacional para Prevenir y Erradicar la Violencia contra las Mujeres');
    await form.getByLabel('Siglas').fill(acronym);
    const emails = form.getByLabel('Correos de enlace');
    await emails.fill('enlace@conavim.gob.mx\nsin-arroba.gob.mx');
    await form.getByRole('button', { name: 'Registrar institución' }).click();

    await form.getByText('«sin-arroba.gob.mx» no es un correo electrónico válido.').waitFor(PATIENCE);
    expect(await emails.getAttribute('aria-invalid')).toBe('true');
    const described = await emails.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described?.split(' ').at(-1)}"]`).textContent()).toContain('sin-arroba.gob.mx');
    const listed = async () => ((await adminGet('/api/institutions')) as { acronym: string; emails: string[] }[]).find((i) => i.acronym === acronym);
    expect(await listed()).toBeUndefined();
    await expectAccessible(page, 'instituciones con error');
    await screenshot(page, 'admin-instituciones-error');

    await emails.fill('enlace@conavim.gob.mx\nsegundo@conavim.gob.mx');
    await form.getByRole('button', { name: 'Registrar institución' }).click();
    await form.getByText(`Institución registrada: ${acronym}.`).waitFor(PATIENCE);
    expect((await listed())?.emails).toEqual(['enlace@conavim.gob.mx', 'segundo@conavim.gob.mx']);

    await page.getByRole('button', { name: `Editar correos de ${acronym}` }).click();
    await page.getByRole('listitem').filter({ hasText: acronym }).getByLabel('Correos de enlace').fill('nuevo@conavim.gob.mx');
    await page.getByRole('button', { name: `Guardar correos de ${acronym}` }).click();
    await page.getByRole('button', { name: `Editar correos de ${acronym}` }).waitFor(PATIENCE);
    expect((await listed())?.emails).toEqual(['nuevo@conavim.gob.mx']);
    await screenshot(page, 'admin-instituciones');
  });

  it('the administration screens are accessible and fit a phone', async () => {
    const page = await world.signedIn(world.admin, '/admin', { width: 360, height: 800 });
    await page.getByRole('heading', { name: 'Administración' }).waitFor(PATIENCE);
    await expectAccessible(page, 'administración');
    await expectFitsWidth(page, 'administración (360 px)');
    await screenshot(page, 'admin-inicio-360');
    await page.goto('/admin/instituciones');
    await page.getByRole('heading', { name: 'Nueva institución' }).waitFor(PATIENCE);
    await expectAccessible(page, 'instituciones');
    await expectFitsWidth(page, 'instituciones (360 px)');
    await screenshot(page, 'admin-instituciones-360');
    const desktop = await world.signedIn(world.admin, '/admin');
    await desktop.getByRole('heading', { name: 'Administración' }).waitFor(PATIENCE);
    await expectAccessible(desktop, 'administración (escritorio)');
    await screenshot(desktop, 'admin-inicio');
    await desktop.goto('/admin/organos');
    await desktop.getByRole('heading', { name: 'Nuevo órgano colegiado' }).waitFor(PATIENCE);
    await screenshot(desktop, 'admin-organos');
  });

  it('a secretariat does not get the administration', async () => {
    const page = await world.signedIn(world.secretariat, '/admin/organos');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor(PATIENCE);
    expect(await page.getByRole('link', { name: 'Administración' }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor(PATIENCE);
  });
});
