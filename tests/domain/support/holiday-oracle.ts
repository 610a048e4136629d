import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LocalDate } from '../../../domain/dates.js';

// date-holidays, used only as an oracle for the law table: its public holidays
// for Mexico, by year. Loading the library and computing a century takes ~0.8 s,
// a tenth of the unit suite's budget, and the answer depends only on the
// library's version, so it is cached per version (and per recipe) in
// node_modules/.cache: upgrading the library recomputes it, so the cross-check
// still fails when the library changes.
const RECIPE = 'MX-public-v1';

export async function libraryPublicHolidays(fromYear: number, toYear: number): Promise<Record<number, LocalDate[]>> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('date-holidays/package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const cacheFile = path.join(path.dirname(packageJson), '..', '.cache', 'acuerdos-tests', `date-holidays-${version}-${RECIPE}-${fromYear}-${toYear}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<number, LocalDate[]>;
  } catch {
    // not cached yet
  }
  const { default: Holidays } = await import('date-holidays');
  const library = new Holidays('MX');
  const byYear: Record<number, LocalDate[]> = {};
  for (let year = fromYear; year <= toYear; year += 1) {
    byYear[year] = library
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
  }
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(byYear));
  } catch {
    // a read-only checkout: compute it every time
  }
  return byYear;
}
