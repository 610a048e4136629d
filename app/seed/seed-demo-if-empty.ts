import type { AppContext } from '../context.js';
import { seedDemo, type SeedReport } from './seed-demo.js';

// `ACUERDOS_DEMO=1 npm start` on a new machine shows the product with real
// agreements in it; on a database that holds anything (a body), the demo would
// mix invented evidence into real records, so it is left out.
export async function seedDemoIfEmpty(deps: AppContext): Promise<SeedReport | null> {
  const anyBody = await deps.db.selectFrom('bodies').select('id').limit(1).executeTakeFirst();
  if (anyBody) return null;
  return seedDemo(deps);
}
