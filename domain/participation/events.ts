import { z } from 'zod';
import { EvidenceFile } from '../agreement/events.js';
import { LocalDate } from '../dates.js';

// A participation's history: recorded by the secretariat after the session,
// then followed up (activities done, means of verification, the agreement it
// led to). Stored as jsonb and parsed back with these schemas.

export const Verification = z.object({ text: z.string(), links: z.array(z.string()) });
export type Verification = z.infer<typeof Verification>;

// What a follow-up may change; a key left out keeps its value, null clears it.
export const FollowUpFields = z.object({
  activities: z.string().nullable().optional(),
  verification: Verification.nullable().optional(),
  agreementId: z.string().nullable().optional(),
});
export type FollowUpFields = z.infer<typeof FollowUpFields>;

export const ParticipationRecorded = z.object({
  type: z.literal('ParticipationRecorded'),
  data: z.object({
    participationId: z.string(),
    bodyId: z.string(),
    sessionId: z.string(),
    sessionDate: LocalDate,
    participantIds: z.array(z.string()).min(1),
    relevance: z.string(),
    agreementId: z.string().nullable(),
    activities: z.string().nullable(),
    verification: Verification.nullable(),
    // Its own files (means of verification), by content hash; absent from the
    // events recorded before participations took files.
    files: z.array(EvidenceFile).default([]),
  }),
});

export const ParticipationFollowedUp = z.object({
  type: z.literal('ParticipationFollowedUp'),
  data: FollowUpFields,
});

// Files added to its means of verification after it was recorded: files are
// only ever added, so a later change of the text or links keeps them.
export const ParticipationFilesAttached = z.object({
  type: z.literal('ParticipationFilesAttached'),
  data: z.object({ files: z.array(EvidenceFile).min(1) }),
});

export const ParticipationEvent = z.discriminatedUnion('type', [ParticipationRecorded, ParticipationFollowedUp, ParticipationFilesAttached]);
export type ParticipationEvent = z.infer<typeof ParticipationEvent>;

export function parseParticipationEvent(raw: { type: string; data: unknown }): ParticipationEvent {
  return ParticipationEvent.parse(raw);
}

export const Participation = ParticipationRecorded.shape.data;
export type Participation = z.infer<typeof Participation>;

export function participationStreamId(participationId: string): string {
  return `participation-${participationId}`;
}
