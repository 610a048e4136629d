// Global setup of the "browser" project, after the services' one: Debian's
// Chromium (installed with apt when missing, saying so) and a current build of
// the web UI (web/dist), which the API of each test file serves.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureWebBuild } from '../../scripts/lib/web-build.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const say = (line: string) => console.log(`[browser-setup] ${line}`);

function run(command: string, args: string[]): void {
  say(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} terminó con ${result.status ?? result.signal}`);
}

// Browsers cannot be downloaded by playwright here; the distribution's package can.
function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) {
    say(`Chromium: ${CHROMIUM_PATH}`);
    return;
  }
  say(`Chromium no está instalado (${CHROMIUM_PATH}); se instala el paquete de Debian:`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get instaló chromium, pero ${CHROMIUM_PATH} no existe`);
}

export default async function setup(): Promise<void> {
  ensureChromium();
  await ensureWebBuild(say);
}
