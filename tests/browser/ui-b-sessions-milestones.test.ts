import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsWidth, useBrowserWorld } from '../support/browser.js';

// Sessions and their "seguimiento de acuerdos"; milestones that date the
// agreements waiting for them.

const world = useBrowserWorld();
// Reads load and writes go through the agreement's workflow: on a busy machine, seconds.
const PATIENCE = { timeout: 20_000 };

async function adopt(sessionId: string, text: string, deadline: unknown) {
  const created = await world.body.secretariat.post('/api/agreements', { sessionId, text, responsibleInstitutionIds: [world.body.institutions[0]?.id], deadline });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return created.body as { id: string; folio: string };
}

describe('sessions', () => {
  it('a secretariat registers a session and prints its follow-up of the agreements still in process', async () => {
    // Given an agreement of an earlier session still in process, and one already fulfilled
    const earlier = await world.body.secretariat.post('/api/sessions', { bodyId: world.body.bodyId, kind: 'ordinaria', number: 20, date: '2026-02-10' });
    const pending = await adopt(earlier.body.id, 'Las dependencias enviarán sus programas anuales de trabajo.', { type: 'date', date: '2026-06-30' });
    const done = await adopt(earlier.body.id, 'Se aprueba el calendario de sesiones.', { type: 'none' });
    await world.body.secretariat.post(`/api/agreements/${done.id}/fulfil`, { justification: 'Se aprobó en la sesión.', occurredAt: '2026-02-11T17:00:00Z' });

    // When the secretariat registers the next session from /sesiones
    const page = await world.signedIn(world.secretariat, '/sesiones');
    await page.getByRole('button', { name: 'Nueva sesión' }).click();
    await page.getByLabel('Número').fill('21');
    await page.getByLabel('Fecha de la sesión').fill('2026-04-15');
    await page.getByRole('button', { name: 'Crear sesión' }).click();
    await page.getByRole('link', { name: 'Vigésima Primera Sesión Ordinaria' }).first().click();

    // then its page lists the follow-up as of that day: the pending agreement, not the fulfilled one
    await page.getByRole('heading', { name: 'Vigésima Primera Sesión Ordinaria' }).waitFor();
    const agenda = page.getByRole('table', { name: 'Seguimiento de acuerdos' });
    await agenda.waitFor();
    const rows = await agenda.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(pending.folio);
    expect(rows[0]).toContain('30/06/2026');
    expect(rows[0]).toContain('En proceso');
    expect(rows[0]).toContain('En tiempo');
    for (const header of ['Folio', 'Acuerdo', 'Responsables', 'Fecha límite', 'Semáforo', 'Estatus']) {
      expect(await agenda.getByRole('columnheader', { name: header }).count()).toBe(1);
    }
    await expectAccessible(page, 'sesión (secretaría)');

    // and printing keeps the session's name and its follow-up, without the menu nor the buttons
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'Vigésima Primera Sesión Ordinaria' }).isVisible()).toBe(true);
    expect(await agenda.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Acuerdos adoptados en esta sesión' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimir seguimiento' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Menú principal' }).isVisible()).toBe(false);
  });

  it('a coordinator reads the sessions and their agreements, without registering any, also at 360 px', async () => {
    const session = await world.body.secretariat.post('/api/sessions', { bodyId: world.body.bodyId, kind: 'extraordinaria', number: 2, date: '2026-03-05' });
    const adopted = await adopt(session.body.id, 'Se integra la comisión de seguimiento.', { type: 'business_days', days: 10, from: 'adoption' });

    const page = await world.signedIn(world.coordinator, '/sesiones', { width: 360, height: 800 });
    await page.getByRole('heading', { name: 'Sesiones' }).waitFor();
    await page.getByRole('link', { name: 'Segunda Sesión Extraordinaria' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nueva sesión' }).count()).toBe(0);
    await expectFitsWidth(page, 'sesiones (coordinación, 360 px)');
    await expectAccessible(page, 'sesiones (coordinación, 360 px)');

    await page.getByRole('link', { name: 'Segunda Sesión Extraordinaria' }).click();
    const adoptedTable = page.getByRole('table', { name: 'Acuerdos adoptados en esta sesión' });
    await adoptedTable.waitFor();
    expect(await adoptedTable.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining(adopted.folio)]);
    expect(await page.getByRole('link', { name: 'Registrar un acuerdo de esta sesión' }).count()).toBe(0);
    await expectFitsWidth(page, 'sesión (coordinación, 360 px)');
    await expectAccessible(page, 'sesión (coordinación, 360 px)');
  });

  it('are not shown to an institution', async () => {
    const page = await world.signedIn(world.institutions[0] ?? world.coordinator, '/sesiones');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor();
  });
});

describe('milestones', () => {
  it('recording one as occurred gives the agreements waiting for it their due date, and says how many', async () => {
    const page = await world.signedIn(world.secretariat, '/hitos');

    // Given a milestone registered on /hitos
    await page.getByLabel('Nombre del hito').fill('Publicación del PROIGUALDAD en el DOF');
    await page.getByRole('button', { name: 'Registrar hito' }).click();
    await page.getByRole('heading', { name: 'Publicación del PROIGUALDAD en el DOF' }).waitFor();
    const milestones = (await world.body.secretariat.get('/api/milestones')).body as { id: string; name: string }[];
    const milestoneId = milestones.find((m) => m.name === 'Publicación del PROIGUALDAD en el DOF')?.id;

    // and an agreement counting 15 business days from it, without due date meanwhile
    const session = await world.body.secretariat.post('/api/sessions', { bodyId: world.body.bodyId, kind: 'ordinaria', number: 19, date: '2026-01-28' });
    const waiting = await adopt(session.body.id, 'Las dependencias alinearán sus programas al PROIGUALDAD.', { type: 'business_days', days: 15, from: { milestoneId } });
    await page.reload();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Publicación del PROIGUALDAD en el DOF' }) });
    await expect.poll(() => item.textContent(), PATIENCE).toContain('Aún no ocurre · 1 acuerdo espera este hito para tener fecha límite');
    await expectAccessible(page, 'hitos (secretaría)');

    // When the secretariat records that it occurred on 02/03/2026
    await item.getByRole('button', { name: 'Registrar que ocurrió: Publicación del PROIGUALDAD en el DOF' }).click();
    await page.getByLabel('Fecha en que ocurrió').fill('2026-03-02');
    await page.getByRole('button', { name: /Guardar fecha/ }).click();

    // then it says how many agreements got their due date
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'ocurrió el' }).textContent(), PATIENCE).toContain('Se registró que «Publicación del PROIGUALDAD en el DOF» ocurrió el 02/03/2026: 1 acuerdo recibió su fecha límite.');
    await expect.poll(() => item.textContent(), PATIENCE).toContain('Ocurrió el 02/03/2026');
    // 15 business days after 02/03/2026, skipping 16/03/2026 (Natalicio de Benito Juárez)
    const dated = (await world.body.secretariat.get(`/api/agreements/${waiting.id}`)).body as { dueDate: string; dueDateExplanation: string };
    expect(dated.dueDate).toBe('2026-03-24');
    expect(dated.dueDateExplanation).toContain('16/03/2026 (Natalicio de Benito Juárez)');
    await expectAccessible(page, 'hitos (tras registrar que ocurrió)');
  });

  it('at 360 px the milestones fit the screen', async () => {
    const page = await world.signedIn(world.secretariat, '/hitos', { width: 360, height: 800 });
    await page.getByRole('heading', { name: 'Hitos', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Nuevo hito' }).waitFor();
    await expectFitsWidth(page, 'hitos (360 px)');
    await expectAccessible(page, 'hitos (360 px)');
  });

  it('are only for the secretariat', async () => {
    for (const who of [world.coordinator, world.institutions[0] ?? world.coordinator]) {
      const page = await world.signedIn(who, '/hitos');
      await page.getByRole('heading', { name: 'No disponible' }).waitFor();
    }
  });
});
