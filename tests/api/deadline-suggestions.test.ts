import { describe, expect, it } from 'vitest';
import { AGREEMENTS } from '../../app/seed/snimh-annex-i.js';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// A secretariat pastes the text of agreement 40 of Annex I into the registration
// form; the form offers the deadline the text states, computed with the body's calendar.

const h = useHarness();
const text = (seq: number) => AGREEMENTS.find((a) => a.seq === seq)?.text ?? '';

describe('a secretariat asks for the deadline an agreement text states', () => {
  it('gets the rule, its due date from the session day, its explanation and the words it came from', async () => {
    const body = await givenABody(h.app);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    const answer = await body.secretariat.post('/api/deadline-suggestions', { bodyId: body.bodyId, sessionId: session.body.id, text: text(48) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.suggestion).toMatchObject({
      deadline: { type: 'business_days', days: 15, from: 'adoption' },
      dueDate: '2020-10-21',
      evidence: [{ words: 'en los siguientes quince días hábiles' }],
    });
    expect(answer.body.suggestion.dueDateExplanation).toContain('15 días hábiles contados a partir del 30/09/2020');
  });

  it("matches the body's milestone by name, and offers to create one the body lacks", async () => {
    const body = await givenABody(h.app);
    const reglas = await body.secretariat.post('/api/milestones', { bodyId: body.bodyId, name: 'Envío del proyecto de Reglas del SNIMH' });
    const matched = await body.secretariat.post('/api/deadline-suggestions', { bodyId: body.bodyId, text: text(40) });
    expect(matched.body.suggestion.deadline).toEqual({ type: 'business_days', days: 15, from: { milestoneId: reglas.body.id } });
    expect(matched.body.suggestion.dueDate).toBeNull();

    const missing = await body.secretariat.post('/api/deadline-suggestions', { bodyId: body.bodyId, text: text(49) });
    expect(missing.body.suggestion.deadline).toEqual({ type: 'months', months: 3, from: { milestoneName: 'Publicación del PROIGUALDAD 2020-2024' } });
    expect(missing.body.suggestion.dueDateExplanation).toContain('regístrelo');
  });

  it('gets null for a text that states no deadline', async () => {
    const body = await givenABody(h.app);
    const answer = await body.secretariat.post('/api/deadline-suggestions', { bodyId: body.bodyId, text: text(36) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ suggestion: null });
  });

  it("is refused for an empty text, another body's session, and another body's secretariat", async () => {
    const body = await givenABody(h.app);
    const other = await givenABody(h.app);
    const otherSession = await other.secretariat.post('/api/sessions', { bodyId: other.bodyId, kind: 'ordinaria', number: 1, date: '2020-01-10' });
    const empty = await body.secretariat.post('/api/deadline-suggestions', { bodyId: body.bodyId, text: '   ' });
    expect(empty.status).toBe(400);
    const foreignSession = await body.secretariat.post('/api/deadline-suggestions', { bodyId: body.bodyId, sessionId: otherSession.body.id, text: text(48) });
    expect(foreignSession.status).toBe(400);
    expect(foreignSession.body.error.details).toEqual([expect.objectContaining({ field: 'sessionId' })]);
    const foreignBody = await other.secretariat.post('/api/deadline-suggestions', { bodyId: body.bodyId, text: text(48) });
    expect(foreignBody.status).toBe(403);
  });
});
