import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { localFileStore } from '../../api/storage/local-file-store.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

// Failed sign-ins are limited per email (10, the product's default) and per
// address (12 here); the window is 5 seconds here so that a test can wait it
// out. Each test signs in from addresses of its own, so their counts stay apart.
const WINDOW_MS = 5_000;
const PER_EMAIL = 10;
const PER_ADDRESS = 12;

const h = useHarness();
let app: App;
beforeAll(async () => {
  app = await buildApp({
    db: h.db,
    temporal: h.temporal,
    taskQueue: h.taskQueue,
    adminToken: ADMIN_TOKEN,
    files: localFileStore(h.filesDir),
    signInLimits: { maxFailuresPerAddress: PER_ADDRESS, windowMs: WINDOW_MS },
  });
});
afterAll(async () => {
  await app?.close();
});

const PASSWORD = 'una frase larga y secreta';
const WRONG = 'una frase larga y equivocada';

async function givenAUser(): Promise<string> {
  const email = `enlace.${randomUUID().slice(0, 8)}@inmujeres.gob.mx`;
  const created = await app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { email, password: PASSWORD, role: 'admin' } });
  expect(created.statusCode, created.body).toBe(201);
  return email;
}

async function signIn(email: string, password: string, from: string) {
  const answer = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: from });
  return { status: answer.statusCode, body: answer.json(), retryAfter: answer.headers['retry-after'] };
}

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in attempts', () => {
  it('refuses the 11th attempt for an email even with the right password, lets another email in, and lifts after the window', async () => {
    const email = await givenAUser();
    const colleague = await givenAUser();
    const office = '198.51.100.1';

    // Given ten wrong passwords for one email (sent together, so they all fall in one window)
    const wrong = await Promise.all(Array.from({ length: PER_EMAIL }, () => signIn(email, WRONG, office)));
    const firstFailure = Date.now();
    expect(statuses(wrong)).toEqual(Array(PER_EMAIL).fill(401));

    // When the right password comes next, then it is refused until the window ends
    const blocked = await signIn(email, PASSWORD, office);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/^Demasiados intentos fallidos de inicio de sesión\. Intente de nuevo en \d+ segundos?\.$/) } });
    const retryAfter = Number(blocked.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    // the same email in other letters is the same account; another address changes nothing
    expect((await signIn(email.toUpperCase(), PASSWORD, office)).status).toBe(429);
    expect((await signIn(email, PASSWORD, '198.51.100.99')).status).toBe(429);

    // but a colleague at the same office signs in
    const other = await signIn(colleague, PASSWORD, office);
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(other.body.user.email).toBe(colleague);

    // When the window has passed, then the right password opens a session again
    await sleep(Math.max(0, firstFailure + WINDOW_MS + 250 - Date.now()));
    const after = await signIn(email, PASSWORD, office);
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body.user.email).toBe(email);
  });

  it('lets no more than ten of a burst of parallel guesses for one email be checked', async () => {
    const email = await givenAUser();
    const answers = await Promise.all(Array.from({ length: 25 }, () => signIn(email, WRONG, '198.51.100.2')));
    const checked = answers.filter((a) => a.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(PER_EMAIL);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(25 - checked);
    expect((await signIn(email, PASSWORD, '198.51.100.2')).status).toBe(429);
  });

  it('refuses an address that failed for many emails, for any email, while others sign in from elsewhere', async () => {
    const user = await givenAUser();
    const sprayer = '203.0.113.7';
    // Three guesses for each of four emails, none of them over its own limit
    const guesses = await Promise.all(Array.from({ length: PER_ADDRESS }, (_, i) => signIn(`persona${i % 4}.${randomUUID().slice(0, 4)}@gob.mx`, WRONG, sprayer)));
    expect(statuses(guesses)).toEqual(Array(PER_ADDRESS).fill(401));

    const fromSprayer = await signIn(user, PASSWORD, sprayer);
    expect(fromSprayer.status).toBe(429);
    expect(fromSprayer.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    const fromElsewhere = await signIn(user, PASSWORD, '203.0.113.8');
    expect(fromElsewhere.status, JSON.stringify(fromElsewhere.body)).toBe(200);
  });

  it('does not count successful sign-ins', async () => {
    const email = await givenAUser();
    for (let i = 0; i < PER_EMAIL + 2; i++) expect((await signIn(email, PASSWORD, '198.51.100.3')).status).toBe(200);
    expect((await signIn(email, WRONG, '198.51.100.3')).status).toBe(401);
  });
});
