import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsWidth, useBrowserWorld } from '../support/browser.js';

// A secretariat registers the agreements its body adopts: the due date the
// server will compute shows while the deadline is typed, with the rest days it
// skips, computed in the browser by the same rules (domain/) and the body's
// own calendar.

const world = useBrowserWorld();
// Reads load and writes go through the agreement's workflow: on a busy machine, seconds.
const PATIENCE = { timeout: 20_000 };
let sessionId = '';

async function patchBody(payload: unknown) {
  const answer = await fetch(`${world.baseUrl}/api/bodies/${world.body.bodyId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${world.body.secretariatToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (!answer.ok) throw new Error(`PATCH body: ${await answer.text()}`);
}

async function agreementsOfSession(id: string) {
  const answer = await world.body.coordinator.get(`/api/agreements?sessionId=${id}`);
  return answer.body.items as { id: string; folio: string; dueDate: string | null; dueDateExplanation: string }[];
}

const region = (page: Page) => page.getByRole('region', { name: 'Fecha límite calculada' });

beforeAll(async () => {
  // The body rests the last days of the year on top of the law's rest days.
  await patchBody({ nonWorkingDays: [{ from: '2025-12-29', to: '2025-12-31', name: 'Vacaciones de invierno' }] });
  const session = await world.body.secretariat.post('/api/sessions', { bodyId: world.body.bodyId, kind: 'ordinaria', number: 20, date: '2025-12-15' });
  if (session.status !== 201) throw new Error(JSON.stringify(session.body));
  sessionId = session.body.id;
});

describe('registering an agreement', () => {
  it('shows the due date and the rest days it skips before saving, then lands on the agreement with its folio', async () => {
    const [inmujeres] = world.body.institutions;
    const page = await world.signedIn(world.secretariat, '/acuerdos/nuevo');
    await page.getByRole('heading', { name: 'Registrar acuerdo' }).waitFor();

    // Given the session of 15/12/2025 and 10 business days from its adoption
    await page.getByLabel('Sesión', { exact: true }).selectOption({ label: 'Vigésima Sesión Ordinaria — 15/12/2025' });
    await page.getByLabel('Texto del acuerdo').fill('Las dependencias enviarán a la Secretaría Técnica sus avances del PROIGUALDAD.');
    await page.getByRole('checkbox', { name: inmujeres?.acronym }).check();
    await page.getByLabel('Tipo de plazo').selectOption({ label: 'Días hábiles' });
    await page.getByLabel('Días', { exact: true }).fill('10');

    // then, before saving, the due date and every rest day skipped: the law's and the body's own
    await expect.poll(() => region(page).textContent(), PATIENCE).toContain('05/01/2026');
    const explanation = await region(page).textContent();
    expect(explanation).toContain(
      'no cuentan: 25/12/2025 (Navidad), 29/12/2025 (Vacaciones de invierno), 30/12/2025 (Vacaciones de invierno), 31/12/2025 (Vacaciones de invierno), 01/01/2026 (Año Nuevo) → 05/01/2026',
    );
    expect(explanation).toContain('lunes');
    await expectAccessible(page, 'registrar acuerdo (con la fecha calculada)');

    // When the secretariat registers it
    await page.getByRole('button', { name: 'Registrar acuerdo' }).click();

    // then the agreement's page opens with its folio, and the server computed the same date
    await expect.poll(() => new URL(page.url()).pathname, PATIENCE).toMatch(/^\/acuerdos\/[0-9a-f-]{36}$/);
    const [registered] = await agreementsOfSession(sessionId);
    expect(registered?.dueDate).toBe('2026-01-05');
    expect(explanation).toContain(registered?.dueDateExplanation);
    await page.getByText(registered?.folio ?? 'sin folio').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/acuerdos/${registered?.id}`);
  });

  it('records once a submission that reaches the server twice', async () => {
    const [, shcp] = world.body.institutions;
    const before = (await agreementsOfSession(sessionId)).length;
    const page = await world.signedIn(world.secretariat, `/acuerdos/nuevo?sesion=${sessionId}`);
    await page.getByLabel('Texto del acuerdo').fill('La SHCP informará el presupuesto etiquetado para la igualdad.');
    await page.getByRole('checkbox', { name: shcp?.acronym }).check();
    await page.getByLabel('Tipo de plazo').selectOption({ label: 'Fecha' });
    await page.getByLabel('Fecha', { exact: true }).fill('2026-03-31');
    await expect.poll(() => region(page).textContent(), PATIENCE).toContain('31/03/2026');

    // Given a network that delivers the registration twice (a proxy's retry), same request and key
    let deliveries = 0;
    await page.route('**/api/agreements', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      deliveries += 1;
      const second = await route.fetch();
      deliveries += 1;
      await route.fulfill({ response: second });
    });
    await page.getByRole('button', { name: 'Registrar acuerdo' }).click();

    await expect.poll(() => new URL(page.url()).pathname, PATIENCE).toMatch(/^\/acuerdos\/[0-9a-f-]{36}$/);
    expect(deliveries).toBe(2);
    expect((await agreementsOfSession(sessionId)).length).toBe(before + 1);
  });

  it('says what is missing next to each field and keeps everything typed', async () => {
    const page = await world.signedIn(world.secretariat, '/acuerdos/nuevo', { width: 360, height: 800 });
    await page.getByRole('heading', { name: 'Registrar acuerdo' }).waitFor();
    await page.getByLabel('Texto del acuerdo').fill('Texto escrito con cuidado que no debe perderse.');
    await page.getByLabel('Tipo de plazo').selectOption({ label: 'Meses' });

    await page.getByRole('button', { name: 'Registrar acuerdo' }).click();

    await expect.poll(() => page.getByRole('status').last().textContent(), PATIENCE).toContain('Revise los campos marcados');
    const fieldErrors = await page.locator('.field-error:visible').allTextContents();
    expect(fieldErrors.map((text) => text.replace('⚠ ', ''))).toEqual([
      'Elija la sesión en que se adoptó el acuerdo.',
      'Marque al menos una institución responsable.',
      'Indique cuántos meses.',
    ]);
    expect(await page.getByLabel('Texto del acuerdo').inputValue()).toBe('Texto escrito con cuidado que no debe perderse.');
    expect(await page.getByLabel('Meses').getAttribute('aria-invalid')).toBe('true');
    // 360 px wide: nothing sticks out sideways
    await expectFitsWidth(page, 'registrar acuerdo (con errores, 360 px)');
    await expectAccessible(page, 'registrar acuerdo (con errores, 360 px)');
  });

  it('creates the session from the same flow when it is not there yet', async () => {
    const [inmujeres] = world.body.institutions;
    const page = await world.signedIn(world.secretariat, '/acuerdos/nuevo');
    await page.getByLabel('Texto del acuerdo').fill('Se instala el grupo de trabajo de armonización legislativa.');

    // When the secretariat registers the session it does not find
    await page.getByRole('button', { name: /Registrar una sesión nueva/ }).click();
    await page.getByLabel('Tipo de sesión').selectOption({ label: 'Extraordinaria' });
    await page.getByLabel('Número').fill('3');
    await expect.poll(() => page.getByText('Si lo deja vacío se llamará «Tercera Sesión Extraordinaria».').isVisible(), PATIENCE).toBe(true);
    await expectAccessible(page, 'registrar acuerdo (con el formulario de sesión nueva)');
    await page.getByLabel('Fecha de la sesión').fill('2026-01-20');
    await page.getByRole('button', { name: 'Crear sesión' }).click();

    // then it is the chosen session, and the deadline counts from its date
    await expect.poll(async () => page.getByLabel('Sesión', { exact: true }).locator('option:checked').textContent(), PATIENCE).toBe('Tercera Sesión Extraordinaria — 20/01/2026');
    await page.getByRole('checkbox', { name: inmujeres?.acronym }).check();
    await page.getByLabel('Días', { exact: true }).fill('5');
    await expect.poll(() => region(page).textContent(), PATIENCE).toContain('27/01/2026');
    expect(await page.getByLabel('A partir de').locator('option:checked').textContent()).toBe('La adopción (sesión del 20/01/2026)');
    expect(await page.getByLabel('Texto del acuerdo').inputValue()).toBe('Se instala el grupo de trabajo de armonización legislativa.');

    await page.getByRole('button', { name: 'Registrar acuerdo' }).click();
    await expect.poll(() => new URL(page.url()).pathname, PATIENCE).toMatch(/^\/acuerdos\/[0-9a-f-]{36}$/);
    const sessions = (await world.body.secretariat.get('/api/sessions')).body as { id: string; label: string; agreementCount: number }[];
    expect(sessions.find((s) => s.label === 'Tercera Sesión Extraordinaria')?.agreementCount).toBe(1);
  });

  it('changes a deadline with the same live preview, keeping the reason in the history', async () => {
    const created = await world.body.secretariat.post('/api/agreements', {
      sessionId,
      text: 'Las dependencias publicarán sus protocolos de atención.',
      responsibleInstitutionIds: [world.body.institutions[0]?.id],
      deadline: { type: 'business_days', days: 10, from: 'adoption' },
    });
    const page = await world.signedIn(world.secretariat, `/acuerdos/${created.body.id}`);

    // Given the form opened from the rule in force (10 business days from 15/12/2025)
    await page.getByRole('button', { name: 'Cambiar plazo' }).click();
    expect(await page.getByLabel('Días', { exact: true }).inputValue()).toBe('10');
    await expect.poll(() => region(page).textContent(), PATIENCE).toContain('05/01/2026');

    // When the secretariat extends it to 20 business days, the new date shows before saving
    await page.getByLabel('Días', { exact: true }).fill('20');
    await expect.poll(() => region(page).textContent(), PATIENCE).toContain('→ 19/01/2026');
    await page.getByLabel('Motivo del cambio de plazo').fill('Prórroga acordada en la sesión por la carga de fin de año.');
    await expectAccessible(page, 'cambiar plazo');
    await page.getByRole('button', { name: 'Guardar nuevo plazo' }).click();

    // then the server agrees and keeps the earlier rule with the reason
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Plazo cambiado' }).count(), PATIENCE).toBe(1);
    const changed = (await world.body.secretariat.get(`/api/agreements/${created.body.id}`)).body as {
      dueDate: string;
      deadline: { days: number };
      deadlineHistory: { dueDate: string; replacedBecause: string }[];
    };
    expect(changed.dueDate).toBe('2026-01-19');
    expect(changed.deadline.days).toBe(20);
    expect(changed.deadlineHistory).toEqual([expect.objectContaining({ dueDate: '2026-01-05', replacedBecause: 'Prórroga acordada en la sesión por la carga de fin de año.' })]);
  });

  it('is not offered to an institution or a coordinator', async () => {
    for (const who of [world.institutions[0] ?? world.coordinator, world.coordinator]) {
      const page = await world.signedIn(who, '/acuerdos/nuevo');
      await page.getByRole('heading', { name: 'No disponible' }).waitFor();
      expect(await page.getByLabel('Texto del acuerdo').count()).toBe(0);
    }
  });
});
