import type { Agreement, EvidenceFile } from '../agreement/index.js';
import type { Participation } from './events.js';

// A file of the participation's own (evidenceId null: downloaded from
// GET /participations/:id/files/:sha256) or of the agreement's accepted
// evidence, with the evidence it belongs to (GET /evidence/:eid/files/:sha256).
export type VerificationFile = EvidenceFile & { evidenceId: string | null };

export interface FollowUp {
  activities: string | null;
  verification: { text: string | null; links: string[]; files: VerificationFile[] } | null;
}

type EvidenceSource = Pick<Agreement, 'evidence'>;

// What a participation reports as done: its own activities and means of
// verification (its own files first) and, when it led to an agreement, that agreement's accepted
// evidence (the same follow-up the agreement gets), in the order submitted.
export function participationFollowUp(participation: Pick<Participation, 'activities' | 'verification' | 'files'>, agreement: EvidenceSource | undefined): FollowUp {
  const accepted = (agreement?.evidence ?? []).filter((e) => e.review?.decision === 'accepted');
  const activities = [participation.activities, ...accepted.map((e) => e.description)].filter((text): text is string => text !== null && text.trim() !== '');
  const links = [...new Set([...(participation.verification?.links ?? []), ...accepted.flatMap((e) => e.links)])];
  const files = [...participation.files.map((file) => ({ ...file, evidenceId: null })), ...accepted.flatMap((e) => e.files.map((file) => ({ ...file, evidenceId: e.id })))];
  const text = participation.verification?.text ?? null;
  return {
    activities: activities.length === 0 ? null : activities.join('\n\n'),
    verification: text === null && links.length === 0 && files.length === 0 ? null : { text, links, files },
  };
}
