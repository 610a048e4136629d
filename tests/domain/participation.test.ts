import { describe, expect, it } from 'vitest';
import { filesAttached, foldParticipation, followUpChanges, participationReportRows, sessionCell, type Participation } from '../../domain/participation/index.js';
import { sessionLabel } from '../../domain/session-label.js';

const recorded: Participation = {
  participationId: 'p1',
  bodyId: 'b',
  sessionId: 's',
  sessionDate: '2023-06-13',
  participantIds: ['x'],
  relevance: 'Presentación del Atlas',
  agreementId: null,
  activities: null,
  verification: { text: 'Acta de la Sesión Permanente', links: [] },
  files: [],
};

describe('the participation report rows', () => {
  it('label a permanent session by its date written out, as the seed does', () => {
    expect(sessionCell({ label: sessionLabel('permanente', null), date: '2023-05-24' })).toBe('Sesión Permanente, 24 de mayo de 2023');
    expect(sessionCell({ label: sessionLabel('ordinaria', 21), date: '2022-12-12' })).toBe('Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022');
  });

  it('join several participants with "; ", write N/A where nothing was done, and go in session-date order', () => {
    const followUp = { activities: null, verification: null };
    const rows = participationReportRows([
      { participationId: 'late', participantNames: ['ChildFund México'], session: { label: 'Sesión Permanente', date: '2023-10-31' }, relevance: 'r', agreementText: null, followUp },
      { participationId: 'early', participantNames: ['Pacto por la Primera Infancia', 'Mexicanos Primero, A.C.'], session: { label: 'Sesión Permanente', date: '2022-12-12' }, relevance: 'r', agreementText: null, followUp },
    ]);
    expect(rows.map((r) => r.participationId)).toEqual(['early', 'late']);
    expect(rows[0]).toMatchObject({ participants: 'Pacto por la Primera Infancia; Mexicanos Primero, A.C.', agreement: 'N/A', activities: 'N/A', verification: 'N/A' });
  });
});

describe('a participation follow-up', () => {
  it('records only what changes, and nothing when nothing does', () => {
    expect(followUpChanges(recorded, { verification: { text: 'Acta de la Sesión Permanente', links: [] } })).toEqual([]);
    expect(followUpChanges(recorded, { activities: 'Se presentó en Sinaloa.', agreementId: null })).toEqual([{ type: 'ParticipationFollowedUp', data: { activities: 'Se presentó en Sinaloa.' } }]);
  });
});

describe('the files of a participation', () => {
  const file = (sha: string, name: string) => ({ name, sha256: sha.repeat(64), size: 10, mediaType: 'application/pdf' });

  it('are only added, each content once, in the order they came', () => {
    const state = foldParticipation([{ type: 'ParticipationRecorded', data: { ...recorded, files: [file('a', 'Acta.pdf')] } }]);
    if (!state) throw new Error('recorded');
    const events = filesAttached(state, [file('a', 'Acta (copia).pdf'), file('b', 'Minuta.pdf'), file('b', 'Minuta otra vez.pdf')]);
    expect(events).toEqual([{ type: 'ParticipationFilesAttached', data: { files: [file('b', 'Minuta.pdf')] } }]);
    const after = foldParticipation([{ type: 'ParticipationRecorded', data: state }, ...events, { type: 'ParticipationFollowedUp', data: { verification: null } }]);
    // clearing the text and links keeps the files
    expect(after?.files.map((f) => f.name)).toEqual(['Acta.pdf', 'Minuta.pdf']);
    expect(filesAttached(after ?? state, [file('a', 'Acta.pdf')])).toEqual([]);
  });
});
