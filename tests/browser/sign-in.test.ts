import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserWorld } from '../support/browser.js';

const world = useBrowserWorld();

describe('signing in to the web UI', () => {
  it('sends someone who is not signed in to /entrar, and after signing in to the page they asked for', async () => {
    const page = await world.newPage();
    await page.goto('/acuerdos?estatus=en_proceso');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/entrar');
    await expectAccessible(page, 'inicio de sesión');

    await signIn(page, world.secretariat);

    await expect.poll(() => `${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe('/acuerdos?estatus=en_proceso');
  });

  it('says in plain words when the password is wrong, keeping the e-mail typed', async () => {
    const page = await world.newPage();
    await page.goto('/entrar');
    await page.getByLabel('Correo electrónico').fill(world.secretariat.email);
    await page.getByLabel('Contraseña').fill('no-es-la-contraseña');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();

    await expect.poll(() => page.getByRole('status').textContent()).toContain('Correo o contraseña incorrectos');
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(world.secretariat.email);
  });

  it('signs out with "Cerrar sesión", after which the screens ask to sign in again', async () => {
    const page = await world.signedIn(world.institutions[0] ?? world.secretariat, '/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/acuerdos');

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/entrar');
    await page.goto('/acuerdos');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/entrar');
  });

  it('is served with a policy that allows no inline script, no other origin and no framing', async () => {
    const page = await world.newPage();
    const answer = await page.goto('/entrar');
    const policy = answer?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });
});
