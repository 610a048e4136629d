import { describe, expect, it } from 'vitest';
import { AgreementEvent, decide, evolve, foldEvents, initialState, parseAgreementEvent, type AgreementState } from '../../../domain/agreement/index.js';
import { businessCalendar } from '../../../domain/calendar.js';
import { localDateOf, type LocalDate } from '../../../domain/dates.js';
import { DOMAIN_ERROR_CODES } from '../../../domain/errors.js';
import { formatFolio } from '../../../domain/folio.js';
import { escalationDue, ladderStep } from '../../../domain/escalation.js';
import { evaluateSemaforo } from '../../../domain/semaforo.js';
import { feminineOrdinal, SessionKind, sessionLabel } from '../../../domain/session-label.js';
import { adoptedState, defaultContext, exercised, given } from '../support/given.js';
import {
  ADOPTED_40,
  ADOPTED_45,
  ADOPTED_49,
  AGREEMENT_40,
  AGREEMENT_49,
  adoptCommand,
  adopted,
  cancel,
  cancelled,
  changeDeadline,
  CONAVIM,
  evidenceReviewed,
  evidenceSubmitted,
  fulfil,
  fulfilled,
  PROIGUALDAD_DOF,
  PROTOCOLO_DOF,
  recordDeadlinePassed,
  recordReminderSent,
  raiseEscalation,
  escalationRaised,
  overdueReminderSent,
  reopen,
  resolveMilestone,
  reviewEvidence,
  secretariat,
  SEGOB,
  SHCP,
  submitEvidence,
  TZ,
} from '../support/snimh.js';

// Mexico City kept summer time in 2020 (UTC−5 from 5 April to 25 October):
// T17:00Z is noon there.
const NOON = (date: LocalDate) => `${date}T17:00:00.000Z`;

const SEGOB_SENT = evidenceSubmitted('ev-segob-1', SEGOB, NOON('2020-05-11'));
const SHCP_SENT = evidenceSubmitted('ev-shcp-1', SHCP, NOON('2020-05-12'));
const SEGOB_ACCEPTED = evidenceReviewed('ev-segob-1', SEGOB, 'accepted', NOON('2020-05-13'));
const SHCP_ACCEPTED = evidenceReviewed('ev-shcp-1', SHCP, 'accepted', NOON('2020-05-14'));

const institutionStates = (state: AgreementState) => Object.fromEntries(adoptedState(state).responsibles.map((r) => [r.institutionId, r.state]));

// How the secretariat names what it registers: sessions and agreement folios.
describe('folio {seq}:{d}/{MM}/{yyyy} of the session date', () => {
  it.each([
    [34, '2019-11-22', '34:22/11/2019'],
    [38, '2019-11-22', '38:22/11/2019'],
    [39, '2020-04-24', '39:24/04/2020'],
    [45, '2020-09-30', '45:30/09/2020'],
    [52, '2020-12-09', '52:9/12/2020'], // day without its leading zero
    [55, '2020-12-09', '55:9/12/2020'],
    [1, '2021-01-01', '1:1/01/2021'], // month always with two digits
    [1000, '2100-02-28', '1000:28/02/2100'],
  ])('%i on %s → %s', (seq, date, folio) => {
    expect(formatFolio(seq, date)).toBe(folio);
  });
});

describe('session labels with Spanish feminine ordinals, 1–99', () => {
  it.each([
    ['ordinaria', 21, 'Vigésima Primera Sesión Ordinaria'], // Annex I, agreements 44–51
    ['ordinaria', 22, 'Vigésima Segunda Sesión Ordinaria'], // agreements 52–55
    ['ordinaria', 20, 'Vigésima Sesión Ordinaria'], // agreements 39–43
    ['ordinaria', 19, 'Décimo Novena Sesión Ordinaria'], // Annex I's spelling, agreements 34–38
    ['extraordinaria', 19, 'Décimo Novena Sesión Extraordinaria'],
    ['permanente', 1, 'Primera Sesión Permanente'],
    ['ordinaria', 10, 'Décima Sesión Ordinaria'],
    ['ordinaria', 11, 'Décimo Primera Sesión Ordinaria'],
    ['ordinaria', 12, 'Décimo Segunda Sesión Ordinaria'],
    ['ordinaria', 37, 'Trigésima Séptima Sesión Ordinaria'],
    ['extraordinaria', 43, 'Cuadragésima Tercera Sesión Extraordinaria'],
    ['ordinaria', 50, 'Quincuagésima Sesión Ordinaria'],
    ['ordinaria', 64, 'Sexagésima Cuarta Sesión Ordinaria'],
    ['ordinaria', 76, 'Septuagésima Sexta Sesión Ordinaria'],
    ['ordinaria', 88, 'Octogésima Octava Sesión Ordinaria'],
    ['ordinaria', 95, 'Nonagésima Quinta Sesión Ordinaria'],
    ['ordinaria', 99, 'Nonagésima Novena Sesión Ordinaria'],
  ] as const)('%s %i → %s', (kind, n, label) => {
    expect(sessionLabel(kind, n)).toBe(label);
  });

  it('every number from 1 to 99 has its own label, of one or two capitalised words', () => {
    const labels = Array.from({ length: 99 }, (_, i) => feminineOrdinal(i + 1));
    expect(new Set(labels).size).toBe(99);
    // Feminine but for the "Décimo" of 11–19, as the reports write them.
    for (const label of labels) expect(label).toMatch(/^([A-ZÁÉÍÓÚ][a-záéíóú]+a|Décimo)( [A-ZÁÉÍÓÚ][a-záéíóú]+a)?$/);
    expect(labels.slice(9, 20)).toEqual(['Décima', 'Décimo Primera', 'Décimo Segunda', 'Décimo Tercera', 'Décimo Cuarta', 'Décimo Quinta', 'Décimo Sexta', 'Décimo Séptima', 'Décimo Octava', 'Décimo Novena', 'Vigésima']);
  });

  it.each([0, 100, -1, 2.5, Number.NaN])('refuses %s', (n) => {
    expect(() => feminineOrdinal(n)).toThrow(RangeError);
  });

  it('knows the three kinds of session', () => {
    expect(SessionKind.options).toEqual(['ordinaria', 'extraordinaria', 'permanente']);
    expect(SessionKind.safeParse('solemne').success).toBe(false);
  });
});

describe('the secretariat registers the agreements of a session', () => {
  it('registers agreement 40 of the Vigésima Sesión with its due date and why', () => {
    const state = given().when(adoptCommand(AGREEMENT_40)).then(ADOPTED_40);
    expect(state).toMatchObject({ status: 'en_proceso', folio: '40:24/04/2020', dueDate: '2020-05-18', fulfilledOn: null });
    expect(institutionStates(state)).toEqual({ [SEGOB]: 'pendiente', [SHCP]: 'pendiente' });
  });

  it('an institution named twice is responsible once', () => {
    const twice = adoptCommand({ ...AGREEMENT_40, responsibleInstitutionIds: [SEGOB, SHCP, SEGOB] });
    const state = given().when(twice).then(ADOPTED_40);
    expect(institutionStates(state)).toEqual({ [SEGOB]: 'pendiente', [SHCP]: 'pendiente' });
  });

  it('a calendar given in the context is used as it is', () => {
    const raza = businessCalendar([{ from: '2020-05-05', to: '2020-05-05', name: 'Aniversario de la Batalla de Puebla' }]);
    given()
      .within({ calendar: raza, nonWorkingDays: undefined })
      .when(adoptCommand(AGREEMENT_40))
      .then(
        adopted(
          AGREEMENT_40,
          '2020-05-19',
          '15 días hábiles contados a partir del 24/04/2020; no cuentan: 01/05/2020 (Día del Trabajo), 05/05/2020 (Aniversario de la Batalla de Puebla) → 19/05/2020',
        ),
      );
  });

  it('cannot register the same agreement twice', () => {
    given(ADOPTED_40).when(adoptCommand(AGREEMENT_40)).thenRefuses('ALREADY_ADOPTED', /40:24\/04\/2020/);
  });

  it('the body’s own non-working days count when the due date is computed', () => {
    given()
      .within({ nonWorkingDays: [{ from: '2020-05-05', to: '2020-05-05', name: 'Aniversario de la Batalla de Puebla' }] })
      .when(adoptCommand(AGREEMENT_40))
      .then(
        adopted(
          AGREEMENT_40,
          '2020-05-19',
          '15 días hábiles contados a partir del 24/04/2020; no cuentan: 01/05/2020 (Día del Trabajo), 05/05/2020 (Aniversario de la Batalla de Puebla) → 19/05/2020',
        ),
      );
  });

  it('an agreement that waits for the PROIGUALDAD to be published has no due date yet', () => {
    const state = given().when(adoptCommand(AGREEMENT_49)).then(ADOPTED_49);
    expect(adoptedState(state).dueDate).toBeNull();
    expect(evaluateSemaforo(adoptedState(state), '2020-10-01', businessCalendar(), 5)).toEqual({ semaforo: 'sin_plazo', daysOverdue: 0 });
  });

  it('an agreement anchored on a milestone that already occurred gets its due date at once', () => {
    given()
      .within({ milestoneDates: { [PROIGUALDAD_DOF]: '2020-12-22' } })
      .when(adoptCommand(AGREEMENT_49))
      .then(adopted(AGREEMENT_49, '2021-03-22', '3 meses contados a partir del 22/12/2020 → 22/03/2021'));
  });

  it('cannot register an adoption that has not happened yet', () => {
    given().within({ now: '2020-04-24T16:59:59.000Z' }).when(adoptCommand(AGREEMENT_40)).thenRefuses('OCCURRED_IN_FUTURE');
  });

  it('cannot record the adoption as happening before the session date', () => {
    given()
      .when(adoptCommand(AGREEMENT_40, '2020-04-24T04:59:59.000Z')) // 23:59:59 of 23/04 in Mexico City
      .thenRefuses('OCCURRED_BEFORE_ADOPTION', /23\/04\/2020.*24\/04\/2020/);
    // Midnight of the session date in the body's zone, as the workflow records it, is fine.
    given().when(adoptCommand(AGREEMENT_40, '2020-04-24T05:00:00.000Z')).then(ADOPTED_40);
  });

  it('nothing can be recorded on an agreement that was never registered', () => {
    given().when(submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-11'))).thenRefuses('NOT_ADOPTED');
    given().when(cancel('Duplicado.', NOON('2020-05-11'))).thenRefuses('NOT_ADOPTED');
  });
});

describe('an institution reports what it did (medios de verificación)', () => {
  it('SEGOB sends its evidence for agreement 40: it is now en revisión', () => {
    const state = given(ADOPTED_40)
      .when(
        submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-11'), {
          description: '  Se remitieron al INMUJERES los comentarios al proyecto de Reglas, oficio UGE/123/2020.  ',
          links: ['https://www.gob.mx/segob/documentos/oficio-uge-123-2020'],
          public: true,
        }),
      )
      .then({
        type: 'EvidenceSubmitted',
        data: {
          evidenceId: 'ev-segob-1',
          institutionId: SEGOB,
          description: 'Se remitieron al INMUJERES los comentarios al proyecto de Reglas, oficio UGE/123/2020.',
          links: ['https://www.gob.mx/segob/documentos/oficio-uge-123-2020'],
          files: [],
          public: true,
          submittedAt: NOON('2020-05-11'),
        },
      });
    expect(institutionStates(state)).toEqual({ [SEGOB]: 'en_revision', [SHCP]: 'pendiente' });
    expect(adoptedState(state).evidence[0]?.review).toBeNull();
  });

  it('a second evidence while the first is under review keeps it en revisión', () => {
    const state = given(ADOPTED_40, SEGOB_SENT).when(submitEvidence('ev-segob-2', SEGOB, NOON('2020-05-12'))).then(evidenceSubmitted('ev-segob-2', SEGOB, NOON('2020-05-12')));
    expect(institutionStates(state)[SEGOB]).toBe('en_revision');
    expect(adoptedState(state).evidence).toHaveLength(2);
  });

  it('CONAVIM is not responsible for agreement 40', () => {
    given(ADOPTED_40).when(submitEvidence('ev-conavim-1', CONAVIM, NOON('2020-05-11'))).thenRefuses('NOT_RESPONSIBLE', /40:24\/04\/2020/);
  });

  it('the same evidence cannot be registered twice (a retried upload)', () => {
    given(ADOPTED_40, SEGOB_SENT).when(submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-12'))).thenRefuses('DUPLICATE_EVIDENCE');
  });

  it('evidence must describe the activities done', () => {
    given(ADOPTED_40).when(submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-11'), { description: '   ' })).thenRefuses('REASON_REQUIRED');
  });

  it('no evidence on a cancelled agreement', () => {
    given(ADOPTED_40, cancelled('Sin efecto por acuerdo del pleno.', '2020-05-04'))
      .when(submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-11')))
      .thenRefuses('INVALID_TRANSITION', /cancelado/);
  });

  it('no evidence on an agreement already cumplido (it must be reopened first)', () => {
    given(ADOPTED_40, fulfilled('2020-05-08', 'Se cumplió en la sesión.'))
      .when(submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-11')))
      .thenRefuses('INVALID_TRANSITION', /cumplido/);
  });

  it('no more evidence from an institution whose evidence was accepted', () => {
    given(ADOPTED_40, SEGOB_SENT, SEGOB_ACCEPTED)
      .when(submitEvidence('ev-segob-2', SEGOB, NOON('2020-05-14')))
      .thenRefuses('INVALID_TRANSITION', /ya cumplió/);
  });

  it('cannot date its evidence tomorrow', () => {
    given(ADOPTED_40)
      .within({ now: NOON('2020-05-11') })
      .when(submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-12')))
      .thenRefuses('OCCURRED_IN_FUTURE');
  });

  it('cannot date its evidence before the session, by the calendar of Mexico City', () => {
    // 04:30Z on 24/04 is still 23:30 of 23/04 in Mexico City.
    given(ADOPTED_40).when(submitEvidence('ev-segob-1', SEGOB, '2020-04-24T04:30:00.000Z')).thenRefuses('OCCURRED_BEFORE_ADOPTION');
    given(ADOPTED_40).when(submitEvidence('ev-segob-1', SEGOB, '2020-04-24T05:00:00.000Z')).then(evidenceSubmitted('ev-segob-1', SEGOB, '2020-04-24T05:00:00.000Z'));
  });
});

describe('the secretariat reviews the evidence', () => {
  it('accepts SEGOB’s: SEGOB is cumplido, the agreement waits for SHCP', () => {
    const state = given(ADOPTED_40, SEGOB_SENT, SHCP_SENT).when(reviewEvidence('ev-segob-1', 'accepted', NOON('2020-05-13'), '  ')).then(SEGOB_ACCEPTED);
    expect(institutionStates(state)).toEqual({ [SEGOB]: 'cumplido', [SHCP]: 'en_revision' });
    expect(adoptedState(state).status).toBe('en_proceso');
  });

  it('the last acceptance fulfils the agreement on that day in Mexico City', () => {
    // 04:30Z on 19/05 is 23:30 of 18/05 in Mexico City: fulfilledOn is 18/05.
    const state = given(ADOPTED_40, SEGOB_SENT, SHCP_SENT, SEGOB_ACCEPTED)
      .when(reviewEvidence('ev-shcp-1', 'accepted', '2020-05-19T04:30:00.000Z', 'Comentarios recibidos en tiempo.'))
      .then(
        evidenceReviewed('ev-shcp-1', SHCP, 'accepted', '2020-05-19T04:30:00.000Z', 'Comentarios recibidos en tiempo.'),
        { type: 'AgreementFulfilled', data: { on: '2020-05-18', automatic: true, justification: null } },
      );
    expect(state).toMatchObject({ status: 'cumplido', fulfilledOn: '2020-05-18' });
    expect(institutionStates(state)).toEqual({ [SEGOB]: 'cumplido', [SHCP]: 'cumplido' });
  });

  it('rejecting needs a comment that says why', () => {
    given(ADOPTED_40, SEGOB_SENT).when(reviewEvidence('ev-segob-1', 'rejected', NOON('2020-05-13'))).thenRefuses('COMMENT_REQUIRED');
    given(ADOPTED_40, SEGOB_SENT).when(reviewEvidence('ev-segob-1', 'rejected', NOON('2020-05-13'), ' \n ')).thenRefuses('COMMENT_REQUIRED');
  });

  it('a rejected evidence returns SEGOB to pendiente', () => {
    const state = given(ADOPTED_40, SEGOB_SENT)
      .when(reviewEvidence('ev-segob-1', 'rejected', NOON('2020-05-13'), '  Falta el oficio firmado.  '))
      .then(evidenceReviewed('ev-segob-1', SEGOB, 'rejected', NOON('2020-05-13'), 'Falta el oficio firmado.'));
    expect(institutionStates(state)[SEGOB]).toBe('pendiente');
    // The review keeps who decided, for the history the institution reads.
    expect(adoptedState(state).evidence[0]?.review).toEqual({
      decision: 'rejected',
      comment: 'Falta el oficio firmado.',
      reviewedAt: NOON('2020-05-13'),
      reviewer: secretariat,
    });
  });

  it('…unless another of its evidence is still under review', () => {
    const state = given(ADOPTED_40, SEGOB_SENT, evidenceSubmitted('ev-segob-2', SEGOB, NOON('2020-05-12')))
      .when(reviewEvidence('ev-segob-1', 'rejected', NOON('2020-05-13'), 'Falta el oficio firmado.'))
      .then(evidenceReviewed('ev-segob-1', SEGOB, 'rejected', NOON('2020-05-13')));
    expect(institutionStates(state)[SEGOB]).toBe('en_revision');
  });

  it('rejecting a later evidence of an institution already cumplido leaves it cumplido', () => {
    const state = given(ADOPTED_40, SEGOB_SENT, evidenceSubmitted('ev-segob-2', SEGOB, NOON('2020-05-12')), SEGOB_ACCEPTED)
      .when(reviewEvidence('ev-segob-2', 'rejected', NOON('2020-05-14'), 'Duplicada.'))
      .then(evidenceReviewed('ev-segob-2', SEGOB, 'rejected', NOON('2020-05-14'), 'Duplicada.'));
    expect(institutionStates(state)[SEGOB]).toBe('cumplido');
  });

  it('an evidence is reviewed only once', () => {
    given(ADOPTED_40, SEGOB_SENT, SEGOB_ACCEPTED).when(reviewEvidence('ev-segob-1', 'rejected', NOON('2020-05-14'), 'Me equivoqué.')).thenRefuses('ALREADY_REVIEWED', /aceptada/);
    given(ADOPTED_40, SEGOB_SENT, evidenceReviewed('ev-segob-1', SEGOB, 'rejected', NOON('2020-05-13')))
      .when(reviewEvidence('ev-segob-1', 'accepted', NOON('2020-05-14')))
      .thenRefuses('ALREADY_REVIEWED', /rechazada/);
  });

  it('an evidence of another agreement cannot be reviewed here', () => {
    given(ADOPTED_40, SEGOB_SENT).when(reviewEvidence('ev-de-otro-acuerdo', 'accepted', NOON('2020-05-13'))).thenRefuses('EVIDENCE_NOT_FOUND');
  });

  it('no review on a cancelled agreement', () => {
    given(ADOPTED_40, SEGOB_SENT, cancelled('Sin efecto.', '2020-05-12'))
      .when(reviewEvidence('ev-segob-1', 'accepted', NOON('2020-05-13')))
      .thenRefuses('INVALID_TRANSITION', /cancelado/);
  });

  it('a review dated in the future is refused', () => {
    given(ADOPTED_40, SEGOB_SENT).within({ now: NOON('2020-05-12') }).when(reviewEvidence('ev-segob-1', 'accepted', NOON('2020-05-13'))).thenRefuses('OCCURRED_IN_FUTURE');
  });

  it('evidence pending when the agreement was fulfilled by hand can still be reviewed, without a second fulfilment', () => {
    const state = given(ADOPTED_40, SEGOB_SENT, SHCP_SENT, SEGOB_ACCEPTED, fulfilled('2020-05-13', 'Se dio por cumplido en la sesión.'))
      .when(reviewEvidence('ev-shcp-1', 'accepted', NOON('2020-05-14')))
      .then(SHCP_ACCEPTED);
    expect(state).toMatchObject({ status: 'cumplido', fulfilledOn: '2020-05-13' });
  });
});

describe('the secretariat marks an agreement cumplido, reopens or cancels it', () => {
  it('marks agreement 40 cumplido directly, with a justification', () => {
    const state = given(ADOPTED_40, SEGOB_SENT)
      .when(fulfil('  Las instituciones remitieron sus comentarios por correo electrónico.  ', NOON('2020-05-15')))
      .then({ type: 'AgreementFulfilled', data: { on: '2020-05-15', automatic: false, justification: 'Las instituciones remitieron sus comentarios por correo electrónico.' } });
    expect(state).toMatchObject({ status: 'cumplido', fulfilledOn: '2020-05-15' });
    expect(institutionStates(state)).toEqual({ [SEGOB]: 'en_revision', [SHCP]: 'pendiente' });
  });

  it('a manual fulfilment needs a justification', () => {
    given(ADOPTED_40).when(fulfil('   ', NOON('2020-05-15'))).thenRefuses('REASON_REQUIRED', /justificación/);
  });

  it('a cancelled agreement cannot be fulfilled, nor a fulfilled one fulfilled again', () => {
    given(ADOPTED_40, cancelled('Sin efecto.', '2020-05-04')).when(fulfil('Cumplido.', NOON('2020-05-15'))).thenRefuses('INVALID_TRANSITION', /cancelado/);
    given(ADOPTED_40, fulfilled('2020-05-14', 'Cumplido.')).when(fulfil('Cumplido.', NOON('2020-05-15'))).thenRefuses('INVALID_TRANSITION', /cumplido/);
  });

  it('reopens a fulfilled agreement: every institution owes its evidence anew', () => {
    const history = [ADOPTED_40, SEGOB_SENT, SHCP_SENT, SEGOB_ACCEPTED, fulfilled('2020-05-13', 'Se dio por cumplido.')];
    const state = given(...history)
      .when(reopen('  Falta la respuesta de la SHCP.  ', NOON('2020-05-20')))
      .then({ type: 'AgreementReopened', data: { reason: 'Falta la respuesta de la SHCP.', on: '2020-05-20' } });
    expect(state).toMatchObject({ status: 'en_proceso', fulfilledOn: null });
    // SEGOB's acceptance stays on record, but SEGOB reports again; SHCP's evidence is still to review.
    expect(institutionStates(state)).toEqual({ [SEGOB]: 'pendiente', [SHCP]: 'en_revision' });
    expect(adoptedState(state).evidence[0]?.review?.decision).toBe('accepted');
  });

  it('after reopening, the last acceptance fulfils it again', () => {
    const reopened: AgreementEvent = { type: 'AgreementReopened', data: { reason: 'Falta SHCP.', on: '2020-05-20' } };
    given(ADOPTED_40, SEGOB_SENT, SEGOB_ACCEPTED, fulfilled('2020-05-13', 'Cumplido.'), reopened, evidenceSubmitted('ev-segob-2', SEGOB, NOON('2020-05-21')), SHCP_SENT)
      .when(reviewEvidence('ev-segob-2', 'accepted', NOON('2020-05-22')))
      .then(evidenceReviewed('ev-segob-2', SEGOB, 'accepted', NOON('2020-05-22')));
  });

  it('only a fulfilled agreement can be reopened, with a reason', () => {
    given(ADOPTED_40).when(reopen('Por error.', NOON('2020-05-20'))).thenRefuses('INVALID_TRANSITION', /en proceso/);
    given(ADOPTED_40, cancelled('Sin efecto.', '2020-05-04')).when(reopen('Por error.', NOON('2020-05-20'))).thenRefuses('INVALID_TRANSITION', /cancelado/);
    given(ADOPTED_40, fulfilled('2020-05-13', 'Cumplido.')).when(reopen(' ', NOON('2020-05-20'))).thenRefuses('REASON_REQUIRED', /motivo/);
  });

  it('cancels an agreement in process or fulfilled (sin efecto), with a reason, once', () => {
    const state = given(ADOPTED_40)
      .when(cancel('El pleno lo dejó sin efecto en la Vigésima Primera Sesión.', NOON('2020-09-30')))
      .then(cancelled('El pleno lo dejó sin efecto en la Vigésima Primera Sesión.', '2020-09-30'));
    expect(adoptedState(state).status).toBe('cancelado');
    given(ADOPTED_40, fulfilled('2020-05-13', 'Cumplido.')).when(cancel('Sin efecto.', NOON('2020-09-30'))).then(cancelled('Sin efecto.', '2020-09-30'));
    given(ADOPTED_40, cancelled('Sin efecto.', '2020-05-04')).when(cancel('Otra vez.', NOON('2020-09-30'))).thenRefuses('INVALID_TRANSITION', /ya está cancelado/);
    given(ADOPTED_40).when(cancel('', NOON('2020-09-30'))).thenRefuses('REASON_REQUIRED');
  });
});

describe('deadlines: prórroga and milestones', () => {
  const PRORROGA = 'Prórroga aprobada en la Vigésima Segunda Sesión Ordinaria.';

  it('extends agreement 45 to the end of the first quarter of 2021, keeping the earlier rule', () => {
    const state = given(ADOPTED_45)
      .when(changeDeadline({ type: 'period_end', period: 'Q1', year: 2021 }, `  ${PRORROGA} `, NOON('2020-12-09')))
      .then({
        type: 'DeadlineChanged',
        data: {
          deadline: { type: 'period_end', period: 'Q1', year: 2021 },
          reason: PRORROGA,
          on: '2020-12-09',
          dueDate: '2021-03-31',
          dueDateExplanation: 'Último día del primer trimestre de 2021 → 31/03/2021',
        },
      });
    expect(adoptedState(state)).toMatchObject({ dueDate: '2021-03-31', deadline: { type: 'period_end', period: 'Q1', year: 2021 } });
    expect(adoptedState(state).deadlineHistory).toEqual([
      {
        deadline: { type: 'months', months: 3, from: 'adoption' },
        dueDate: '2020-12-30',
        dueDateExplanation: '3 meses contados a partir del 30/09/2020 → 30/12/2020',
        replacedOn: '2020-12-09',
        replacedBecause: PRORROGA,
      },
    ]);
  });

  it('a second prórroga keeps both earlier versions, oldest first; relative rules still count from the adoption', () => {
    const first = {
      type: 'DeadlineChanged',
      data: { deadline: { type: 'date', date: '2021-01-29' }, reason: 'Primera prórroga.', on: '2020-12-09', dueDate: '2021-01-29', dueDateExplanation: 'Fecha fija: 29/01/2021' },
    } as const;
    const state = given(ADOPTED_45, first)
      .when(changeDeadline({ type: 'months', months: 5, from: 'adoption' }, 'Segunda prórroga.', NOON('2021-01-20')))
      .then({
        type: 'DeadlineChanged',
        data: {
          deadline: { type: 'months', months: 5, from: 'adoption' },
          reason: 'Segunda prórroga.',
          on: '2021-01-20',
          dueDate: '2021-03-01',
          dueDateExplanation: '5 meses contados a partir del 30/09/2020 → 28/02/2021, que no es día hábil (domingo); se recorre al siguiente día hábil → 01/03/2021',
        },
      });
    expect(adoptedState(state).deadlineHistory.map((v) => [v.dueDate, v.replacedBecause])).toEqual([
      ['2020-12-30', 'Primera prórroga.'],
      ['2021-01-29', 'Segunda prórroga.'],
    ]);
  });

  it('a deadline change needs a reason and an agreement in process', () => {
    given(ADOPTED_45).when(changeDeadline({ type: 'none' }, ' ', NOON('2020-12-09'))).thenRefuses('REASON_REQUIRED', /cambio de plazo/);
    given(ADOPTED_45, fulfilled('2020-12-01', 'Cumplido.')).when(changeDeadline({ type: 'none' }, PRORROGA, NOON('2020-12-09'))).thenRefuses('INVALID_TRANSITION', /cumplido/);
    given(ADOPTED_45, cancelled('Sin efecto.', '2020-12-01')).when(changeDeadline({ type: 'none' }, PRORROGA, NOON('2020-12-09'))).thenRefuses('INVALID_TRANSITION');
  });

  it('the PROIGUALDAD is published (DOF 22/12/2020): agreement 49 gets its due date, once', () => {
    const dueDateSet = {
      type: 'DueDateSet',
      data: { milestoneId: PROIGUALDAD_DOF, milestoneDate: '2020-12-22', dueDate: '2021-03-22', dueDateExplanation: '3 meses contados a partir del 22/12/2020 → 22/03/2021' },
    } as const;
    const state = given(ADOPTED_49).when(resolveMilestone(PROIGUALDAD_DOF, '2020-12-22', NOON('2020-12-23'))).then(dueDateSet);
    expect(adoptedState(state)).toMatchObject({ dueDate: '2021-03-22', dueDateExplanation: '3 meses contados a partir del 22/12/2020 → 22/03/2021' });
    // Recorded again (a retried activity, or another date by mistake): nothing new.
    given(ADOPTED_49, dueDateSet).when(resolveMilestone(PROIGUALDAD_DOF, '2020-12-22', NOON('2020-12-24'))).then();
    given(ADOPTED_49, dueDateSet).when(resolveMilestone(PROIGUALDAD_DOF, '2021-01-05', NOON('2021-01-05'))).then();
  });

  it('a milestone cannot be recorded as occurring after today in Mexico City', () => {
    // 23/12/2020 05:59Z is still 22/12 in Mexico City.
    given(ADOPTED_49)
      .within({ now: '2020-12-23T05:59:00.000Z' })
      .when(resolveMilestone(PROIGUALDAD_DOF, '2020-12-23', '2020-12-23T05:59:00.000Z'))
      .thenRefuses('OCCURRED_IN_FUTURE', /23\/12\/2020/);
    given(ADOPTED_49)
      .within({ now: '2020-12-23T05:59:00.000Z' })
      .when(resolveMilestone(PROIGUALDAD_DOF, '2020-12-22', '2020-12-23T05:59:00.000Z'))
      .then({
        type: 'DueDateSet',
        data: { milestoneId: PROIGUALDAD_DOF, milestoneDate: '2020-12-22', dueDate: '2021-03-22', dueDateExplanation: '3 meses contados a partir del 22/12/2020 → 22/03/2021' },
      });
  });

  it('other milestones, agreements not anchored on it and cancelled agreements are left alone', () => {
    given(ADOPTED_49).when(resolveMilestone(PROTOCOLO_DOF, '2020-01-03', NOON('2020-12-23'))).then();
    given(ADOPTED_40).when(resolveMilestone(PROIGUALDAD_DOF, '2020-12-22', NOON('2020-12-23'))).then();
    given(ADOPTED_49, cancelled('Sin efecto.', '2020-11-01')).when(resolveMilestone(PROIGUALDAD_DOF, '2020-12-22', NOON('2020-12-23'))).then();
  });

  it('a prórroga onto a milestone waits for it, then the milestone sets the date', () => {
    const changed = given(ADOPTED_45)
      .when(changeDeadline({ type: 'calendar_days', days: 30, from: { milestoneId: PROIGUALDAD_DOF } }, 'Se espera la publicación del PROIGUALDAD.', NOON('2020-12-09')))
      .then({
        type: 'DeadlineChanged',
        data: {
          deadline: { type: 'calendar_days', days: 30, from: { milestoneId: PROIGUALDAD_DOF } },
          reason: 'Se espera la publicación del PROIGUALDAD.',
          on: '2020-12-09',
          dueDate: null,
          dueDateExplanation: '30 días naturales a partir de un hito que aún no ocurre; sin fecha de vencimiento mientras tanto.',
        },
      });
    expect(adoptedState(changed).dueDate).toBeNull();
  });
});

// §1.7: what a fact recorded late causes is dated when the fact happened, so
// an asOf read between that day and the day it was typed in is true.
describe('facts recorded late are dated when they happened', () => {
  const datesOf = (history: AgreementEvent[], command: Parameters<typeof decide>[0]) =>
    decide(command, foldEvents(history), defaultContext).map((e) => [e.type, e.occurredAt]);

  it('the PROIGUALDAD published on 22/12/2020, recorded in February: the due date is set from the start of 22/12 in Mexico City', () => {
    expect(datesOf([ADOPTED_49], resolveMilestone(PROIGUALDAD_DOF, '2020-12-22', NOON('2021-02-10')))).toEqual([['DueDateSet', '2020-12-22T06:00:00.000Z']]);
  });

  it('a milestone that occurred before the session: the due date is set from the adoption, never before', () => {
    // Agreement 49 was adopted on 30/09/2020 (Mexico City on summer time, UTC−5).
    expect(datesOf([ADOPTED_49], resolveMilestone(PROIGUALDAD_DOF, '2020-08-22', NOON('2020-10-05')))).toEqual([['DueDateSet', '2020-09-30T05:00:00.000Z']]);
  });

  it('a prórroga onto the milestone dated 09/12/2020: a milestone of an earlier day sets the date from the prórroga’s day', () => {
    const moved: AgreementEvent = {
      type: 'DeadlineChanged',
      data: { deadline: AGREEMENT_49.deadline, reason: 'Se espera la publicación del PROIGUALDAD.', on: '2020-12-09', dueDate: null, dueDateExplanation: 'sin fecha' },
    };
    expect(datesOf([ADOPTED_45, moved], resolveMilestone(PROIGUALDAD_DOF, '2020-12-01', NOON('2021-01-15')))).toEqual([['DueDateSet', '2020-12-09T06:00:00.000Z']]);
  });

  it('the last acceptance by date fulfils the agreement, though an earlier-dated one is recorded last', () => {
    // SEGOB’s evidence was accepted on 20/05 and recorded first; SHCP’s, accepted
    // on 14/05, is typed in afterwards: the agreement was fulfilled on 20/05.
    const segobAcceptedLate = evidenceReviewed('ev-segob-1', SEGOB, 'accepted', NOON('2020-05-20'));
    given(ADOPTED_40, SEGOB_SENT, SHCP_SENT, segobAcceptedLate)
      .when(reviewEvidence('ev-shcp-1', 'accepted', NOON('2020-05-14')))
      .thenDated(
        { ...SHCP_ACCEPTED, occurredAt: NOON('2020-05-14') },
        { type: 'AgreementFulfilled', data: { on: '2020-05-20', automatic: true, justification: null }, occurredAt: NOON('2020-05-20') },
      );
  });

  it('every other event is dated as its command says', () => {
    expect(datesOf([ADOPTED_40], submitEvidence('ev-segob-1', SEGOB, NOON('2020-05-11')))).toEqual([['EvidenceSubmitted', NOON('2020-05-11')]]);
  });
});

describe('a coordinator watches what is overdue', () => {
  it('the deadline of agreement 40 is recorded as passed only after 18/05/2020 in Mexico City, once', () => {
    given(ADOPTED_40).when(recordDeadlinePassed('2020-05-18T23:00:00.000Z')).then(); // 18:00 on the due date
    given(ADOPTED_40).when(recordDeadlinePassed('2020-05-19T04:30:00.000Z')).then(); // still 18/05 there
    const passed: AgreementEvent = { type: 'DeadlinePassed', data: { dueDate: '2020-05-18' } };
    const state = given(ADOPTED_40).when(recordDeadlinePassed('2020-05-19T05:00:00.000Z')).then(passed);
    expect(adoptedState(state).overdueRecordedFor).toBe('2020-05-18');
    given(ADOPTED_40, passed).when(recordDeadlinePassed(NOON('2020-05-25'))).then();
  });

  it('after a prórroga the new due date can pass too', () => {
    const passed: AgreementEvent = { type: 'DeadlinePassed', data: { dueDate: '2020-05-18' } };
    const extended = {
      type: 'DeadlineChanged',
      data: { deadline: { type: 'date', date: '2020-05-29' }, reason: 'Prórroga.', on: '2020-05-20', dueDate: '2020-05-29', dueDateExplanation: 'Fecha fija: 29/05/2020' },
    } as const;
    given(ADOPTED_40, passed, extended).when(recordDeadlinePassed(NOON('2020-05-28'))).then();
    given(ADOPTED_40, passed, extended).when(recordDeadlinePassed(NOON('2020-05-30'))).then({ type: 'DeadlinePassed', data: { dueDate: '2020-05-29' } });
  });

  it('nothing passes for an agreement cumplido, cancelled or without a due date', () => {
    given(ADOPTED_40, fulfilled('2020-05-14', 'Cumplido.')).when(recordDeadlinePassed(NOON('2020-06-01'))).then();
    given(ADOPTED_40, cancelled('Sin efecto.', '2020-05-14')).when(recordDeadlinePassed(NOON('2020-06-01'))).then();
    given(ADOPTED_49).when(recordDeadlinePassed(NOON('2021-06-01'))).then();
  });

  it('each reminder is recorded once per key, whatever retries happen', () => {
    const key = 'agr-snimh-40:2020-05-18:before_due:3';
    const sent: AgreementEvent = { type: 'ReminderSent', data: { key, institutionIds: [SEGOB, SHCP] } };
    given(ADOPTED_40).when(recordReminderSent(key, [SEGOB, SHCP], '2020-05-13T14:00:05.000Z')).then(sent);
    const state = given(ADOPTED_40, sent).when(recordReminderSent(key, [SEGOB, SHCP], '2020-05-13T14:01:00.000Z')).then();
    expect(adoptedState(state).remindersSent).toEqual([key]);
    given(ADOPTED_40, sent)
      .when(recordReminderSent('agr-snimh-40:2020-05-18:before_due:0', [SHCP], '2020-05-18T14:00:05.000Z'))
      .then({ type: 'ReminderSent', data: { key: 'agr-snimh-40:2020-05-18:before_due:0', institutionIds: [SHCP] } });
  });

  it('reads agreement 40 as of any day: vencido on 25/05/2020 although it was fulfilled later', () => {
    // The store's envelope gives each event its occurredAt; asOf folds those up to the end of that day.
    const history: [string, AgreementEvent][] = [
      ['2020-04-24T05:00:00.000Z', ADOPTED_40],
      [NOON('2020-05-11'), SEGOB_SENT],
      [NOON('2020-05-13'), SEGOB_ACCEPTED],
      [NOON('2020-05-26'), evidenceSubmitted('ev-shcp-1', SHCP, NOON('2020-05-26'))],
      [NOON('2020-06-02'), evidenceReviewed('ev-shcp-1', SHCP, 'accepted', NOON('2020-06-02'))],
      [NOON('2020-06-02'), fulfilled('2020-06-02')],
    ];
    const asOf = (day: LocalDate) => {
      const state = adoptedState(foldEvents(history.filter(([at]) => localDateOf(at, TZ) <= day).map(([, e]) => e)));
      return { ...evaluateSemaforo(state, day, businessCalendar(), 5), states: institutionStates(state) };
    };
    expect(asOf('2020-05-04')).toEqual({ semaforo: 'verde', daysOverdue: 0, states: { [SEGOB]: 'pendiente', [SHCP]: 'pendiente' } });
    expect(asOf('2020-05-11')).toEqual({ semaforo: 'amarillo', daysOverdue: 0, states: { [SEGOB]: 'en_revision', [SHCP]: 'pendiente' } });
    expect(asOf('2020-05-25')).toEqual({ semaforo: 'rojo', daysOverdue: 5, states: { [SEGOB]: 'cumplido', [SHCP]: 'pendiente' } });
    expect(asOf('2020-06-01')).toEqual({ semaforo: 'rojo', daysOverdue: 10, states: { [SEGOB]: 'cumplido', [SHCP]: 'en_revision' } });
    expect(asOf('2020-06-02')).toEqual({ semaforo: 'cumplido', daysOverdue: 0, states: { [SEGOB]: 'cumplido', [SHCP]: 'cumplido' } });
  });
});

describe('evolve on its own, as the projection replays stored events', () => {
  it('parses a stored event back and refuses a type it does not know', () => {
    const stored = JSON.parse(JSON.stringify(SEGOB_SENT)) as { type: string; data: unknown };
    expect(parseAgreementEvent(stored)).toEqual(SEGOB_SENT);
    expect(() => parseAgreementEvent({ type: 'AgreementRenamed', data: {} })).toThrow();
    expect(() => parseAgreementEvent({ type: 'EvidenceSubmitted', data: { evidenceId: 'ev-1' } })).toThrow();
  });

  it('an event before the adoption is a corrupted stream, not a state', () => {
    expect(() => evolve(initialState, SEGOB_SENT)).toThrow('EvidenceSubmitted antes de AgreementAdopted');
  });

  it('evidence arriving for an institution already cumplido leaves it cumplido', () => {
    // decide refuses this today; a stream written before that rule still replays.
    const state = foldEvents([ADOPTED_40, SEGOB_SENT, SEGOB_ACCEPTED, evidenceSubmitted('ev-segob-2', SEGOB, NOON('2020-05-14'))]);
    expect(institutionStates(state)[SEGOB]).toBe('cumplido');
    expect(adoptedState(state).evidence).toHaveLength(2);
  });
});

// Agreement 40 fell due on 18/05/2020; SHCP kept receiving overdue reminders.
describe('an institution that keeps missing the deadline climbs the escalation ladder', () => {
  const ladder = { afterReminders: 2, toCoordinatorsAfter: 1 };
  const reminded = (n: number) => Array.from({ length: n }, (_, i) => overdueReminderSent(`r${i + 1}`, [SEGOB, SHCP]));
  const stateAfter = (...events: AgreementEvent[]) => adoptedState(foldEvents([ADOPTED_40, ...events]));

  it('counts overdue reminders per institution still without evidence, and only those', () => {
    const state = stateAfter(SEGOB_SENT, ...reminded(3), { type: 'ReminderSent', data: { key: 'before-due', institutionIds: [SHCP] } });
    expect(ladderStep(state, SHCP)).toEqual({ overdueReminders: 3, level: 0 });
    // SEGOB's evidence is under review: it answered, the reminders do not count against it.
    expect(ladderStep(state, SEGOB)).toEqual({ overdueReminders: 0, level: 0 });
  });

  it('reaches the head after afterReminders, the coordinators after toCoordinatorsAfter more, never with the ladder off', () => {
    expect(escalationDue(stateAfter(...reminded(1)), SHCP, ladder)).toBe(0);
    expect(escalationDue(stateAfter(...reminded(2)), SHCP, ladder)).toBe(1);
    expect(escalationDue(stateAfter(...reminded(3)), SHCP, ladder)).toBe(2);
    expect(escalationDue(stateAfter(...reminded(9)), SHCP, null)).toBe(0);
  });

  it('records each rung once', () => {
    const state = given(ADOPTED_40, ...reminded(2))
      .when(raiseEscalation(SHCP, 1, NOON('2020-06-01')))
      .then(escalationRaised(SHCP, 1, 2));
    expect(ladderStep(adoptedState(state), SHCP)).toEqual({ overdueReminders: 2, level: 1 });
    given(ADOPTED_40, ...reminded(2), escalationRaised(SHCP, 1, 2)).when(raiseEscalation(SHCP, 1, NOON('2020-06-02'))).then();
    given(ADOPTED_40, ...reminded(3), escalationRaised(SHCP, 1, 2))
      .when(raiseEscalation(SHCP, 2, NOON('2020-06-08')))
      .then(escalationRaised(SHCP, 2, 3));
  });

  it('starts again from the bottom when the institution sends evidence, or the deadline is extended', () => {
    const climbed = [...reminded(3), escalationRaised(SHCP, 1, 2), escalationRaised(SHCP, 2, 3)];
    expect(ladderStep(stateAfter(...climbed, evidenceSubmitted('ev-shcp-1', SHCP, NOON('2020-06-09'))), SHCP)).toEqual({ overdueReminders: 0, level: 0 });
    const extended = given(ADOPTED_40, ...climbed)
      .when(changeDeadline({ type: 'date', date: '2020-07-31' }, 'Prórroga acordada en sesión.', NOON('2020-06-09')))
      .then({
        type: 'DeadlineChanged',
        data: { deadline: { type: 'date', date: '2020-07-31' }, reason: 'Prórroga acordada en sesión.', on: '2020-06-09', dueDate: '2020-07-31', dueDateExplanation: 'Fecha fija: 31/07/2020' },
      });
    expect(ladderStep(adoptedState(extended), SHCP)).toEqual({ overdueReminders: 0, level: 0 });
  });

  it('raises nothing on an agreement no longer in process', () => {
    given(ADOPTED_40, ...reminded(2), fulfilled('2020-06-01', 'Se atendió en sesión.')).when(raiseEscalation(SHCP, 1, NOON('2020-06-02'))).then();
  });
});

describe('the body changes its calendar', () => {
  const recount = (settingsChangedAt: string, occurredAt: string) =>
    ({ type: 'RecountDueDate', data: { settingsChangedAt }, meta: { actor: { role: 'system', id: 'acuerdos' }, occurredAt } }) as const;
  const vacation = [{ from: '2020-05-04', to: '2020-05-08', name: 'Receso de mayo' }];

  it('a week of rest before the due date moves agreement 40 to 25/05/2020, dated when the body published it', () => {
    const state = given(ADOPTED_40)
      .within({ nonWorkingDays: vacation })
      .when(recount(NOON('2020-05-01'), NOON('2020-05-02')))
      .thenDated({
        type: 'DueDateRecounted',
        data: {
          on: '2020-05-01',
          dueDate: '2020-05-25',
          dueDateExplanation:
            '15 días hábiles contados a partir del 24/04/2020; no cuentan: 01/05/2020 (Día del Trabajo), 04/05/2020 (Receso de mayo), 05/05/2020 (Receso de mayo), 06/05/2020 (Receso de mayo), 07/05/2020 (Receso de mayo), 08/05/2020 (Receso de mayo) → 25/05/2020',
        },
        occurredAt: NOON('2020-05-01'),
      });
    // Not a prórroga: no earlier version is kept.
    expect(adoptedState(state)).toMatchObject({ dueDate: '2020-05-25', dueDateSince: '2020-05-01', deadlineHistory: [] });
  });

  it('a change that leaves the due date as it was records nothing, nor one of a cancelled agreement', () => {
    given(ADOPTED_40).when(recount(NOON('2020-05-01'), NOON('2020-05-02'))).then();
    given(ADOPTED_40, cancelled('Sin efecto.', '2020-04-30')).within({ nonWorkingDays: vacation }).when(recount(NOON('2020-05-01'), NOON('2020-05-02'))).then();
  });

  it('a change made before the milestone that set the due date is dated from that milestone’s day', () => {
    // The PROIGUALDAD set agreement 49's due date from 22/12/2020; a calendar of 01/12 heard later
    const dueDateSet: AgreementEvent = {
      type: 'DueDateSet',
      data: { milestoneId: PROIGUALDAD_DOF, milestoneDate: '2020-12-22', dueDate: '2021-03-22', dueDateExplanation: '3 meses contados a partir del 22/12/2020 → 22/03/2021' },
    };
    const march = [{ from: '2021-03-22', to: '2021-03-26', name: 'Receso' }];
    given(ADOPTED_49, dueDateSet)
      .within({ nonWorkingDays: march, milestoneDates: { [PROIGUALDAD_DOF]: '2020-12-22' } })
      .when(recount(NOON('2020-12-01'), NOON('2021-01-10')))
      .thenDated(expect.objectContaining({ type: 'DueDateRecounted', data: expect.objectContaining({ on: '2020-12-22', dueDate: '2021-03-29' }), occurredAt: '2020-12-22T06:00:00.000Z' }));
  });

  it('a change made before the agreement was adopted counts from its adoption', () => {
    given(ADOPTED_40)
      .within({ nonWorkingDays: vacation })
      .when(recount('2019-01-01T00:00:00.000Z', NOON('2020-05-02')))
      .thenDated(expect.objectContaining({ type: 'DueDateRecounted', occurredAt: '2020-04-24T05:00:00.000Z' }));
  });
});

describe('the stories cover the whole decider', () => {
  it('every command and every refusal code of domain/errors.ts was exercised above', () => {
    expect([...exercised.commands].sort()).toEqual(
      [
        'AdoptAgreement',
        'CancelAgreement',
        'ChangeDeadline',
        'FulfilAgreement',
        'RecordDeadlinePassed',
        'RecordReminderSent',
        'RaiseEscalation',
        'RecountDueDate',
        'ReopenAgreement',
        'ResolveMilestone',
        'ReviewEvidence',
        'SubmitEvidence',
      ].sort(),
    );
    expect([...exercised.refusals].sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });
});
