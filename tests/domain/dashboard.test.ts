import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgreementStatus, InstitutionState } from '../../domain/agreement/status.js';
import { mostOverdueDueDates, mostOverdueFirst, summarizeDashboard, type DashboardAgreement } from '../../domain/dashboard.js';
import { trendDays } from '../../domain/trend.js';
import { acceptedLights, lightCondition, meetsCondition } from '../../domain/light-filter.js';
import { evaluateSemaforo, Semaforo } from '../../domain/semaforo.js';
import { localDateArb } from './support/arbitraries.js';
import { INMUJERES, lft, SEGOB, SHCP } from './support/snimh.js';

// What a coordinator sees on a reference day: lists filtered by semáforo and
// the dashboard of totals, compliance per institution and what is overdue.

const day = { today: '2020-12-31', calendar: lft, warningBusinessDays: 5 };

function agreement(seq: number, status: DashboardAgreement['status'], dueDate: string | null, responsibles: [string, DashboardAgreement['responsibles'][number]['state']][]): DashboardAgreement {
  return { seq, status, dueDate, responsibles: responsibles.map(([institutionId, state]) => ({ institutionId, state })) };
}

describe('the dashboard of the SNIMH on 31/12/2020', () => {
  const agreements = [
    // 40: due 18/05/2020, INMUJERES done, SEGOB still owes → overdue 160 business days
    agreement(40, 'en_proceso', '2020-05-18', [[INMUJERES, 'cumplido'], [SEGOB, 'pendiente']]),
    // 41: fulfilled directly by the secretariat: both parts count as done
    agreement(41, 'cumplido', '2020-06-30', [[INMUJERES, 'pendiente'], [SHCP, 'en_revision']]),
    // 42: cancelled: binds nobody
    agreement(42, 'cancelado', '2020-03-31', [[SHCP, 'pendiente']]),
    // 43: due 30/11/2020 → overdue 22 business days
    agreement(43, 'en_proceso', '2020-11-30', [[SEGOB, 'en_revision']]),
    // 44: no deadline yet
    agreement(44, 'en_proceso', null, [[INMUJERES, 'pendiente']]),
    // 45: due 30/11/2020 as well: same days overdue as 43, after it in folio order
    agreement(45, 'en_proceso', '2020-11-30', [[INMUJERES, 'pendiente']]),
  ];
  const dashboard = summarizeDashboard(agreements, day);

  it('counts agreements by status, and the overdue ones', () => {
    expect(dashboard.totals).toEqual({ en_proceso: 4, cumplido: 1, cancelado: 1, vencidos: 3 });
  });

  it('lists the overdue ones by days overdue, most first, then by folio', () => {
    expect(dashboard.overdue.map((o) => [o.agreement.seq, o.daysOverdue])).toEqual([
      [40, 160],
      [43, 22],
      [45, 22],
    ]);
  });

  it('gives each institution its compliance over the agreements it shares, cancelled ones left out', () => {
    const byId = new Map(dashboard.byInstitution.map((row) => [row.institutionId, row]));
    // INMUJERES: 40 (its part done), 41 (agreement fulfilled), 44 and 45 (owed, 45 overdue)
    expect(byId.get(INMUJERES)).toEqual({ institutionId: INMUJERES, enProceso: 2, cumplidos: 2, vencidos: 1, complianceRate: 0.5 });
    // SEGOB: 40 and 43, both owed and overdue
    expect(byId.get(SEGOB)).toEqual({ institutionId: SEGOB, enProceso: 2, cumplidos: 0, vencidos: 2, complianceRate: 0 });
    // SHCP: 41 fulfilled, 42 cancelled → 1 of 1
    expect(byId.get(SHCP)).toEqual({ institutionId: SHCP, enProceso: 0, cumplidos: 1, vencidos: 0, complianceRate: 1 });
  });

  it('has no compliance rate for an institution whose only agreements were cancelled', () => {
    const only = summarizeDashboard([agreement(42, 'cancelado', null, [[SHCP, 'pendiente']])], day);
    expect(only.byInstitution).toEqual([{ institutionId: SHCP, enProceso: 0, cumplidos: 0, vencidos: 0, complianceRate: null }]);
    expect(only.totals).toEqual({ en_proceso: 0, cumplido: 0, cancelado: 1, vencidos: 0 });
  });

  it('is empty for a body without agreements', () => {
    expect(summarizeDashboard([], day)).toEqual({ totals: { en_proceso: 0, cumplido: 0, cancelado: 0, vencidos: 0 }, byInstitution: [], overdue: [] });
  });
});

describe('the lights a list asks for', () => {
  it('overdue=true is rojo; overdue=false every other light', () => {
    expect(acceptedLights(undefined, true)).toEqual(['rojo']);
    expect(acceptedLights(undefined, false)).toEqual(['amarillo', 'verde', 'sin_plazo', 'cumplido', 'cancelado']);
    expect(acceptedLights(undefined, undefined)).toBeNull();
  });

  it('semaforo and overdue together narrow each other, down to nothing when they disagree', () => {
    expect(acceptedLights('amarillo', false)).toEqual(['amarillo']);
    expect(acceptedLights('rojo', true)).toEqual(['rojo']);
    expect(acceptedLights('rojo', false)).toEqual([]);
  });

  it('the condition of a light on day T holds exactly for the agreements evaluateSemaforo gives that light', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AgreementStatus.options),
        fc.option(localDateArb(2019, 2022), { nil: null }),
        localDateArb(2019, 2022),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(...Semaforo.options),
        (status, dueDate, today, warning, light) => {
          const actual = evaluateSemaforo({ status, dueDate }, today, lft, warning).semaforo;
          expect(meetsCondition({ status, dueDate }, lightCondition(light, today, lft, warning))).toBe(actual === light);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('every institution state counts once', () => {
  it('enProceso + cumplidos is the number of non-cancelled agreements an institution shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom(...AgreementStatus.options), state: fc.constantFrom(...InstitutionState.options), dueDate: fc.option(localDateArb(2020, 2021), { nil: null }) }), { maxLength: 30 }),
        (rows) => {
          const agreements = rows.map((r, i) => agreement(i + 1, r.status, r.dueDate, [[INMUJERES, r.state]]));
          const [row] = summarizeDashboard(agreements, day).byInstitution;
          const live = rows.filter((r) => r.status !== 'cancelado').length;
          if (rows.length === 0) expect(row).toBeUndefined();
          else expect((row?.enProceso ?? 0) + (row?.cumplidos ?? 0)).toBe(live);
        },
      ),
    );
  });
});

describe('the most overdue agreements, read by their due dates', () => {
  it('the due dates mostOverdueDueDates names hold exactly the first ones of the whole overdue list', () => {
    fc.assert(
      fc.property(fc.array(localDateArb(2020, 2020), { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (dueDates, limit) => {
        // every agreement en proceso and due in 2020, so overdue on 31/12/2020 unless due that day
        const agreements = dueDates.map((dueDate, i) => agreement(i + 1, 'en_proceso', dueDate, [[INMUJERES, 'pendiente']]));
        const whole = summarizeDashboard(agreements, day).overdue;
        const counts = [...new Set(whole.map((o) => o.agreement.dueDate ?? ''))].map((dueDate) => ({ dueDate, count: whole.filter((o) => o.agreement.dueDate === dueDate).length }));
        const dates = new Set(mostOverdueDueDates(counts, day, limit));
        const read = whole.filter((o) => dates.has(o.agreement.dueDate ?? '')).sort(mostOverdueFirst).slice(0, limit);
        expect(read.map((o) => o.agreement.seq)).toEqual(whole.slice(0, limit).map((o) => o.agreement.seq));
      }),
    );
  });
});

describe('the months of a trend', () => {
  it('end in the reference day’s month, each read as of its last day, the last one as of the reference day', () => {
    expect(trendDays('2021-03-10', 4)).toEqual([
      { month: '2020-12', day: '2020-12-31' },
      { month: '2021-01', day: '2021-01-31' },
      { month: '2021-02', day: '2021-02-28' },
      { month: '2021-03', day: '2021-03-10' },
    ]);
    expect(trendDays('2020-03-31', 2)).toEqual([
      { month: '2020-02', day: '2020-02-29' },
      { month: '2020-03', day: '2020-03-31' },
    ]);
    expect(trendDays('2026-12-01', 120)).toHaveLength(120);
    expect(trendDays('2026-12-01', 120)[0]).toEqual({ month: '2017-01', day: '2017-01-31' });
  });
});
