import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsWidth, screenshot, useBrowserWorld } from '../support/browser.js';
import { ADMIN_TOKEN } from '../support/harness.js';

// An administrator decides who may use the system: people (web users) and
// other systems (API tokens).

const world = useBrowserWorld();
const PHONE = { width: 360, height: 800 };

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

// The state a screen is in passes axe, fits its width, and is photographed.
async function check(page: Page, state: string) {
  await expectAccessible(page, state);
  await expectFitsWidth(page, state);
  await screenshot(page, state);
}

async function callApi(path: string, token: string) {
  return fetch(`${world.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

// The message shown under a field, found from the field's label.
function errorOf(page: Page, label: string) {
  return page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');
}

describe('an administrator manages web users', () => {
  it('creates a coordinator who then signs in to the dashboard, and disables them so they no longer can', async () => {
    // Given the administrator on the users screen
    const admin = await world.signedIn(world.admin, '/admin/usuarios');
    await admin.getByRole('heading', { name: 'Usuarios', level: 1 }).waitFor();
    await admin.getByText(world.coordinator.email, { exact: true }).waitFor();
    await check(admin, 'admin-usuarios');

    // When they give a new coordinator of the world's body an e-mail and a password
    const person = { email: `${unique('coordinadora')}@prueba.gob.mx`, password: 'una frase larga y secreta' };
    await admin.getByLabel('Correo electrónico').fill(person.email);
    await admin.getByLabel('Contraseña').fill(person.password);
    await admin.getByLabel('Rol').selectOption({ label: 'Coordinación' });
    // (the body is asked for, not an institution: the field follows the role)
    expect(await admin.getByLabel('Institución').count()).toBe(0);
    await admin.getByLabel('Órgano colegiado').selectOption(world.body.bodyId);
    await admin.getByRole('button', { name: 'Dar de alta' }).click();

    // then it is listed, active, as a coordinator of that body
    await admin.getByRole('status').filter({ hasText: `Usuario dado de alta: ${person.email} (Coordinación, SNIMH` }).waitFor();
    const row = admin.getByRole('row', { name: new RegExp(person.email) });
    await expect.poll(() => row.textContent()).toMatch(/Coordinación.*SNIMH.*Activo/);

    // and that person signs in in a window of their own and lands on the dashboard
    const coordinator = await world.signedIn(person, '/');
    await expect.poll(() => new URL(coordinator.url()).pathname).toBe('/tablero');

    // When the administrator disables them, after reading what that does
    await admin.getByRole('button', { name: `Deshabilitar a ${person.email}` }).click();
    const dialog = admin.getByRole('dialog', { name: `¿Deshabilitar a ${person.email}?` });
    await expect.poll(() => dialog.textContent()).toContain('Ya no podrá iniciar sesión');
    await check(admin, 'admin-usuarios-confirmar');
    await dialog.getByRole('button', { name: 'Sí, deshabilitar' }).click();

    // then the list says so
    await expect.poll(() => row.textContent()).toContain('Deshabilitado el');
    await admin.getByRole('status').filter({ hasText: `La cuenta ${person.email} quedó deshabilitada: ya no puede iniciar sesión` }).waitFor();
    await check(admin, 'admin-usuarios-deshabilitado');
    // their open session ended: the next page asks them to sign in
    await coordinator.reload();
    await expect.poll(() => new URL(coordinator.url()).pathname).toBe('/entrar');
    // and signing in again is refused in plain words
    const again = await world.newPage();
    await again.goto('/entrar');
    await again.getByLabel('Correo electrónico').fill(person.email);
    await again.getByLabel('Contraseña').fill(person.password);
    await again.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect.poll(() => again.getByRole('status').textContent()).toContain('Correo o contraseña incorrectos');
    expect(new URL(again.url()).pathname).toBe('/entrar');
  });

  it('shows a missing role, a bad e-mail, a short password and a taken e-mail next to their fields, creating nobody', async () => {
    const admin = await world.signedIn(world.admin, '/admin/usuarios', PHONE);
    await admin.getByRole('heading', { name: 'Nuevo usuario' }).waitFor();
    const before = (await (await callApi('/api/users', ADMIN_TOKEN)).json()) as unknown[];

    // When the administrator presses the button before choosing a role
    await admin.getByRole('button', { name: 'Dar de alta' }).click();
    // then the role is asked for: none is granted by default
    await expect.poll(() => errorOf(admin, 'Rol').textContent()).toContain('Elija un rol.');

    // When the administrator types an e-mail without a domain and an 8-character password for an institution
    await admin.getByLabel('Correo electrónico').fill('enlace-sin-dominio');
    await admin.getByLabel('Contraseña').fill('corta123');
    await admin.getByLabel('Rol').selectOption({ label: 'Institución' });
    expect(await admin.getByLabel('Órgano colegiado').count()).toBe(0);
    await admin.getByLabel('Institución').selectOption({ index: 1 });
    await admin.getByRole('button', { name: 'Dar de alta' }).click();

    // then each field says what is wrong with it
    await expect.poll(() => errorOf(admin, 'Correo electrónico').textContent()).toContain('Correo electrónico inválido');
    await expect.poll(() => errorOf(admin, 'Contraseña').textContent()).toContain('al menos 12 caracteres');
    expect(await admin.getByLabel('Correo electrónico').getAttribute('aria-invalid')).toBe('true');
    await check(admin, 'admin-usuarios-errores-360');

    // When the e-mail is one already taken
    await admin.getByLabel('Correo electrónico').fill(world.coordinator.email);
    await admin.getByLabel('Contraseña').fill('una frase larga y secreta');
    await admin.getByRole('button', { name: 'Dar de alta' }).click();
    // then the e-mail field says so in plain words
    await expect.poll(() => errorOf(admin, 'Correo electrónico').textContent()).toContain(`Ya existe un usuario con el correo ${world.coordinator.email}`);
    expect(await errorOf(admin, 'Contraseña').count()).toBe(0);

    // and nobody was created
    const after = (await (await callApi('/api/users', ADMIN_TOKEN)).json()) as unknown[];
    expect(after.length).toBe(before.length);
  });

  it('filters the list by role from the address', async () => {
    const admin = await world.signedIn(world.admin, '/admin/usuarios?rol=institution', PHONE);
    await admin.getByText(world.institutions[0]?.email ?? "", { exact: true }).waitFor();
    expect(await admin.getByText(world.secretariat.email, { exact: true }).count()).toBe(0);
    await admin.getByLabel('Mostrar').selectOption({ label: 'Solo Secretaría técnica' });
    await admin.getByText(world.secretariat.email, { exact: true }).waitFor();
    expect(new URL(admin.url()).search).toBe('?rol=secretariat');
    await check(admin, 'admin-usuarios-360');
  });
});

describe('an administrator manages API tokens', () => {
  it('issues a token shown once, which works until it is revoked from the list', async () => {
    // Given the administrator on the tokens screen
    const admin = await world.signedIn(world.admin, '/admin/tokens');
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await admin.getByRole('heading', { name: 'Tokens emitidos' }).waitFor();
    await check(admin, 'admin-tokens');

    // When they issue a coordinator token for the world's body
    const label = unique('Informes');
    await admin.getByLabel('Etiqueta').fill(label);
    await admin.getByLabel('Rol').selectOption({ label: 'Coordinación' });
    await admin.getByLabel('Órgano colegiado').selectOption(world.body.bodyId);
    await admin.getByRole('button', { name: 'Emitir token' }).click();

    // then its secret is shown once, read-only, with the warning, and copies
    const shown = admin.getByRole('region', { name: `Token emitido: «${label}»` });
    await expect.poll(() => shown.textContent()).toContain('no se volverá a mostrar');
    const field = shown.getByLabel('Token');
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const token = await field.inputValue();
    expect(token.length).toBeGreaterThan(20);
    await shown.getByRole('button', { name: 'Copiar' }).click();
    await expect.poll(() => shown.getByRole('status').textContent()).toContain('Copiado');
    expect(await admin.evaluate('navigator.clipboard.readText()')).toBe(token);
    await check(admin, 'admin-tokens-emitido');

    // and it reads what a coordinator of that body may read
    expect((await callApi(`/api/bodies/${world.body.bodyId}`, token)).status).toBe(200);
    // while the secret is in neither the address nor the browser's storage
    expect(admin.url()).not.toContain(token);
    expect(await admin.evaluate(`JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })`)).not.toContain(token);

    // When the administrator revokes it from the list, after reading what that does
    const row = admin.getByRole('row', { name: new RegExp(label) });
    await expect.poll(() => row.textContent()).toMatch(/Coordinación.*SNIMH.*Vigente/);
    await row.getByRole('button', { name: `Revocar el token ${label}` }).click();
    const dialog = admin.getByRole('dialog', { name: `¿Revocar el token «${label}»?` });
    await expect.poll(() => dialog.textContent()).toContain('rechazará');
    await check(admin, 'admin-tokens-confirmar');
    await dialog.getByRole('button', { name: 'Sí, revocar' }).click();

    // then the list shows it revoked and the API refuses it
    await expect.poll(() => row.textContent()).toContain('Revocado el');
    expect((await callApi(`/api/bodies/${world.body.bodyId}`, token)).status).toBe(401);

    // and after a reload the secret is nowhere on the page
    await admin.reload();
    await admin.getByRole('row', { name: new RegExp(label) }).waitFor();
    expect(await admin.content()).not.toContain(token);
    expect(await admin.getByRole('region', { name: /Token emitido/ }).count()).toBe(0);
  });

  it('fits a phone with the secret shown', async () => {
    const admin = await world.signedIn(world.admin, '/admin/tokens', PHONE);
    await admin.getByRole('heading', { name: 'Tokens emitidos' }).waitFor();
    await check(admin, 'admin-tokens-360');
    await admin.getByLabel('Etiqueta').fill(unique('Tablero estatal'));
    await admin.getByLabel('Rol').selectOption({ label: 'Institución' });
    await admin.getByLabel('Institución').selectOption(world.body.institutions[0]?.id ?? '');
    await admin.getByRole('button', { name: 'Emitir token' }).click();
    await admin.getByRole('region', { name: /Token emitido/ }).waitFor();
    await check(admin, 'admin-tokens-emitido-360');
  });
});

describe('what other roles get', () => {
  it('a secretariat neither sees the administration in the menu nor opens it', async () => {
    const page = await world.signedIn(world.secretariat, '/admin/usuarios');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name: 'Usuarios' }).count()).toBe(0);
    await page.goto('/admin/tokens');
    await page.getByRole('heading', { name: 'No disponible' }).waitFor();
  });
});
