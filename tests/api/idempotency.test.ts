import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { registerAuth } from '../../api/auth.js';
import { registerErrorHandling } from '../../api/errors.js';
import { registerIdempotency } from '../../api/idempotency.js';
import { keyDigest, requestFingerprint } from '../../app/idempotency.js';
import { claimRequest } from '../../db/idempotent-requests.js';
import { givenABody } from '../support/api-client.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { send, type Credentials } from '../support/http.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

// Names of this run's rows, so counts ignore what other test files write.
const tag = `idem${process.pid}${Date.now().toString(36)}`;
let counter = 0;
const fresh = (prefix: string) => `${tag}${prefix}${++counter}`;
const aKey = () => `clave-${randomUUID()}`;
const PASSWORD = 'una frase larga y secreta';

interface Write {
  method: 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  csv?: string;
}

function write(credentials: Credentials, request: Write, key?: string) {
  const headers = { ...credentials.headers, ...(key ? { 'idempotency-key': key } : {}), ...(request.csv === undefined ? {} : { 'content-type': 'text/csv' }) };
  return send(h.app, request.method, request.url, { ...credentials, headers }, request.csv ?? request.payload);
}

const asAdmin: Credentials = { token: ADMIN_TOKEN };

async function countOf(table: 'api_tokens' | 'bodies' | 'institutions' | 'sessions' | 'milestones' | 'agreements' | 'users', where: ReturnType<typeof sql>) {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(h.db);
  return result.rows[0]?.n;
}

async function givenAToken(label: string) {
  const issued = await write(asAdmin, { method: 'POST', url: '/api/tokens', payload: { label, role: 'admin' } });
  expect(issued.status).toBe(201);
  return issued.body as { id: string; token: string };
}

async function givenAUser(grant: Record<string, unknown>) {
  const created = await write(asAdmin, { method: 'POST', url: '/api/users', payload: { email: `${fresh('u')}@inmujeres.gob.mx`, password: PASSWORD, ...grant } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; email: string };
}

// One write route: who calls it, a request, another request, and a snapshot of
// what that route records for these requests.
interface WriteCase {
  caller: Credentials;
  first: Write;
  other: Write;
  recorded(): Promise<unknown>;
}

const writeCases: Record<string, () => Promise<WriteCase>> = {
  'POST /api/tokens': async () => {
    const body = await givenABody(h.app);
    const label = fresh('t');
    return {
      caller: asAdmin,
      first: { method: 'POST', url: '/api/tokens', payload: { label: `${label}a`, role: 'coordinator', bodyId: body.bodyId } },
      other: { method: 'POST', url: '/api/tokens', payload: { label: `${label}b`, role: 'coordinator', bodyId: body.bodyId } },
      recorded: () => countOf('api_tokens', sql`label like ${`${label}%`}`),
    };
  },
  'DELETE /api/tokens/:id': async () => {
    const [one, two] = [await givenAToken(fresh('d')), await givenAToken(fresh('d'))];
    return {
      caller: asAdmin,
      first: { method: 'DELETE', url: `/api/tokens/${one.id}` },
      other: { method: 'DELETE', url: `/api/tokens/${two.id}` },
      recorded: () => h.db.selectFrom('api_tokens').select(['id', 'revoked_at']).where('id', 'in', [one.id, two.id]).orderBy('id').execute(),
    };
  },
  'POST /api/bodies': async () => {
    const acronym = fresh('B');
    return {
      caller: asAdmin,
      first: { method: 'POST', url: '/api/bodies', payload: { name: 'Consejo Nacional', acronym: `${acronym}A` } },
      other: { method: 'POST', url: '/api/bodies', payload: { name: 'Consejo Nacional', acronym: `${acronym}B` } },
      recorded: () => countOf('bodies', sql`acronym like ${`${acronym}%`}`),
    };
  },
  'PATCH /api/bodies/:id': async () => {
    const { bodyId } = await givenABody(h.app);
    return {
      caller: asAdmin,
      first: { method: 'PATCH', url: `/api/bodies/${bodyId}`, payload: { name: 'Sistema renombrado', warningBusinessDays: 7 } },
      other: { method: 'PATCH', url: `/api/bodies/${bodyId}`, payload: { name: 'Otro nombre' } },
      recorded: () => h.db.selectFrom('bodies').select(['name', 'warning_business_days', 'updated_at']).where('id', '=', bodyId).executeTakeFirst(),
    };
  },
  'POST /api/institutions': async () => {
    const acronym = fresh('I');
    return {
      caller: asAdmin,
      first: { method: 'POST', url: '/api/institutions', payload: { name: 'Instituto Nacional de las Mujeres', acronym: `${acronym}A` } },
      other: { method: 'POST', url: '/api/institutions', payload: { name: 'Instituto Nacional de las Mujeres', acronym: `${acronym}B` } },
      recorded: () => countOf('institutions', sql`acronym like ${`${acronym}%`}`),
    };
  },
  'POST /api/sessions': async () => {
    const body = await givenABody(h.app);
    return {
      caller: { token: body.secretariatToken },
      first: { method: 'POST', url: '/api/sessions', payload: { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' } },
      other: { method: 'POST', url: '/api/sessions', payload: { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' } },
      recorded: () => countOf('sessions', sql`body_id = ${body.bodyId}`),
    };
  },
  'POST /api/milestones': async () => {
    const body = await givenABody(h.app);
    return {
      caller: { token: body.secretariatToken },
      first: { method: 'POST', url: '/api/milestones', payload: { bodyId: body.bodyId, name: 'Publicación del PROIGUALDAD' } },
      other: { method: 'POST', url: '/api/milestones', payload: { bodyId: body.bodyId, name: 'Instalación del Sistema' } },
      recorded: () => countOf('milestones', sql`body_id = ${body.bodyId}`),
    };
  },
  'POST /api/milestones/:id/occurred': async () => {
    const body = await givenABody(h.app);
    const caller = { token: body.secretariatToken };
    const urls = [];
    for (const name of ['Publicación del PROIGUALDAD', 'Instalación del Sistema']) {
      const milestone = await write(caller, { method: 'POST', url: '/api/milestones', payload: { bodyId: body.bodyId, name } });
      urls.push(`/api/milestones/${milestone.body.id as string}/occurred`);
    }
    const [one = '', two = ''] = urls;
    return {
      caller,
      first: { method: 'POST', url: one, payload: { date: '2021-01-15' } },
      other: { method: 'POST', url: two, payload: { date: '2021-01-15' } },
      recorded: () => h.db.selectFrom('milestones').select(['name', 'occurred_on']).where('body_id', '=', body.bodyId).orderBy('name').execute(),
    };
  },
  'POST /api/import/agreements': async () => {
    const body = await givenABody(h.app);
    const [inmujeres] = body.institutions.map((i) => i.acronym);
    const url = `/api/import/agreements?bodyId=${body.bodyId}`;
    const csv = (text: string) => `session,text,responsibles,deadline\nordinaria 21 2020-09-30,${text},${inmujeres ?? ''},none\n`;
    return {
      caller: { token: body.secretariatToken },
      first: { method: 'POST', url, csv: csv('Las dependencias informarán sus avances.') },
      other: { method: 'POST', url, csv: csv('El INMUJERES presentará el programa de trabajo.') },
      recorded: () => countOf('agreements', sql`body_id = ${body.bodyId}`),
    };
  },
  'POST /api/users': async () => {
    const body = await givenABody(h.app);
    const email = fresh('e');
    return {
      caller: asAdmin,
      first: { method: 'POST', url: '/api/users', payload: { email: `${email}a@inmujeres.gob.mx`, password: PASSWORD, role: 'coordinator', bodyId: body.bodyId } },
      other: { method: 'POST', url: '/api/users', payload: { email: `${email}b@inmujeres.gob.mx`, password: PASSWORD, role: 'coordinator', bodyId: body.bodyId } },
      recorded: () => countOf('users', sql`email like ${`${email}%`}`),
    };
  },
  'DELETE /api/users/:id': async () => {
    const body = await givenABody(h.app);
    const [one, two] = [await givenAUser({ role: 'coordinator', bodyId: body.bodyId }), await givenAUser({ role: 'coordinator', bodyId: body.bodyId })];
    return {
      caller: asAdmin,
      first: { method: 'DELETE', url: `/api/users/${one.id}` },
      other: { method: 'DELETE', url: `/api/users/${two.id}` },
      recorded: () => h.db.selectFrom('users').select(['id', 'disabled_at']).where('id', 'in', [one.id, two.id]).orderBy('id').execute(),
    };
  },
};

describe('an Idempotency-Key on a write outside the agreement workflow', () => {
  it.each(Object.keys(writeCases))('%s: the same key and request give the first answer and record nothing new; the key with another request is refused', async (route) => {
    const given = writeCases[route];
    if (!given) throw new Error(route);
    // Given a request its caller sends with a key, and what it recorded
    const { caller, first, other, recorded } = await given();
    const key = aKey();
    const before = await recorded();
    const answer = await write(caller, first, key);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    expect(answer.headers['idempotent-replayed']).toBeUndefined();
    const after = await recorded();
    expect(after).not.toEqual(before);

    // When the caller sends it again with the same key
    const retry = await write(caller, first, key);

    // Then the answer is the first one, said to be a replay, and nothing new is recorded
    expect({ status: retry.status, body: retry.body }).toEqual({ status: answer.status, body: answer.body });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await recorded()).toEqual(after);

    // When another request comes with that key
    const reused = await write(caller, other, key);

    // Then it is refused and records nothing
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await recorded()).toEqual(after);

    // And the other request runs under a key of its own
    expect((await write(caller, other, aKey())).status).toBeLessThan(300);
    expect(await recorded()).not.toEqual(after);
  });

  it('replays a refusal too: a bad import retried with its key gets the same 400, even once the file would pass', async () => {
    // Given an import naming an institution the body does not know yet, refused under a key
    const body = await givenABody(h.app);
    const acronym = fresh('N');
    const file: Write = { method: 'POST', url: `/api/import/agreements?bodyId=${body.bodyId}`, csv: `session,text,responsibles,deadline\nordinaria 21 2020-09-30,Informarán.,${acronym},none\n` };
    const key = aKey();
    const refused = await write({ token: body.secretariatToken }, file, key);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ row: 2, message: expect.stringContaining(acronym) }]);

    // When the institution is registered and the same file is sent again with the same key
    expect((await write(asAdmin, { method: 'POST', url: '/api/institutions', payload: { name: 'Nueva', acronym } })).status).toBe(201);
    const retry = await write({ token: body.secretariatToken }, file, key);

    // Then the answer is still the first one, and nothing was imported
    expect({ status: retry.status, body: retry.body }).toEqual({ status: refused.status, body: refused.body });
    expect(await countOf('agreements', sql`body_id = ${body.bodyId}`)).toBe(0);

    // And with a new key the same file is imported
    expect((await write({ token: body.secretariatToken }, file, aKey())).status).toBe(200);
    expect(await countOf('agreements', sql`body_id = ${body.bodyId}`)).toBe(1);
  });

  it('keeps each caller’s keys apart: two tokens and a signed-in user use one key for their own requests', async () => {
    // Given two secretariat tokens of one body and an administrator signed in to the web UI
    const body = await givenABody(h.app);
    const second = await write(asAdmin, { method: 'POST', url: '/api/tokens', payload: { label: fresh('s'), role: 'secretariat', bodyId: body.bodyId } });
    const admin = await givenAUser({ role: 'admin' });
    const login = await send(h.app, 'POST', '/api/auth/login', {}, { email: admin.email, password: PASSWORD });
    const session = login.cookies.find((c) => c.name === 'acuerdos_session')?.value ?? '';
    expect(session).not.toBe('');
    const key = aKey();

    // When each creates something of its own under the same key
    const a = await write({ token: body.secretariatToken }, { method: 'POST', url: '/api/sessions', payload: { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' } }, key);
    const b = await write({ token: second.body.token }, { method: 'POST', url: '/api/sessions', payload: { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' } }, key);
    const acronym = fresh('W');
    const web = { session, headers: { 'x-requested-with': 'acuerdos' } };
    const byToken = await write(asAdmin, { method: 'POST', url: '/api/institutions', payload: { name: 'Por token', acronym: `${acronym}T` } }, key);
    const byUser = await write(web, { method: 'POST', url: '/api/institutions', payload: { name: 'Por usuario', acronym: `${acronym}U` } }, key);

    // Then every one ran and recorded its own row
    expect([a.status, b.status, byToken.status, byUser.status]).toEqual([201, 201, 201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await countOf('sessions', sql`body_id = ${body.bodyId}`)).toBe(2);
    expect(await countOf('institutions', sql`acronym like ${`${acronym}%`}`)).toBe(2);
    // And the user's retry is answered from the user's own key
    const retry = await write(web, { method: 'POST', url: '/api/institutions', payload: { name: 'Por usuario', acronym: `${acronym}U` } }, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(byUser.body);
  });

  it('issues one token when the same request is sent five times at once', async () => {
    // Given five identical requests with one key, sent together
    const label = fresh('C');
    const key = aKey();
    const request: Write = { method: 'POST', url: '/api/tokens', payload: { label, role: 'admin' } };

    const answers = await Promise.all(Array.from({ length: 5 }, () => write(asAdmin, request, key)));

    // Then one token is issued; each answer is its issue (with the same secret) or a "still running" refusal
    expect(await countOf('api_tokens', sql`label = ${label}`)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.body).toEqual(created[0]?.body);
    for (const a of answers.filter((x) => x.status !== 201)) expect([a.status, a.body.error.code]).toEqual([409, 'IDEMPOTENT_REQUEST_IN_PROGRESS']);
    // And once it finished, a retry gets its answer
    const retry = await write(asAdmin, request, key);
    expect(retry.body).toEqual(created[0]?.body);
  });

  it('refuses a twin while the first request runs, and takes over the key of a request whose process died', async () => {
    // Given a key claimed for this very request by a process that is still running it
    const acronym = fresh('R');
    const key = aKey();
    const payload = { name: 'Reservada', acronym };
    const requestHash = requestFingerprint(key, { method: 'POST', route: '/api/institutions', params: {}, query: {}, body: { ...payload, emails: [], headEmails: [] } });
    expect((await claimRequest(h.db, { scope: 'admin', keyDigest: keyDigest(key), requestHash }, 120)).kind).toBe('claimed');

    // When the same request arrives
    const twin = await write(asAdmin, { method: 'POST', url: '/api/institutions', payload }, key);

    // Then it is told the first is still running, in Spanish, and nothing is recorded
    expect(twin.status).toBe(409);
    expect(twin.body.error).toEqual({ code: 'IDEMPOTENT_REQUEST_IN_PROGRESS', message: expect.stringContaining('en curso') });
    expect(await countOf('institutions', sql`acronym = ${acronym}`)).toBe(0);

    // When that process stops renewing its claim (it died) and the request is retried later
    await h.db.updateTable('idempotent_requests').set({ claimed_at: new Date(Date.now() - 10 * 60_000) }).where('key_digest', '=', keyDigest(key)).execute();
    const retry = await write(asAdmin, { method: 'POST', url: '/api/institutions', payload }, key);

    // Then the retry runs and records the institution
    expect(retry.status).toBe(201);
    expect(await countOf('institutions', sql`acronym = ${acronym}`)).toBe(1);
  });

  it('frees the key when the first attempt fails with a 5xx, so the retry runs', async () => {
    // Given a write that fails the first time it runs (an outage) and succeeds after
    const app = Fastify();
    registerErrorHandling(app);
    registerAuth(app, h.db, ADMIN_TOKEN);
    registerIdempotency(app, h.db);
    let runs = 0;
    app.post('/inestable', async (_request, reply) => {
      runs += 1;
      if (runs === 1) throw new Error('la base de datos no respondió');
      return reply.status(201).send({ runs });
    });
    const key = aKey();
    const post = () => app.inject({ method: 'POST', url: '/inestable', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': key }, payload: {} });

    // When it is sent, and retried with the same key
    const failed = await post();
    const retried = await post();
    const again = await post();

    // Then the failure kept nothing, the retry ran, and its answer is the one kept
    expect(failed.statusCode).toBe(500);
    expect([retried.statusCode, retried.json()]).toEqual([201, { runs: 2 }]);
    expect([again.statusCode, again.json(), again.headers['idempotent-replayed']]).toEqual([201, { runs: 2 }, 'true']);
    expect(runs).toBe(2);
    await app.close();
  });

  it('validates the key like any field: longer than 200 characters is a 400 that records nothing', async () => {
    const acronym = fresh('L');
    const answer = await write(asAdmin, { method: 'POST', url: '/api/institutions', payload: { name: 'Larga', acronym } }, 'k'.repeat(201));
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'idempotency-key' })]);
    expect(await countOf('institutions', sql`acronym = ${acronym}`)).toBe(0);
  });
});

// A process that died after its write and before keeping the answer leaves
// its claim unanswered; the retry that takes it over runs the handler again.
async function crashedAfterTheWrite(key: string): Promise<void> {
  await h.db
    .updateTable('idempotent_requests')
    .set({ status_code: null, answer: null, answered_at: null, claimed_at: new Date(Date.now() - 10 * 60_000) })
    .where('key_digest', '=', keyDigest(key))
    .execute();
}

describe('a creation retried after a crash that lost its answer', () => {
  const creations: Record<string, () => Promise<{ caller: Credentials; request: Write; count(): Promise<number | undefined> }>> = {
    'POST /api/bodies': async () => {
      const acronym = fresh('X');
      return { caller: asAdmin, request: { method: 'POST', url: '/api/bodies', payload: { name: 'Consejo', acronym } }, count: () => countOf('bodies', sql`acronym = ${acronym}`) };
    },
    'POST /api/institutions': async () => {
      const acronym = fresh('X');
      return { caller: asAdmin, request: { method: 'POST', url: '/api/institutions', payload: { name: 'Instituto', acronym } }, count: () => countOf('institutions', sql`acronym = ${acronym}`) };
    },
    'POST /api/sessions': async () => {
      const body = await givenABody(h.app);
      return {
        caller: { token: body.secretariatToken },
        request: { method: 'POST', url: '/api/sessions', payload: { bodyId: body.bodyId, kind: 'extraordinaria', number: 3, date: '2020-06-01' } },
        count: () => countOf('sessions', sql`body_id = ${body.bodyId}`),
      };
    },
    'POST /api/milestones': async () => {
      const body = await givenABody(h.app);
      return {
        caller: { token: body.secretariatToken },
        request: { method: 'POST', url: '/api/milestones', payload: { bodyId: body.bodyId, name: 'Publicación en el DOF' } },
        count: () => countOf('milestones', sql`body_id = ${body.bodyId}`),
      };
    },
    'POST /api/users': async () => {
      const email = `${fresh('x')}@inmujeres.gob.mx`;
      return { caller: asAdmin, request: { method: 'POST', url: '/api/users', payload: { email, password: PASSWORD, role: 'admin' } }, count: () => countOf('users', sql`email = ${email}`) };
    },
  };

  it.each(Object.keys(creations))('%s meets the row its first run created and answers with it', async (route) => {
    const given = creations[route];
    if (!given) throw new Error(route);
    // Given a creation whose process died after writing the row, before keeping its answer
    const { caller, request, count } = await given();
    const key = aKey();
    const first = await write(caller, request, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    await crashedAfterTheWrite(key);

    // When the caller retries it with the same key
    const retry = await write(caller, request, key);

    // Then the retry answers with the same row, and there is still one
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await count()).toBe(1);
  });

  it('POST /api/tokens names the token it issued, whose secret is not kept, instead of issuing a second one', async () => {
    // Given a token issued under a key by a process that died before keeping the answer
    const label = fresh('x');
    const request: Write = { method: 'POST', url: '/api/tokens', payload: { label, role: 'admin' } };
    const key = aKey();
    const first = await write(asAdmin, request, key);
    expect(first.status).toBe(201);
    await crashedAfterTheWrite(key);

    // When the request is retried
    const retry = await write(asAdmin, request, key);

    // Then the answer says which token to revoke, and no second token exists
    expect(retry.status).toBe(409);
    expect(retry.body.error).toMatchObject({ code: 'CONFLICT', details: { tokenId: first.body.id } });
    expect(await countOf('api_tokens', sql`label = ${label}`)).toBe(1);
  });
});

describe('the OpenAPI description', () => {
  it('documents the Idempotency-Key header on every write but signing in and out', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; description?: string }[] }>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => method !== 'get' && !path.startsWith('/api/auth/'))
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, header: operation.parameters?.find((p) => p.in === 'header' && p.name === 'idempotency-key') })),
    );
    expect(writes.length).toBeGreaterThanOrEqual(19);
    expect(writes.filter((w) => !w.header).map((w) => w.route)).toEqual([]);
    expect(writes.filter((w) => !w.header?.description?.includes('IDEMPOTENCY_KEY_REUSED')).map((w) => w.route)).toEqual([]);
  });
});
