import { describe, expect, it } from 'vitest';
import { asAdmin, givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// What the administration screens read and change besides creating: every
// body with its settings, and an institution's addresses.

const h = useHarness();

describe('an admin looking after bodies and institutions', () => {
  it('lists every body with its settings, by acronym; nobody else gets the list', async () => {
    const first = await givenABody(h.app, { nonWorkingDays: ['2027-01-04'], warningBusinessDays: 3 });
    const second = await givenABody(h.app);

    const listed = await asAdmin(h.app).get('/api/bodies');

    expect(listed.status).toBe(200);
    const ids: string[] = listed.body.map((b: { id: string }) => b.id);
    // The first one's acronym sorts before the second's.
    expect(ids.indexOf(first.bodyId)).toBeLessThan(ids.indexOf(second.bodyId));
    const shown = listed.body.find((b: { id: string }) => b.id === first.bodyId);
    expect(shown).toMatchObject({ nonWorkingDays: ['2027-01-04'], warningBusinessDays: 3, timezone: 'America/Mexico_City', folioStart: 1, public: false });
    // A body's own staff read their body by id, never the list of all of them.
    expect((await first.secretariat.get('/api/bodies')).status).toBe(403);
    expect((await first.coordinator.get('/api/bodies')).status).toBe(403);
  });

  it("replaces an institution's e-mails and keeps the list not sent", async () => {
    const body = await givenABody(h.app);
    const [institution] = body.institutions;
    const admin = asAdmin(h.app);
    await admin.patch(`/api/institutions/${institution?.id}`, { headEmails: ['titular@inmujeres.gob.mx'] });

    const changed = await admin.patch(`/api/institutions/${institution?.id}`, { emails: ['nuevo.enlace@inmujeres.gob.mx', 'otro@inmujeres.gob.mx'] });

    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ emails: ['nuevo.enlace@inmujeres.gob.mx', 'otro@inmujeres.gob.mx'], headEmails: ['titular@inmujeres.gob.mx'] });
    const listed = await admin.get('/api/institutions');
    expect(listed.body.find((i: { id: string }) => i.id === institution?.id)).toEqual(changed.body);
  });

  it('refuses a bad address naming it, and changes nothing', async () => {
    const body = await givenABody(h.app);
    const [institution] = body.institutions;
    const admin = asAdmin(h.app);

    const refused = await admin.patch(`/api/institutions/${institution?.id}`, { emails: ['bien@inmujeres.gob.mx', 'sin-arroba'] });

    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'emails.1' })]);
    const listed = await admin.get('/api/institutions');
    expect(listed.body.find((i: { id: string }) => i.id === institution?.id).emails).toEqual([`enlace@inmujeres.gob.mx`]);
  });

  it('refuses an empty change, an unknown institution, and anyone but an admin', async () => {
    const body = await givenABody(h.app);
    const [institution] = body.institutions;
    const admin = asAdmin(h.app);

    expect((await admin.patch(`/api/institutions/${institution?.id}`, {})).status).toBe(400);
    expect((await admin.patch(`/api/institutions/${institution?.id}`, { acronym: 'OTRA' })).status).toBe(400);
    expect((await admin.patch('/api/institutions/00000000-0000-4000-8000-000000000000', { emails: [] })).status).toBe(404);
    expect((await body.secretariat.patch(`/api/institutions/${institution?.id}`, { emails: [] })).status).toBe(403);
  });
});
