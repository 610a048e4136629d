#!/usr/bin/env node
// `prestart` / `pretest`: installs the dependencies when node_modules is missing or
// stale. Plain Node with nothing outside the standard library, because it runs
// before node_modules exists. Silent and fast when there is nothing to do.
//
// Stale means package.json or package-lock.json is newer than the last install
// (node_modules/.package-lock.json, which npm writes at the end of each one) *and*
// their content disagrees with what is installed, so that an edit to package.json
// that does not touch dependencies (a script, a field) does not reinstall.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const packageJsonPath = join(root, 'package.json');
const lockfilePath = join(root, 'package-lock.json');
const nodeModules = join(root, 'node_modules');
const installedPath = join(nodeModules, '.package-lock.json');

const mtime = (file) => statSync(file).mtimeMs;
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

function sameDeclaredDependencies(pkg, lockRoot) {
  const canonical = (source) =>
    JSON.stringify(DEP_FIELDS.map((field) => Object.entries(source?.[field] ?? {}).sort(([a], [b]) => a.localeCompare(b))));
  return canonical(pkg) === canonical(lockRoot);
}

/** Every package the lockfile requires is installed at its version, and nothing else. */
function lockMatchesInstalled(lock, installed) {
  const wanted = lock.packages ?? {};
  const have = installed.packages ?? {};
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '') continue;
    const got = have[path];
    if (!got) {
      // Optional packages for other platforms are legitimately absent.
      if (entry.optional || entry.devOptional) continue;
      return false;
    }
    if (got.version !== entry.version) return false;
  }
  return Object.keys(have).every((path) => path in wanted);
}

/** @returns {{ reason: string, command: 'ci' | 'install' } | null} */
function whatToDo() {
  const hasLockfile = existsSync(lockfilePath);
  const command = hasLockfile ? 'ci' : 'install';
  if (!existsSync(nodeModules)) return { reason: 'node_modules no existe', command };
  if (!existsSync(installedPath)) {
    return { reason: 'node_modules está incompleto (falta node_modules/.package-lock.json)', command };
  }
  const installedAt = mtime(installedPath);
  const packageJsonNewer = mtime(packageJsonPath) > installedAt;
  if (!hasLockfile) {
    return packageJsonNewer ? { reason: 'package.json cambió después de la última instalación', command } : null;
  }
  const lockfileNewer = mtime(lockfilePath) > installedAt;
  if (!packageJsonNewer && !lockfileNewer) return null;

  try {
    const lock = readJson(lockfilePath);
    if (!sameDeclaredDependencies(readJson(packageJsonPath), lock.packages?.['']))
      // `npm ci` refuses a lockfile out of sync with package.json; `npm install` updates it.
      return { reason: 'las dependencias de package.json no coinciden con package-lock.json', command: 'install' };
    if (!lockMatchesInstalled(lock, readJson(installedPath)))
      return { reason: 'package-lock.json no coincide con lo instalado en node_modules', command };
  } catch (error) {
    return { reason: `no se pudo comparar package-lock.json con node_modules (${error.message})`, command };
  }
  return null;
}

function npm(command) {
  const bin = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(bin, [command], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) {
    console.error(`ensure-deps: no se pudo ejecutar npm: ${result.error.message}`);
    process.exit(1);
  }
  return result.status ?? 1;
}

const todo = whatToDo();
if (todo) {
  console.log(`ensure-deps: ${todo.reason}; ejecutando npm ${todo.command}…`);
  let status = npm(todo.command);
  if (status !== 0 && todo.command === 'ci') {
    // Typically a package-lock.json that npm considers out of sync with package.json
    // (it then names what is missing above): install anyway, updating the lockfile.
    console.log('ensure-deps: npm ci falló; se intenta npm install (revise y confirme el package-lock.json que deje).');
    status = npm('install');
  }
  if (status !== 0) {
    console.error(`ensure-deps: la instalación de dependencias falló (código ${status}).`);
    process.exit(status);
  }
  // `npm install` may rewrite package-lock.json after the hidden lockfile: mark the
  // installation as newer than both so the next run skips even the comparison.
  if (existsSync(installedPath)) {
    const now = new Date();
    utimesSync(installedPath, now, now);
  }
}
