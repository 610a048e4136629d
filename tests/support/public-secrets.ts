import { expect } from 'vitest';
import type { GivenBody } from './api-client.js';
import { multipartForm } from './multipart.js';
import { pdf } from './sample-files.js';

const on = (date: string) => `${date}T12:00:00-06:00`;

// What a public body's agreement shows anyone, and what it holds that nobody
// outside may ever see: the portal's stories assert the first and scan every
// public answer and page for the second.
export interface AgreementWithSecrets {
  id: string;
  folio: string;
  text: string;
  publicEvidence: { id: string; description: string; link: string };
  rejectedPublicEvidence: { id: string; description: string };
  // Private evidence (its description, file name, id), review comments,
  // reasons, the reviewer's identity, the institutions' e-mails.
  secrets: string[];
}

// Given an agreement of two institutions, overdue, with: a public evidence
// accepted (with an internal comment), a public one rejected (with a comment),
// a private one with a file, rejected with a comment; its deadline changed,
// then fulfilled and reopened, each with an internal reason.
export async function givenAnAgreementWithSecrets(body: GivenBody): Promise<AgreementWithSecrets> {
  const [first, second] = body.institutions;
  if (!first || !second) throw new Error('givenABody gives two institutions');
  const ok = <T extends { status: number }>(answer: T, what: string): T => {
    expect(answer.status, what).toBeLessThan(300);
    return answer;
  };
  const session = ok(await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 22, date: '2020-10-30' }), 'sesión');
  const text = 'Las instituciones difundirán el PROIGUALDAD en medios públicos y rendirán cuentas de su avance.';
  const created = ok(
    await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds: [first.id, second.id], deadline: { type: 'date', date: '2020-12-30' } }),
    'acuerdo',
  );
  const id: string = created.body.id;
  const evidence = (payload: Record<string, unknown>) => body.secretariat.post(`/api/agreements/${id}/evidence`, payload);
  const review = (eid: string, payload: Record<string, unknown>) => body.secretariat.post(`/api/agreements/${id}/evidence/${eid}/review`, payload);

  const publicEvidence = { description: 'Campaña de difusión del PROIGUALDAD en radio pública.', link: 'https://www.gob.mx/inmujeres/difusion-proigualdad' };
  const accepted = ok(await evidence({ institutionId: first.id, description: publicEvidence.description, links: [publicEvidence.link], public: true, occurredAt: on('2020-11-20') }), 'evidencia pública');
  ok(await review(accepted.body.id, { decision: 'accepted', comment: 'Nota interna de aceptación: revisado por la licenciada Pérez.', occurredAt: on('2020-11-23') }), 'aceptación');

  const rejectedPublic = { description: 'Enlace al informe trimestral de la SHCP.' };
  const rejected = ok(await evidence({ institutionId: second.id, description: rejectedPublic.description, links: ['https://www.gob.mx/shcp'], public: true, occurredAt: on('2020-11-24') }), 'evidencia pública rechazada');
  ok(await review(rejected.body.id, { decision: 'rejected', comment: 'Comentario interno de rechazo: el enlace no lleva al informe.', occurredAt: on('2020-11-25') }), 'rechazo público');

  const fileName = 'oficio-confidencial-SHCP-2020.pdf';
  const form = multipartForm({ institutionId: second.id, description: 'Oficio interno con datos personales del enlace.', occurredAt: on('2020-11-26') }, [{ name: fileName, type: 'application/pdf', content: await pdf('Oficio confidencial') }]);
  const hidden = ok(await body.secretariat.post(`/api/agreements/${id}/evidence`, form.payload, form.headers), 'evidencia privada');
  ok(await review(hidden.body.id, { decision: 'rejected', comment: 'Falta la firma del titular (comentario interno).', occurredAt: on('2020-11-27') }), 'rechazo privado');

  ok(await body.secretariat.post(`/api/agreements/${id}/deadline`, { deadline: { type: 'date', date: '2021-01-29' }, reason: 'Motivo interno de la prórroga: cambio de titular.', occurredAt: on('2020-12-01') }), 'prórroga');
  ok(await body.secretariat.post(`/api/agreements/${id}/fulfil`, { justification: 'Justificación interna: lo dio por cumplido el secretario.', occurredAt: on('2021-02-01') }), 'cumplimiento');
  ok(await body.secretariat.post(`/api/agreements/${id}/reopen`, { reason: 'Motivo interno de la reapertura: faltaba la SHCP.', occurredAt: on('2021-02-02') }), 'reapertura');

  const events = ok(await body.secretariat.get(`/api/agreements/${id}/events`), 'historia');
  const reviewers: string[] = events.body.flatMap((e: { type: string; data: { reviewer?: { id: string } } }) => (e.type === 'EvidenceReviewed' && e.data.reviewer ? [e.data.reviewer.id] : []));
  expect(reviewers.length).toBe(3);
  return {
    id,
    folio: created.body.folio,
    text,
    publicEvidence: { id: accepted.body.id, ...publicEvidence },
    rejectedPublicEvidence: { id: rejected.body.id, ...rejectedPublic },
    secrets: [
      'Oficio interno con datos personales',
      fileName,
      hidden.body.id,
      'Nota interna de aceptación',
      'licenciada Pérez',
      'Comentario interno de rechazo',
      'Falta la firma del titular',
      'Motivo interno',
      'Justificación interna',
      ...new Set(reviewers),
      first.id,
      second.id,
      'enlace@inmujeres',
      'enlace@shcp',
    ],
  };
}

// Any e-mail address in a text.
export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
