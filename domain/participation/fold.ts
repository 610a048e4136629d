import type { EvidenceFile } from '../agreement/events.js';
import type { FollowUpFields, Participation, ParticipationEvent } from './events.js';

// The participation its events describe; undefined before it is recorded.
export function evolveParticipation(state: Participation | undefined, event: ParticipationEvent): Participation | undefined {
  if (event.type === 'ParticipationRecorded') return event.data;
  if (!state) return undefined;
  if (event.type === 'ParticipationFilesAttached') return { ...state, files: [...state.files, ...newFiles(state, event.data.files)] };
  const { activities, verification, agreementId } = event.data;
  return {
    ...state,
    ...(activities === undefined ? {} : { activities }),
    ...(verification === undefined ? {} : { verification }),
    ...(agreementId === undefined ? {} : { agreementId }),
  };
}

export function foldParticipation(events: readonly ParticipationEvent[]): Participation | undefined {
  return events.reduce<Participation | undefined>(evolveParticipation, undefined);
}

// The follow-up event a change asks for: only the fields that change, none
// when nothing does (a repeated PATCH records nothing new).
export function followUpChanges(state: Participation, requested: FollowUpFields): ParticipationEvent[] {
  const changed: FollowUpFields = {};
  if (requested.activities !== undefined && requested.activities !== state.activities) changed.activities = requested.activities;
  if (requested.verification !== undefined && !sameVerification(requested.verification, state.verification)) changed.verification = requested.verification;
  if (requested.agreementId !== undefined && requested.agreementId !== state.agreementId) changed.agreementId = requested.agreementId;
  return Object.keys(changed).length === 0 ? [] : [{ type: 'ParticipationFollowedUp', data: changed }];
}

// The files not yet among the participation's (the same bytes are one file).
export function newFiles(state: Pick<Participation, 'files'>, files: readonly EvidenceFile[]): EvidenceFile[] {
  const known = new Set(state.files.map((f) => f.sha256));
  const added: EvidenceFile[] = [];
  for (const file of files) {
    if (known.has(file.sha256)) continue;
    known.add(file.sha256);
    added.push(file);
  }
  return added;
}

// The event that adds files, none when the participation already has them all.
export function filesAttached(state: Participation, files: readonly EvidenceFile[]): ParticipationEvent[] {
  const added = newFiles(state, files);
  return added.length === 0 ? [] : [{ type: 'ParticipationFilesAttached', data: { files: added } }];
}

function sameVerification(a: Participation['verification'], b: Participation['verification']): boolean {
  if (a === null || b === null) return a === b;
  return a.text === b.text && a.links.length === b.links.length && a.links.every((link, i) => link === b.links[i]);
}
