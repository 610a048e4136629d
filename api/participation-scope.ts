import { assertBodyScope } from '../app/access.js';
import { type Caller } from './auth.js';

// The body a staff read of the participation mechanism is about: the one
// named, which must be the caller's, or the caller's own when none is named.
export function staffBody(caller: Caller, bodyId: string | undefined): string {
  const own = caller.principal.role === 'secretariat' || caller.principal.role === 'coordinator' ? caller.principal.bodyId : undefined;
  const wanted = bodyId ?? own;
  if (wanted === undefined) throw new Error('staffBody is for secretariats and coordinators');
  assertBodyScope(caller, wanted);
  return wanted;
}
