// A browser story's world: the real API (serving the built UI) and worker of
// the harness on a real port, Debian's Chromium driven by playwright-core in
// Mexico City's language and zone, and a body with a web user per role.
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { asAdmin, givenABody, type GivenBody } from './api-client.js';
import { CHROMIUM_PATH } from './browser-setup.js';
import { useHarness } from './use-harness.js';

export const PASSWORD = 'contraseña-de-prueba-123';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=es-MX'];

export interface WebUser {
  email: string;
  password: string;
}

export interface BrowserWorld {
  baseUrl: string;
  body: GivenBody;
  secretariat: WebUser;
  coordinator: WebUser;
  // An administrator of the whole installation (no body of its own).
  admin: WebUser;
  // One per institution of the body, in the order of body.institutions.
  institutions: WebUser[];
  // A fresh browser window (its own cookies) at this size.
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  // A fresh window signed in as the user, on the page given.
  signedIn(user: WebUser, path?: string, viewport?: { width: number; height: number }): Promise<Page>;
}

let userCounter = 0;

export function useBrowserWorld(): BrowserWorld {
  const h = useHarness();
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const world = {} as BrowserWorld;

  beforeAll(async () => {
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const body = await givenABody(h.app);
    const admin = asAdmin(h.app);
    const user = async (grant: Record<string, unknown>): Promise<WebUser> => {
      userCounter += 1;
      const email = `usuario${process.pid}-${userCounter}@prueba.gob.mx`;
      const created = await admin.post('/api/users', { email, password: PASSWORD, ...grant });
      if (created.status !== 201) throw new Error(`usuario: ${JSON.stringify(created.body)}`);
      return { email, password: PASSWORD };
    };
    const institutions: WebUser[] = [];
    for (const institution of body.institutions) institutions.push(await user({ role: 'institution', institutionId: institution.id }));
    const newPage = async (viewport = { width: 1280, height: 900 }) => {
      if (!browser) throw new Error('Chromium no arrancó');
      const context = await browser.newContext({ baseURL: address, locale: 'es-MX', timezoneId: 'America/Mexico_City', viewport });
      contexts.push(context);
      return context.newPage();
    };
    Object.assign(world, {
      baseUrl: address,
      body,
      secretariat: await user({ role: 'secretariat', bodyId: body.bodyId }),
      coordinator: await user({ role: 'coordinator', bodyId: body.bodyId }),
      admin: await user({ role: 'admin' }),
      institutions,
      newPage,
      async signedIn(who: WebUser, path = '/', viewport?: { width: number; height: number }) {
        const page = await newPage(viewport);
        await page.goto(path);
        await signIn(page, who);
        return page;
      },
    } satisfies BrowserWorld);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
  });

  return world;
}

// Signs in on the sign-in page the browser is at (or was sent to).
export async function signIn(page: Page, who: WebUser): Promise<void> {
  await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
  await page.getByLabel('Correo electrónico').fill(who.email);
  await page.getByLabel('Contraseña').fill(who.password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
}

// WCAG 2.1 AA as axe checks it: no serious or critical violation on the page
// as it is now.
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = grave.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(described, `axe en ${screen}`).toEqual([]);
}

// Nothing sticks out sideways: the page scrolls only downwards at its width
// (a phone's 360 px), wide tables scrolling inside their own box.
export async function expectFitsWidth(page: Page, screen: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })');
  expect(scrollWidth, `ancho de ${screen}`).toBeLessThanOrEqual(innerWidth);
}

// With ACUERDOS_SCREENSHOTS=<dir>, a full-page PNG of the screen (to look at
// the screens as people see them); nothing otherwise.
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.ACUERDOS_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
