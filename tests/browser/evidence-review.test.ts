import { describe, expect, it } from 'vitest';
import { givenAnAgreementOf } from '../support/api-client.js';
import { expectAccessible, screenshot, signIn, useBrowserWorld } from '../support/browser.js';
import { pdf } from '../support/sample-files.js';

const world = useBrowserWorld();

describe('an institution sends evidence and the secretariat reviews it, in the browser', () => {
  it('goes from the e-mail link to a cumplido agreement: sent, rejected with a reason, sent again, accepted from the queue', async () => {
    const agreement = await givenAnAgreementOf(world.body, { text: 'Las dependencias enviarán su programa de trabajo en materia de igualdad.' });
    const institution = world.institutions[0];
    if (!institution) throw new Error('sin institución');

    // Given the link of a reminder e-mail, followed by someone not signed in
    const inst = await world.newPage();
    await inst.goto(`/?acuerdo=${agreement.id}#evidencia`);
    await inst.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await screenshot(inst, 'entrar');
    await signIn(inst, institution);
    await expect.poll(() => new URL(inst.url()).pathname).toBe(`/acuerdos/${agreement.id}`);
    expect(new URL(inst.url()).hash).toBe('#evidencia');
    await inst.getByRole('heading', { name: `Acuerdo ${agreement.folio}` }).waitFor();
    await expectAccessible(inst, 'acuerdo (institución)');

    // When the institution sends evidence with a file, pressing twice
    await inst.getByLabel('Descripción').fill('Se envió el programa de trabajo aprobado.');
    await inst.getByLabel('Archivos').setInputFiles({ name: 'programa.pdf', mimeType: 'application/pdf', buffer: await pdf('Programa de trabajo') });
    const send = inst.getByRole('button', { name: 'Enviar evidencia' });
    // A real double-click: both presses land before the first answer, however
    // fast the server is. (Two separate clicks let a quick server answer in
    // between, and the second then rightly finds the emptied form.)
    await send.dblclick();
    await inst.getByText('Evidencia enviada. La secretaría técnica la revisará.').waitFor();
    const afterFirst = await world.body.secretariat.get(`/api/agreements/${agreement.id}`);
    expect(afterFirst.body.evidence).toHaveLength(1);
    expect(afterFirst.body.evidence[0].files[0].name).toBe('programa.pdf');

    // Then the secretariat rejects it with a comment, from the agreement page
    const sec = await world.signedIn(world.secretariat, `/acuerdos/${agreement.id}`);
    await sec.getByRole('link', { name: 'programa.pdf' }).waitFor();
    await expectAccessible(sec, 'acuerdo (secretaría)');
    await sec.getByRole('button', { name: 'Rechazar' }).click();
    await sec.getByText('Escriba un comentario').or(sec.locator('.field-error')).first().waitFor();
    await sec.getByLabel('Comentario').fill('Falta la firma del titular en el programa.');
    await sec.getByRole('button', { name: 'Rechazar' }).click();
    await sec.getByText('Evidencia rechazada; se avisó a la institución.').waitFor();
    await sec.getByText('Comentario: Falta la firma del titular en el programa.').waitFor();

    // And the institution sees the reason next to the form, and sends new evidence
    await inst.reload();
    const reason = inst.getByRole('note', { name: 'Motivo del rechazo' });
    await reason.waitFor();
    expect(await reason.textContent()).toContain('Falta la firma del titular en el programa.');
    await screenshot(inst, 'acuerdo-institucion-rechazada');
    await inst.getByLabel('Descripción').fill('Programa de trabajo firmado por el titular.');
    await inst.getByLabel('Enlaces').fill('https://www.gob.mx/inmujeres/programa-firmado');
    await inst.getByRole('button', { name: 'Enviar evidencia' }).click();
    await inst.getByText('Evidencia enviada. La secretaría técnica la revisará.').waitFor();

    // Finally the secretariat accepts it from the review queue, and the agreement is cumplido
    await sec.getByRole('link', { name: 'Revisión de evidencias' }).click();
    await sec.getByRole('heading', { name: 'Revisión de evidencias', level: 1 }).waitFor();
    await sec.getByRole('link', { name: 'https://www.gob.mx/inmujeres/programa-firmado (se abre en otra pestaña)' }).waitFor();
    await expectAccessible(sec, 'revisión');
    await screenshot(sec, 'revision');
    await sec.getByRole('button', { name: 'Aceptar' }).focus();
    await sec.keyboard.press('Enter');
    await sec.getByText(`Evidencia aceptada. (${world.body.institutions[0]?.acronym}, acuerdo ${agreement.folio})`).waitFor();
    await sec.getByText('No hay evidencias por revisar.').waitFor();

    await sec.goto(`/acuerdos/${agreement.id}`);
    await sec.getByText('Estatus: Cumplido').waitFor();
    await sec.getByText(/Historial verificado: \d+ eventos encadenados; la huella/).waitFor();
    expect(await sec.locator('.timeline li').count()).toBeGreaterThanOrEqual(5);
    await screenshot(sec, 'acuerdo-cumplido');
    await sec.emulateMedia({ media: 'print' });
    await screenshot(sec, 'acuerdo-impresion');
    const done = await world.body.secretariat.get(`/api/agreements/${agreement.id}`);
    expect(done.body).toMatchObject({ status: 'cumplido', semaforo: 'cumplido' });
  });
});
