import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { agreementStreamId } from '../../workflows/definitions.js';
import { givenABody } from '../support/api-client.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness.js';
import { client, send, webClient } from '../support/http.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const admin = () => client(h.app, { token: ADMIN_TOKEN });
const PASSWORD = 'una frase larga y secreta';

let counter = 0;
const anEmail = () => `Enlace.${process.pid}.${++counter}@Inmujeres.gob.mx`;

async function givenAUser(grant: Record<string, unknown>, email = anEmail()) {
  const created = await admin().post('/api/users', { email, password: PASSWORD, ...grant });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; email: string };
}

async function signIn(email: string, password = PASSWORD) {
  const answer = await send(h.app, 'POST', '/api/auth/login', {}, { email, password });
  const cookie = answer.cookies.find((c) => c.name === 'acuerdos_session');
  return { answer, cookie, session: cookie?.value ?? '' };
}

// A body with an agreement where only the first institution is responsible.
async function givenAnAgreement() {
  const body = await givenABody(h.app);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  const [responsible, bystander] = body.institutions;
  if (!responsible || !bystander) throw new Error('givenABody gives two institutions');
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'INMUJERES enviará el proyecto de Reglas de Organización.',
    responsibleInstitutionIds: [responsible.id],
    deadline: { type: 'date', date: '2030-06-30' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { ...body, responsible, bystander, id: created.body.id as string, url: `/api/agreements/${created.body.id as string}` };
}

describe('users, as the administrator creates them', () => {
  it('creates a user with a lower-case email and shows it without any password or hash', async () => {
    const body = await givenABody(h.app);
    const email = anEmail();

    const created = await admin().post('/api/users', { email, password: PASSWORD, role: 'secretariat', bodyId: body.bodyId });

    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      role: 'secretariat',
      bodyId: body.bodyId,
      institutionId: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      disabledAt: null,
    });
    const listed = await admin().get('/api/users');
    expect(listed.body).toContainEqual(created.body);
    expect(JSON.stringify(listed.body)).not.toMatch(/argon|password/i);
  });

  it('refuses a second user with the same email in any case, a short password, a missing scope, and a non-admin', async () => {
    const body = await givenABody(h.app);
    const email = anEmail();
    await givenAUser({ role: 'coordinator', bodyId: body.bodyId }, email);

    const duplicate = await admin().post('/api/users', { email: email.toUpperCase(), password: PASSWORD, role: 'admin' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toMatch(/Ya existe un usuario/);

    const short = await admin().post('/api/users', { email: anEmail(), password: 'corta', role: 'admin' });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual([{ field: 'password', message: 'La contraseña debe tener al menos 12 caracteres.' }]);
    expect((await admin().post('/api/users', { email: 'no-es-correo', password: PASSWORD, role: 'admin' })).status).toBe(400);
    expect((await admin().post('/api/users', { email: anEmail(), password: PASSWORD, role: 'secretariat' })).status).toBe(400);
    const unknownBody = await admin().post('/api/users', { email: anEmail(), password: PASSWORD, role: 'secretariat', bodyId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownBody.status).toBe(400);
    expect(unknownBody.body.error.details[0].field).toBe('bodyId');
    expect((await client(h.app, { token: body.secretariatToken }).post('/api/users', { email: anEmail(), password: PASSWORD, role: 'admin' })).status).toBe(403);
    expect((await client(h.app, {}).post('/api/users', { email: anEmail(), password: PASSWORD, role: 'admin' })).status).toBe(401);
  });
});

describe('signing in to the web UI', () => {
  it('gives a session cookie (HttpOnly, SameSite=Strict, Path=/, 8 hours) with which an institution reads its agreement', async () => {
    const given = await givenAnAgreement();
    const user = await givenAUser({ role: 'institution', institutionId: given.responsible.id });

    const { answer, cookie, session } = await signIn(user.email.toUpperCase());

    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ user: expect.objectContaining({ id: user.id, role: 'institution', institutionId: given.responsible.id }) });
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Plain HTTP here: Secure would keep the browser from sending it back.
    expect(cookie?.secure).toBeUndefined();
    const hours = (new Date(String(cookie?.expires)).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);

    const web = webClient(h.app, session);
    const me = await web.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ principal: { role: 'institution', institutionId: given.responsible.id }, user: expect.objectContaining({ id: user.id }) });
    const agreement = await web.get(given.url);
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(200);
    expect(agreement.body.id).toBe(given.id);
  });

  it('marks the cookie Secure when the browser speaks HTTPS (here, through a proxy that ends TLS)', async () => {
    const user = await givenAUser({ role: 'admin' });
    const answer = await send(h.app, 'POST', '/api/auth/login', { headers: { 'x-forwarded-proto': 'https' } }, { email: user.email, password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.cookies.find((c) => c.name === 'acuerdos_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  });

  it('keeps the same role rules as tokens: another institution does not see the agreement', async () => {
    const given = await givenAnAgreement();
    const user = await givenAUser({ role: 'institution', institutionId: given.bystander.id });
    const web = webClient(h.app, (await signIn(user.email)).session);
    expect((await web.get(given.url)).status).toBe(404);
    expect((await web.post(`${given.url}/fulfil`, { justification: 'Cumplido.' })).status).toBe(403);
  });

  it('records what a signed-in user does under the user’s name', async () => {
    const given = await givenAnAgreement();
    const user = await givenAUser({ role: 'institution', institutionId: given.responsible.id });
    const web = webClient(h.app, (await signIn(user.email)).session);

    const posted = await web.post(`${given.url}/evidence`, { institutionId: given.responsible.id, description: 'Se envió el proyecto.' });

    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const events = await readStream(h.db, agreementStreamId(given.id));
    expect(events.at(-1)?.actor).toEqual({ role: 'institution', id: `user:${user.id}` });
  });

  it('refuses a cookie write without the X-Requested-With header (a forged cross-site form) and records nothing', async () => {
    const given = await givenAnAgreement();
    const user = await givenAUser({ role: 'institution', institutionId: given.responsible.id });
    const { session } = await signIn(user.email);
    const forged = client(h.app, { session });

    const refused = await forged.post(`${given.url}/evidence`, { institutionId: given.responsible.id, description: 'Forjada.' });

    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/X-Requested-With/);
    expect((await client(h.app, { session, headers: { 'x-requested-with': 'otra-cosa' } }).post('/api/auth/logout')).status).toBe(403);
    // reads need no header, and the refused logout left the session open
    const agreement = await forged.get(given.url);
    expect(agreement.status).toBe(200);
    expect(agreement.body.evidence).toEqual([]);
  });

  it('answers the same 401 for a wrong password and for an unknown email', async () => {
    const user = await givenAUser({ role: 'admin' });
    const wrong = await signIn(user.email, 'no es la contraseña');
    const unknown = await signIn(`nadie.${process.pid}@ejemplo.gob.mx`, PASSWORD);
    expect([wrong.answer.status, unknown.answer.status]).toEqual([401, 401]);
    expect(wrong.answer.body).toEqual(unknown.answer.body);
    expect(wrong.answer.body.error.message).toBe('Correo o contraseña incorrectos.');
    expect(wrong.cookie).toBeUndefined();
  });

  it('ends the session at logout: the cookie is cleared and no longer opens anything', async () => {
    const user = await givenAUser({ role: 'admin' });
    const { session } = await signIn(user.email);
    const web = webClient(h.app, session);
    expect((await web.get('/api/tokens')).status).toBe(200);

    const out = await web.post('/api/auth/logout');

    expect(out.status).toBe(204);
    expect(out.cookies.find((c) => c.name === 'acuerdos_session')?.value).toBe('');
    expect((await web.get('/api/auth/me')).status).toBe(401);
    expect((await web.get('/api/tokens')).status).toBe(401);
    // logging out again is not an error
    expect((await web.post('/api/auth/logout')).status).toBe(204);
  });

  it('ends each session signed out, even when the web UI sends the same Idempotency-Key each time', async () => {
    const user = await givenAUser({ role: 'admin' });
    const headers = { 'x-requested-with': 'acuerdos', 'idempotency-key': 'salir' };
    const [office, home] = [client(h.app, { session: (await signIn(user.email)).session, headers }), client(h.app, { session: (await signIn(user.email)).session, headers })];

    expect((await office.post('/api/auth/logout')).status).toBe(204);
    expect((await home.post('/api/auth/logout')).status).toBe(204);

    expect((await office.get('/api/auth/me')).status).toBe(401);
    expect((await home.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses the sessions of a disabled user, and their sign-in, with 401', async () => {
    const user = await givenAUser({ role: 'admin' });
    const web = webClient(h.app, (await signIn(user.email)).session);

    expect((await admin().delete(`/api/users/${user.id}`)).status).toBe(204);

    expect((await web.get('/api/auth/me')).status).toBe(401);
    const again = await signIn(user.email);
    expect(again.answer.status).toBe(401);
    expect(again.answer.body.error.message).toBe('Correo o contraseña incorrectos.');
    expect((await admin().get('/api/users')).body.find((u: { id: string }) => u.id === user.id).disabledAt).toEqual(expect.any(String));
    expect((await admin().delete('/api/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('refuses an expired session with 401', async () => {
    const user = await givenAUser({ role: 'admin' });
    const { session } = await signIn(user.email);
    await h.db.updateTable('web_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    expect((await webClient(h.app, session).get('/api/auth/me')).status).toBe(401);
  });

  it('lets a bearer header decide alone: a bad token is not rescued by a good cookie', async () => {
    const user = await givenAUser({ role: 'admin' });
    const { session } = await signIn(user.email);
    expect((await client(h.app, { session, token: 'acu_no-existe' }).get('/api/auth/me')).status).toBe(401);
    const asToken = await client(h.app, { session, token: ADMIN_TOKEN }).get('/api/auth/me');
    expect(asToken.body).toEqual({ principal: { role: 'admin' }, user: null });
  });
});
