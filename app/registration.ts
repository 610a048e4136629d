import type { Client } from '@temporalio/client';
import { findAdoption, type Adoption } from '../db/agreement-adoption.js';
import { findBodySettings } from '../db/bodies.js';
import { findInstitutions } from '../db/institutions.js';
import { findSession, type Session } from '../db/sessions.js';
import type { Actor } from '../domain/agreement/index.js';
import { localDateOf } from '../domain/dates.js';
import type { DeadlineRule } from '../domain/deadline.js';
import { notYetHeld } from '../domain/session-held.js';
import type { CommandResult } from '../workflows/definitions.js';
import { assertBodyScope } from './access.js';
import { adoptAgreement } from './commands.js';
import type { AppContext } from './context.js';
import { validationFailed } from './errors.js';
import { creationIdOf, earlierRun } from './idempotency.js';
import { assertMilestoneAnchor } from './milestone-anchor.js';
import { actorOf, type Identity } from './principal.js';

// An agreement adopted at a session, once its references are checked: what
// POST /agreements, the CSV import and the demo seed send to its workflow.
export interface Registration {
  agreementId: string;
  session: Session;
  text: string;
  themes: string[];
  responsibleInstitutionIds: string[];
  deadline: DeadlineRule;
  actor: Actor;
}

// The workflow allocates the folio and records the adoption dated at the
// session; registering the same agreement id again records nothing new.
export async function registerAgreement(temporal: Client, taskQueue: string, registration: Registration, updateId: string | undefined): Promise<CommandResult> {
  const { session, ...agreement } = registration;
  return adoptAgreement(temporal, taskQueue, { ...agreement, bodyId: session.bodyId, sessionId: session.id, sessionDate: session.date }, updateId);
}

// An agreement as a caller asks to register it, naming its session and
// institutions by id.
export interface NewAgreement {
  sessionId: string;
  text: string;
  responsibleInstitutionIds: string[];
  deadline: DeadlineRule;
  themes: string[];
}

// What a registration fixes, in one comparable form: a retried Idempotency-Key
// must name the agreement its first request registered.
function adoptedContent(a: Pick<Adoption, 'sessionId' | 'text' | 'themes' | 'deadline' | 'responsibleInstitutionIds'>) {
  return { sessionId: a.sessionId, text: a.text, themes: a.themes, deadline: a.deadline, responsibles: [...new Set(a.responsibleInstitutionIds)].sort() };
}

// Registers a new agreement for a caller of the session's body, once its
// session (held already), milestone and institutions are known to exist:
// refused before the workflow allocates a folio that would then be lost. The
// same caller and Idempotency-Key name the same agreement. Returns its id.
export async function registerNewAgreement({ db, temporal, taskQueue }: AppContext, who: Identity, input: NewAgreement, idempotencyKey: string | undefined): Promise<string> {
  const session = await findSession(db, input.sessionId);
  if (!session) throw validationFailed([{ field: 'sessionId', message: 'La sesión no existe.' }]);
  assertBodyScope(who, session.bodyId);
  const { timezone } = await findBodySettings(db, session.bodyId);
  const early = notYetHeld(session.date, localDateOf(new Date().toISOString(), timezone));
  if (early) throw validationFailed([{ field: 'sessionId', message: early }]);
  await assertMilestoneAnchor(db, input.deadline, session.bodyId);

  const ids = [...new Set(input.responsibleInstitutionIds)];
  const known = new Set((await findInstitutions(db, ids)).map((i) => i.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw validationFailed([{ field: 'responsibleInstitutionIds', message: `Instituciones inexistentes: ${unknown.join(', ')}` }]);
  }

  const agreementId = creationIdOf(who.tokenId, 'agreements', idempotencyKey);
  await registerAgreement(
    temporal,
    taskQueue,
    { agreementId, session, text: input.text, themes: input.themes, responsibleInstitutionIds: ids, deadline: input.deadline, actor: actorOf(who.principal, who.tokenId) },
    idempotencyKey,
  );
  if (idempotencyKey) {
    // The agreement this key registered first, if another: its key is reused.
    earlierRun(await findAdoption(db, agreementId), adoptedContent, adoptedContent(input));
  }
  return agreementId;
}
