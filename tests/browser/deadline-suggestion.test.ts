import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENTS } from '../../app/seed/snimh-annex-i.js';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';

// A secretariat types an agreement as adopted; the form reads the deadline its
// words state, shows which words, and takes it into the deadline fields only
// when asked, so the due date is not re-typed by hand (issue 14).

const world = useBrowserWorld();
// Reads load and writes go through the agreement's workflow: on a busy machine, seconds.
const PATIENCE = { timeout: 20_000 };
// Annex I, agreement 48 (../shared/seeds/003_*.txt), adopted at the session of 30/09/2020.
const AGREEMENT_48 =
  'Las personas representantes de las Secretarías asistentes a esta Vigésima Primera Sesión Ordinaria del Sistema favorecerán en los siguientes quince días hábiles las gestiones para la firma del Refrendo del Decreto de Aprobación y Publicación del Programa Nacional para la Igualdad entre Mujeres y Hombres (PROIGUALDAD) 2020-2024.';
let sessionId = '';

const suggestion = (page: Page) => page.getByRole('region', { name: 'Plazo que indica el texto' });
const preview = (page: Page) => page.getByRole('region', { name: 'Fecha límite calculada' });

beforeAll(async () => {
  const session = await world.body.secretariat.post('/api/sessions', { bodyId: world.body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
  if (session.status !== 201) throw new Error(JSON.stringify(session.body));
  sessionId = session.body.id;
});

describe('the deadline the text states', () => {
  it('is offered with its words marked, taken in one click, and registered as the server computes it', async () => {
    const [inmujeres] = world.body.institutions;
    const page = await world.signedIn(world.secretariat, `/acuerdos/nuevo?sesion=${sessionId}`);
    await page.getByRole('heading', { name: 'Registrar acuerdo' }).waitFor();

    // Given the session of 30/09/2020, when the secretariat types agreement 48
    await page.getByLabel('Texto del acuerdo').fill(AGREEMENT_48);
    await page.getByRole('checkbox', { name: inmujeres?.acronym }).check();

    // then the form shows the words it read the deadline from, the rule and its due date
    await expect.poll(() => suggestion(page).locator('mark').allTextContents(), PATIENCE).toEqual(['en los siguientes quince días hábiles']);
    const offered = await suggestion(page).textContent();
    expect(offered).toContain('15 días hábiles a partir de la adopción del acuerdo');
    expect(offered).toContain('Fecha límite: 21/10/2020');
    // and the fields are still as the secretariat left them: nothing is taken without the click
    expect(await page.getByLabel('Días', { exact: true }).inputValue()).toBe('');
    expect(await preview(page).textContent()).not.toContain('21/10/2020');
    await expectAccessible(page, 'registrar acuerdo (con el plazo que indica el texto)');
    await screenshot(page, 'plazo-sugerido');

    // When the secretariat takes the suggestion
    await suggestion(page).getByRole('button', { name: 'Usar este plazo' }).click();

    // then the fields hold it and the live preview computes the same date
    expect(await page.getByLabel('Tipo de plazo').locator('option:checked').textContent()).toBe('Días hábiles');
    expect(await page.getByLabel('Días', { exact: true }).inputValue()).toBe('15');
    await expect.poll(() => preview(page).textContent(), PATIENCE).toContain('21/10/2020');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectFitsWidth(page, 'registrar acuerdo con el plazo sugerido (360 px)');
    await screenshot(page, 'plazo-sugerido-usado-360');

    // and once registered, the agreement's page shows that due date
    await page.getByRole('button', { name: 'Registrar acuerdo' }).click();
    await expect.poll(() => new URL(page.url()).pathname, PATIENCE).toMatch(/^\/acuerdos\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.due-date').textContent(), PATIENCE).toBe('21/10/2020');
    const registered = await world.body.secretariat.get(`/api/agreements/${new URL(page.url()).pathname.split('/').at(-1)}`);
    expect(registered.body.deadline).toEqual({ type: 'business_days', days: 15, from: 'adoption' });
  });

  it('offers to create the milestone the text counts from when the body lacks it, and says nothing is stated when nothing is', async () => {
    const page = await world.signedIn(world.secretariat, `/acuerdos/nuevo?sesion=${sessionId}`);
    await page.getByRole('heading', { name: 'Registrar acuerdo' }).waitFor();

    // Given a text with no deadline (Annex I, 36), the form says so quietly
    await page.getByLabel('Texto del acuerdo').fill(AGREEMENTS.find((a) => a.seq === 36)?.text ?? '');
    await expect.poll(() => suggestion(page).textContent(), PATIENCE).toContain('El texto no indica un plazo.');

    // When the text counts three months from a publication the body has no milestone for (Annex I, 49)
    await page.getByLabel('Texto del acuerdo').fill(AGREEMENTS.find((a) => a.seq === 49)?.text ?? '');
    await expect.poll(() => suggestion(page).textContent(), PATIENCE).toContain('El hito «Publicación del PROIGUALDAD 2020-2024» aún no existe');
    expect(await suggestion(page).textContent()).toContain('3 meses a partir del hito «Publicación del PROIGUALDAD 2020-2024»');
    await suggestion(page).getByRole('button', { name: 'Crear el hito y usar este plazo' }).click();

    // then the milestone exists in the body and the fields count from it
    await expect.poll(() => page.getByLabel('A partir de').locator('option:checked').textContent(), PATIENCE).toBe('Publicación del PROIGUALDAD 2020-2024 (aún no ocurre)');
    expect(await page.getByLabel('Meses').inputValue()).toBe('3');
    await expect.poll(() => preview(page).textContent(), PATIENCE).toContain('Sin fecha hasta que ocurra el hito');
    const milestones = (await world.body.secretariat.get(`/api/milestones?bodyId=${world.body.bodyId}`)).body as { name: string }[];
    expect(milestones.filter((m) => m.name === 'Publicación del PROIGUALDAD 2020-2024')).toHaveLength(1);
    await expectAccessible(page, 'registrar acuerdo (plazo desde un hito creado)');
  });
});
