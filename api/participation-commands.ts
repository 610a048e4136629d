import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { appendToStream, WrongExpectedVersion, type NewEvent } from '../db/event-store.js';
import { findAgreementRow } from '../db/agreements.js';
import { findParticipants } from '../db/participants.js';
import { findParticipation, projectParticipation, type StoredParticipation } from '../db/participations.js';
import type { Session } from '../db/sessions.js';
import type { Actor, EvidenceFile } from '../domain/agreement/index.js';
import { filesAttached, followUpChanges, participationStreamId, type FollowUpFields, type Participation, type ParticipationEvent } from '../domain/participation/index.js';
import { AppError, validationFailed } from '../app/errors.js';
import { idempotentId } from '../app/idempotency.js';

// Writes of the participation mechanism: the secretariat records a
// participation, then follows it up. Each is one append to the participation's
// stream with its read model in the same transaction, so nothing is ever half
// recorded; checks of what the request names come first.

async function assertParticipantsOf(db: Db, bodyId: string, ids: readonly string[]): Promise<void> {
  const ofBody = new Set((await findParticipants(db, ids)).filter((p) => p.bodyId === bodyId).map((p) => p.id));
  const strangers = ids.filter((id) => !ofBody.has(id));
  if (strangers.length > 0) throw validationFailed([{ field: 'participantIds', message: `No son participantes de este órgano: ${strangers.join(', ')}.` }]);
}

// The agreement a participation led to must be one its session adopted.
async function assertAgreementOf(db: Db, sessionId: string, agreementId: string | null | undefined): Promise<void> {
  if (agreementId === null || agreementId === undefined) return;
  const agreement = await findAgreementRow(db, agreementId);
  if (agreement?.session_id !== sessionId) throw validationFailed([{ field: 'agreementId', message: 'El acuerdo no existe o no se adoptó en la sesión de esta participación.' }]);
}

async function append(db: Db, participationId: string, expectedVersion: number, events: readonly ParticipationEvent[], actor: Actor, eventId: () => string): Promise<void> {
  const now = new Date().toISOString();
  const stored: NewEvent[] = events.map((e) => ({ eventId: eventId(), type: e.type, data: e.data, occurredAt: now, actor }));
  try {
    await appendToStream(db, { streamId: participationStreamId(participationId), expectedVersion, events: stored }, projectParticipation);
  } catch (error) {
    if (error instanceof WrongExpectedVersion) throw new AppError('WRONG_EXPECTED_VERSION', 'La participación cambió mientras se procesaba: vuelva a leerla e intente de nuevo.');
    throw error;
  }
}

export interface NewParticipation {
  participationId: string;
  session: Session;
  participantIds: string[];
  relevance: string;
  agreementId: string | null;
  activities: string | null;
  verification: Participation['verification'];
  files: EvidenceFile[];
}

export async function recordParticipation(db: Db, input: NewParticipation, actor: Actor): Promise<StoredParticipation> {
  await assertParticipantsOf(db, input.session.bodyId, input.participantIds);
  await assertAgreementOf(db, input.session.id, input.agreementId);
  const { session, ...fields } = input;
  const recorded: ParticipationEvent = { type: 'ParticipationRecorded', data: { ...fields, bodyId: session.bodyId, sessionId: session.id, sessionDate: session.date } };
  // Named after the participation, whose id comes from the Idempotency-Key:
  // a retry after a lost answer appends nothing twice.
  await append(db, input.participationId, 0, [recorded], actor, () => idempotentId('participation-recorded', input.participationId));
  const stored = await findParticipation(db, input.participationId);
  if (!stored) throw new Error(`participación ${input.participationId} sin modelo de lectura`);
  return stored;
}

// The changed fields and the files not yet among its own, in one append.
export async function followUpParticipation(db: Db, current: StoredParticipation, changes: FollowUpFields, files: readonly EvidenceFile[], actor: Actor): Promise<StoredParticipation> {
  await assertAgreementOf(db, current.state.sessionId, changes.agreementId);
  const events = [...followUpChanges(current.state, changes), ...filesAttached(current.state, files)];
  if (events.length === 0) return current;
  await append(db, current.state.participationId, current.version, events, actor, randomUUID);
  const stored = await findParticipation(db, current.state.participationId);
  if (!stored) throw new Error(`participación ${current.state.participationId} sin modelo de lectura`);
  return stored;
}
