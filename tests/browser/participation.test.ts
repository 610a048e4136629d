import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';
import { pdf } from '../support/sample-files.js';

// The participation mechanism (issue 15): the secretariat registers who takes
// part, records each session's participations right after it and their
// follow-up later; the coordinator reads them and downloads the period report.

const world = useBrowserWorld();
const PATIENCE = { timeout: 20_000 };

describe('participations', () => {
  it('a secretariat registers two participants, records a permanent and an ordinary session’s participations, and later follows one up with a file', async () => {
    const page = await world.signedIn(world.secretariat, '/participantes');
    await page.getByRole('heading', { name: 'Participantes' }).waitFor();

    // Bad input shows its error next to the field and records nothing
    await page.getByRole('button', { name: 'Registrar participante' }).click();
    await page.locator('.field-invalid', { hasText: 'Nombre' }).getByText('Este campo es obligatorio.').waitFor(PATIENCE);
    expect(await page.getByRole('table').count()).toBe(0);

    // When the secretariat registers two participants
    for (const [name, acronym, kind] of [
      ['Save the Children México', 'STC', 'OSC'],
      ['Universidad Iberoamericana', 'IBERO', 'Academia'],
    ] as const) {
      await page.getByLabel('Nombre', { exact: true }).fill(name);
      await page.getByLabel('Siglas (opcional)').fill(acronym);
      await page.getByLabel('Tipo').selectOption({ label: kind });
      await page.getByRole('button', { name: 'Registrar participante' }).click();
      await page.getByText(`Participante registrado: ${name}.`).waitFor(PATIENCE);
    }
    // then both are listed with their kind
    const table = page.getByRole('table', { name: /Participantes registrados/ });
    await expect.poll(() => table.locator('tbody tr').allTextContents(), PATIENCE).toEqual(['Save the Children MéxicoSTCOSC', 'Universidad IberoamericanaIBEROAcademia']);
    await expectAccessible(page, 'participantes (secretaría)');
    await screenshot(page, 'participantes-secretaria');

    // Given an ordinary session that adopted an agreement (registered elsewhere)
    const ordinary = await world.body.secretariat.post('/api/sessions', { bodyId: world.body.bodyId, kind: 'ordinaria', number: 21, date: '2026-06-13' });
    const agreement = await world.body.secretariat.post('/api/agreements', {
      sessionId: ordinary.body.id,
      text: 'Presentar el Atlas de Riesgo de Trabajo Infantil en las entidades federativas.',
      responsibleInstitutionIds: [world.body.institutions[0]?.id],
      deadline: { type: 'none' },
    });
    expect(agreement.status).toBe(201);

    await page.getByRole('link', { name: 'Participaciones' }).click();
    await page.getByRole('heading', { name: 'Participaciones', level: 1 }).waitFor();

    // A participation with nothing filled in is refused field by field, and nothing is recorded
    await page.getByRole('button', { name: 'Registrar participación' }).click();
    const form = page.getByRole('form', { name: 'Datos de la participación' });
    await page.getByRole('region', { name: 'Registrar participación' }).locator('.field-invalid', { hasText: 'Sesión' }).getByText('Elija la sesión en que participaron.').waitFor(PATIENCE);
    await form.locator('fieldset.field-invalid', { hasText: 'Participantes' }).getByText('Marque al menos un participante.').waitFor();
    await form.locator('.field-invalid', { hasText: 'Acciones en las que la participación fue/es relevante' }).waitFor();
    expect((await world.body.coordinator.get(`/api/participations?bodyId=${world.body.bodyId}`)).body).toEqual([]);

    // When the secretariat registers the permanent session of 24 May by its date
    await page.getByRole('button', { name: 'Nueva sesión' }).click();
    await page.getByLabel('Tipo de sesión').selectOption({ label: 'Permanente' });
    await page.getByLabel('Fecha de la sesión').fill('2026-05-24');
    await expectAccessible(page, 'participaciones, nueva sesión (secretaría)');
    await screenshot(page, 'participaciones-nueva-sesion');
    await page.getByRole('button', { name: 'Registrar sesión' }).click();
    const record = page.getByRole('region', { name: 'Registrar participación' });
    await expect.poll(() => record.getByLabel('Sesión', { exact: true }).locator('option:checked').textContent(), PATIENCE).toBe('Sesión Permanente, 24/05/2026');

    // and records the participation of both, with no agreement
    await page.getByLabel('Save the Children México (STC)').check();
    await page.getByLabel('Universidad Iberoamericana (IBERO)').check();
    await page.getByLabel('Acciones en las que la participación fue/es relevante').fill('Presentación del informe sobre niñez migrante.');
    expect(await page.getByLabel('Acuerdo adoptado').locator('option:checked').textContent()).toBe('Ninguno');
    await page.getByRole('button', { name: 'Registrar participación' }).click();
    await page.getByText('Participación registrada.').waitFor(PATIENCE);

    // and the ordinary session's participation that adopted its agreement
    await record.getByLabel('Sesión', { exact: true }).selectOption({ label: 'Vigésima Primera Sesión Ordinaria, 13/06/2026' });
    await page.getByLabel('Save the Children México (STC)').check();
    await page.getByLabel('Acciones en las que la participación fue/es relevante').fill('Presentación del Atlas de Riesgo de Trabajo Infantil.');
    const adopted = page.getByLabel('Acuerdo adoptado').locator('option', { hasText: agreement.body.folio });
    await adopted.waitFor({ state: 'attached', ...PATIENCE });
    await page.getByLabel('Acuerdo adoptado').selectOption({ value: agreement.body.id });
    await page.getByRole('button', { name: 'Registrar participación' }).click();
    await expect.poll(async () => (await world.body.coordinator.get(`/api/participations?bodyId=${world.body.bodyId}`)).body.length, PATIENCE).toBe(2);

    // then both are listed in session-date order
    const list = page.getByRole('table', { name: /Participaciones \(2\)/ });
    await list.waitFor(PATIENCE);
    const rows = await list.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Save the Children México; Universidad Iberoamericana');
    expect(rows[0]).toContain('Sesión Permanente, 24/05/2026');
    expect(rows[0]).toContain('Ninguno');
    expect(rows[1]).toContain('Vigésima Primera Sesión Ordinaria, 13/06/2026');
    await expect.poll(async () => (await list.locator('tbody tr').nth(1).textContent()) ?? '', PATIENCE).toContain(`Folio ${agreement.body.folio}`);
    await expectAccessible(page, 'participaciones (secretaría)');
    await screenshot(page, 'participaciones-secretaria');

    // When later the secretariat fills in the permanent session's follow-up with the acta
    await list.getByRole('link', { name: /Sin seguimiento: registrarlo de la participación de Save the Children México; Universidad Iberoamericana/ }).click();
    await page.getByRole('heading', { name: 'Participación de Save the Children México; Universidad Iberoamericana' }).waitFor(PATIENCE);
    // a link that is not one is refused next to its field, and nothing is recorded
    await page.getByLabel('Enlaces').fill('no es un enlace');
    await page.getByRole('button', { name: 'Guardar seguimiento' }).click();
    await page.locator('.field-invalid', { hasText: 'Enlaces' }).waitFor(PATIENCE);
    await page.getByLabel('Enlaces').fill('https://example.org/acta-permanente');
    await page.getByLabel('Actividades realizadas').fill('Se integró el informe a la agenda de la Comisión.');
    await page.getByLabel('Medios de verificación').fill('Acta de la Sesión Permanente');
    await page.getByLabel('Archivos').setInputFiles({ name: 'Acta 24 de mayo.pdf', mimeType: 'application/pdf', buffer: await pdf('Acta de la Sesión Permanente del 24 de mayo.') });
    await page.getByRole('button', { name: 'Guardar seguimiento' }).click();
    await page.getByText('Seguimiento guardado.').waitFor(PATIENCE);

    // then the follow-up shows the file to download, and the history says who did what
    await page.getByRole('list', { name: 'Archivos' }).getByRole('link', { name: 'Acta 24 de mayo.pdf' }).waitFor(PATIENCE);
    await page.getByText('Archivos agregados a los medios de verificación').waitFor(PATIENCE);
    await page.getByText('Seguimiento: actividades, medios de verificación').waitFor();
    await expectAccessible(page, 'participación (secretaría)');
    await screenshot(page, 'participacion-secretaria');

    // and the screen to record them fits a phone
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('link', { name: '← Participaciones' }).click();
    await page.getByRole('table', { name: /Participaciones \(2\)/ }).waitFor(PATIENCE);
    await screenshot(page, 'participaciones-secretaria-360');
    await expectFitsWidth(page, 'participaciones (secretaría, 360 px)');
    await expectAccessible(page, 'participaciones (secretaría, 360 px)');
  });

  it('a coordinator reads the participations without writing, downloads the period report, and every screen fits a phone', async () => {
    // Given a participation with its follow-up, in July
    const session = await world.body.secretariat.post('/api/sessions', { bodyId: world.body.bodyId, kind: 'permanente', date: '2026-07-08' });
    const participant = await world.body.secretariat.post('/api/participants', { bodyId: world.body.bodyId, name: 'World Vision México', kind: 'osc' });
    const recorded = await world.body.secretariat.post('/api/participations', {
      sessionId: session.body.id,
      participantIds: [participant.body.id],
      relevance: 'Diálogo sobre la Estrategia de Primera Infancia.',
      activities: 'Se compartió la estrategia con las entidades.',
      verification: { text: 'Minuta de la Sesión Permanente' },
    });
    expect(recorded.status).toBe(201);

    const page = await world.signedIn(world.coordinator, '/participaciones?del=2026-07-01&al=2026-07-31', { width: 360, height: 800 });
    await page.getByRole('heading', { name: 'Participaciones', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: /Participaciones \(1\)/ });
    await list.waitFor(PATIENCE);
    expect(await page.getByRole('heading', { name: 'Registrar participación' }).count()).toBe(0);
    await screenshot(page, 'participaciones-coordinacion-360');
    await expectFitsWidth(page, 'participaciones (coordinación, 360 px)');
    await expectAccessible(page, 'participaciones (coordinación, 360 px)');

    // The report's period comes from the filter; the CSV has the report's fields and the row
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar CSV' }).click()]);
    const csv = (await readFile(await csvDownload.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Participante,"Número, tipo de sesión y fecha",Acciones en las que la participación fue/es relevante,Acuerdo adoptado,Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado,Medios de verificación',
    );
    expect(lines.slice(1)).toEqual(['World Vision México,"Sesión Permanente, 8 de julio de 2026",Diálogo sobre la Estrategia de Primera Infancia.,N/A,Se compartió la estrategia con las entidades.,Minuta de la Sesión Permanente']);
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar PDF' }).click()]);
    expect((await readFile(await pdfDownload.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await page.getByRole('link', { name: 'Ver para imprimir' }).getAttribute('href')).toContain('format=html');

    // The participation's page shows the follow-up, without the form
    await list.getByRole('link', { name: /Ver seguimiento/ }).click();
    await page.getByRole('heading', { name: 'Participación de World Vision México' }).waitFor(PATIENCE);
    await page.getByText('Minuta de la Sesión Permanente').first().waitFor();
    expect(await page.getByRole('button', { name: 'Guardar seguimiento' }).count()).toBe(0);
    await screenshot(page, 'participacion-coordinacion-360');
    await expectFitsWidth(page, 'participación (coordinación, 360 px)');
    await expectAccessible(page, 'participación (coordinación, 360 px)');

    await page.goto(`${world.baseUrl}/participantes`);
    await page.getByRole('table', { name: /Participantes registrados/ }).waitFor(PATIENCE);
    expect(await page.getByRole('button', { name: 'Registrar participante' }).count()).toBe(0);
    await screenshot(page, 'participantes-coordinacion-360');
    await expectFitsWidth(page, 'participantes (coordinación, 360 px)');
    await expectAccessible(page, 'participantes (coordinación, 360 px)');
  });

  it('are not shown to an institution', async () => {
    const page = await world.signedIn(world.institutions[0] ?? world.coordinator, '/participaciones');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor();
  });
});
