// `npm run build`: the production build, run with `node dist/...` and no
// TypeScript at run time.
//   1. the web UI's own build, when the project has one (`build:web`, or a
//      `build` script in web/package.json), to web/dist;
//   2. tsc (tsconfig.build.json) into dist/ with the source layout;
//   3. the files the compiled code reads beside itself (non-TypeScript files
//      of the runtime folders; web/index.html and web/dist);
//   4. the workflow bundle, made once here (dist/worker/workflows.bundle.js)
//      so a production worker never runs webpack when it starts.
// `--out-dir <dir>` builds elsewhere; it must lie inside the project so the
// compiled code finds node_modules.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleWorkflows, PREBUILT_BUNDLE_NAME } from '../worker/workflow-bundle.js';
import { formatDuration } from './lib/process.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIME_FOLDERS = ['domain', 'workflows', 'activities', 'worker', 'app', 'api', 'db', 'scripts'];

const say = (line: string) => console.log(`[build] ${line}`);

function run(command: string, args: string[], cwd = root): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} terminó con ${code ?? signal}`)),
    );
  });
}

function scriptsOf(packageJson: string): Record<string, string> {
  if (!existsSync(packageJson)) return {};
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}

// The UI is built by its own tool (Vite) to web/dist; a project without one yet builds without it.
async function buildWebUi(): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (scriptsOf(join(root, 'package.json'))['build:web']) {
    await run(npm, ['run', 'build:web']);
  } else if (scriptsOf(join(root, 'web', 'package.json')).build) {
    await run(npm, ['run', 'build'], join(root, 'web'));
  } else {
    say('la interfaz web no tiene paso de compilación: se copia tal cual');
  }
}

/** Every file of a folder that tsc does not emit (not TypeScript), copied to the same place in out. */
async function copyNonTypeScript(folder: string, out: string): Promise<void> {
  for (const entry of await readdir(join(root, folder), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(out, relative(root, from));
    await mkdir(dirname(to), { recursive: true });
    await cp(from, to);
  }
}

async function copyWebUi(out: string): Promise<void> {
  const web = join(root, 'web');
  for (const entry of await readdir(web, { withFileTypes: true })) {
    const built = entry.isDirectory() && entry.name === 'dist';
    const page = entry.isFile() && !/\.tsx?$/.test(entry.name);
    if (built || page) await cp(join(web, entry.name), join(out, 'web', entry.name), { recursive: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
  const out = resolve(root, values['out-dir']);
  if (relative(root, out).startsWith('..') || out === root) {
    throw new Error(`--out-dir debe ser una carpeta dentro de ${root} (el código compilado busca ahí node_modules).`);
  }
  const started = Date.now();

  await buildWebUi();

  say(`compilando TypeScript en ${relative(root, out)}/…`);
  await rm(out, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out]);

  for (const folder of RUNTIME_FOLDERS) await copyNonTypeScript(folder, out);
  await copyWebUi(out);

  say('empaquetando los workflows…');
  const bundle = await bundleWorkflows({
    log() {},
    trace() {},
    debug() {},
    info() {},
    warn: (message) => say(message),
    error: (message) => console.error(`[build] ${message}`),
  });
  await writeFile(join(out, 'worker', PREBUILT_BUNDLE_NAME), bundle.code);

  say(`listo en ${formatDuration(Date.now() - started)}: node ${relative(root, out)}/api/main.js, node ${relative(root, out)}/worker/main.js`);
}

main().catch((error: unknown) => {
  console.error(`[build] ✗ ${(error as Error).message}`);
  process.exit(1);
});
