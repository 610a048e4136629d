import { foldAsOf } from '../db/agreement-history.js';
import { agreementStates } from '../db/agreement-queries.js';
import type { Db } from '../db/connection.js';
import { findParticipants } from '../db/participants.js';
import type { StoredParticipation } from '../db/participations.js';
import { sessionsOfBody } from '../db/session-lookups.js';
import type { Agreement } from '../domain/agreement/index.js';
import { participationFollowUp, type ParticipationReportSource } from '../domain/participation/index.js';
import type { ParticipationView } from './responses/participation.js';

// The agreements the participations led to, by id: as they stand, or as they
// stood before `occurredBefore` (an as-of read shows the evidence accepted by
// then).
async function agreementsOf(db: Db, participations: readonly StoredParticipation[], occurredBefore?: Date): Promise<Map<string, Agreement>> {
  const ids = [...new Set(participations.flatMap((p) => p.state.agreementId ?? []))];
  const found = occurredBefore ? await foldAsOf(db, ids, occurredBefore) : await agreementStates(db, ids);
  return new Map(found.map(({ state }) => [state.agreementId, state]));
}

function toView({ state, version }: StoredParticipation, agreements: ReadonlyMap<string, Agreement>): ParticipationView {
  return {
    id: state.participationId,
    sessionId: state.sessionId,
    participantIds: state.participantIds,
    relevance: state.relevance,
    agreementId: state.agreementId,
    ...participationFollowUp(state, state.agreementId === null ? undefined : agreements.get(state.agreementId)),
    version,
  };
}

export async function participationViews(db: Db, participations: readonly StoredParticipation[], occurredBefore?: Date): Promise<ParticipationView[]> {
  const agreements = await agreementsOf(db, participations, occurredBefore);
  return participations.map((p) => toView(p, agreements));
}

export async function participationView(db: Db, participation: StoredParticipation): Promise<ParticipationView> {
  return toView(participation, await agreementsOf(db, [participation]));
}

// What the period report needs of each participation: names, session label
// and date, the agreement's text and the follow-up with its evidence.
export async function participationReportSources(db: Db, bodyId: string, participations: readonly StoredParticipation[]): Promise<ParticipationReportSource[]> {
  const agreements = await agreementsOf(db, participations);
  const participants = new Map((await findParticipants(db, [...new Set(participations.flatMap((p) => p.state.participantIds))])).map((p) => [p.id, p.name]));
  const sessions = new Map((await sessionsOfBody(db, bodyId)).map((s) => [s.id, s]));
  return participations.map(({ state }) => {
    const session = sessions.get(state.sessionId);
    // Participations reference their session and participants by checked ids: a missing one is a bug, not data.
    if (!session) throw new Error(`sesión ${state.sessionId} de la participación ${state.participationId} desconocida`);
    const agreement = state.agreementId === null ? undefined : agreements.get(state.agreementId);
    return {
      participationId: state.participationId,
      participantNames: state.participantIds.map((id) => {
        const name = participants.get(id);
        if (name === undefined) throw new Error(`participante ${id} de la participación ${state.participationId} desconocido`);
        return name;
      }),
      session: { label: session.label, date: session.date },
      relevance: state.relevance,
      agreementText: agreement?.text ?? null,
      followUp: participationFollowUp(state, agreement),
    };
  });
}
