import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../domain/dates.js';
import { disagreesWithText, suggestDeadline, type SuggestedRule } from '../../domain/deadline-suggestion.js';
import { AGREEMENTS, SESSIONS } from '../../app/seed/snimh-annex-i.js';
import { deadlineSentence, inWords, MILESTONE, sentenceWithoutDeadline } from './support/deadline-sentences.js';

// The SNIMH's milestones, as its secretariat registered them.
const REGLAS = { id: '0e4c8f6a-1b2d-4c3e-8f9a-0b1c2d3e4f01', name: 'Envío del proyecto de Reglas del SNIMH' };
const CUESTIONARIO = { id: '0e4c8f6a-1b2d-4c3e-8f9a-0b1c2d3e4f02', name: 'Envío del cuestionario de diagnóstico a las UIG' };
const PROIGUALDAD = { id: '0e4c8f6a-1b2d-4c3e-8f9a-0b1c2d3e4f03', name: 'Publicación del PROIGUALDAD 2020-2024 en el DOF' };
const SNIMH_MILESTONES = [REGLAS, CUESTIONARIO, PROIGUALDAD];

// What each agreement of Annex I (seeds/003, 34–55) states as its deadline, read by hand.
// null: the text states no term the contract's rules can hold ("una vez que sea publicado"
// is a condition without a term; "en la Vigésima Primera Sesión" names a session, not a day).
const ANNEX_I: Record<number, SuggestedRule | null> = {
  34: { type: 'date', date: '2019-12-10' }, // "en el marco de los 16 días de activismo" (25/11–10/12)
  35: null,
  36: null,
  37: null,
  38: { type: 'period_end', period: 'Q1', year: 2020 },
  39: null,
  40: { type: 'business_days', days: 15, from: { milestoneId: REGLAS.id } },
  41: null,
  42: { type: 'business_days', days: 15, from: { milestoneId: CUESTIONARIO.id } },
  43: null,
  44: null,
  45: { type: 'months', months: 3, from: 'adoption' },
  46: null,
  47: { type: 'date', date: '2020-11-30' }, // "durante los meses de octubre y noviembre", adopted 30/09/2020
  48: { type: 'business_days', days: 15, from: 'adoption' },
  49: { type: 'months', months: 3, from: { milestoneId: PROIGUALDAD.id } },
  50: null,
  51: null,
  52: null,
  53: { type: 'period_end', period: 'Q1', year: 2021 },
  54: null,
  55: { type: 'period_end', period: 'Q1', year: 2021 },
};

const adoptedOn = (session: number): LocalDate => {
  const found = SESSIONS.find((s) => s.number === session);
  if (!found) throw new Error(`sesión ${session} ausente del anexo`);
  return found.date;
};

interface Tally {
  expected: number;
  proposed: number;
  right: number;
}
const precision = (t: Tally) => (t.proposed === 0 ? 1 : t.right / t.proposed);
const recall = (t: Tally) => (t.expected === 0 ? 1 : t.right / t.expected);
function tally(cases: { expected: SuggestedRule | null; got: SuggestedRule | null }[]): Tally {
  return cases.reduce(
    (t, { expected, got }) => ({
      expected: t.expected + (expected ? 1 : 0),
      proposed: t.proposed + (got ? 1 : 0),
      right: t.right + (expected && got && JSON.stringify(expected) === JSON.stringify(got) ? 1 : 0),
    }),
    { expected: 0, proposed: 0, right: 0 },
  );
}

describe('a secretariat types the text of an Annex I agreement and is offered its deadline', () => {
  const annex = AGREEMENTS.map((a) => ({
    seq: a.seq,
    text: a.text,
    expected: ANNEX_I[a.seq] ?? null,
    got: suggestDeadline(a.text, { adoptedOn: adoptedOn(a.session), milestones: SNIMH_MILESTONES })?.deadline ?? null,
  }));

  it('covers every agreement from 34 to 55', () => {
    expect(annex.map((a) => a.seq)).toEqual(Object.keys(ANNEX_I).map(Number));
  });

  it.each(annex.map((a) => [a.seq, a] as const))('agreement %i', (_seq, { expected, got }) => {
    expect(got).toEqual(expected);
  });

  it('reports precision and recall over the annex', () => {
    const t = tally(annex);
    console.log(`Anexo I: ${t.right}/${t.proposed} propuestas correctas (precisión ${precision(t).toFixed(2)}), ${t.right}/${t.expected} plazos hallados (exhaustividad ${recall(t).toFixed(2)})`);
    expect(t.expected).toBe(10);
  });

  it('shows the words it relied on where the secretariat wrote them', () => {
    const text = AGREEMENTS.find((a) => a.seq === 40)?.text ?? '';
    const suggestion = suggestDeadline(text, { adoptedOn: '2020-04-24', milestones: SNIMH_MILESTONES });
    expect(suggestion?.evidence.map((e) => e.words)).toEqual([
      'en un plazo de quince días hábiles',
      'contabilizados a partir de la fecha en la que el INMUJERES envíe el proyecto',
    ]);
    for (const e of suggestion?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.words);
  });

  it('offers to create the milestone a text waits for when the body has none of that name', () => {
    const text = AGREEMENTS.find((a) => a.seq === 49)?.text ?? '';
    const suggestion = suggestDeadline(text, { adoptedOn: '2020-09-30', milestones: [REGLAS] });
    expect(suggestion?.deadline).toEqual({ type: 'months', months: 3, from: { milestoneName: 'Publicación del PROIGUALDAD 2020-2024' } });
    expect(suggestion?.confidence).toBeLessThan(0.9);
  });
});

describe('the ways deadlines are written', () => {
  const read = (text: string, adopted: LocalDate = '2021-03-10') => suggestDeadline(text, { adoptedOn: adopted, milestones: [] });

  it.each([
    ['en un plazo de cuarenta y cinco días naturales', { type: 'calendar_days', days: 45, from: 'adoption' }],
    ['en un plazo de 15 (quince) días hábiles', { type: 'business_days', days: 15, from: 'adoption' }],
    ['dentro de un mes', { type: 'months', months: 1, from: 'adoption' }],
    ['en un plazo de dos semanas', { type: 'calendar_days', days: 14, from: 'adoption' }],
    ['en un plazo de un año', { type: 'months', months: 12, from: 'adoption' }],
    ['en un plazo de dos trimestres', { type: 'months', months: 6, from: 'adoption' }],
    ['en un plazo de ciento veinte días hábiles a partir del 1 de abril de 2021', { type: 'business_days', days: 120, from: { date: '2021-04-01' } }],
    ['a más tardar el 30 de junio de 2021', { type: 'date', date: '2021-06-30' }],
    ['antes del 1 de julio de 2021', { type: 'date', date: '2021-06-30' }],
    ['durante el segundo semestre de 2022', { type: 'period_end', period: 'H2', year: 2022 }],
    ['durante el ejercicio fiscal 2022', { type: 'period_end', period: 'year', year: 2022 }],
    ['durante el tercer trimestre del presente año', { type: 'period_end', period: 'Q3', year: 2021 }],
    ['a más tardar en febrero', { type: 'date', date: '2022-02-28' }],
  ])('"%s"', (text, rule) => {
    expect(read(`Las instituciones entregarán su informe ${text}.`)?.deadline).toEqual(rule);
  });

  it('takes a bare "días" as business days (LFPA art. 28), with less confidence than a stated "hábiles"', () => {
    const bare = read('Las instituciones responderán en un plazo de diez días.');
    const stated = read('Las instituciones responderán en un plazo de diez días hábiles.');
    expect(bare?.deadline).toEqual({ type: 'business_days', days: 10, from: 'adoption' });
    expect(bare?.confidence ?? 1).toBeLessThan(stated?.confidence ?? 0);
  });

  it('finds no deadline in "la próxima sesión ordinaria": the contract has no rule for a session not yet scheduled', () => {
    expect(read('El INMUJERES presentará los resultados en la próxima sesión ordinaria.')).toBeNull();
  });
});

describe('a rule written as a sentence is read back as the same rule', () => {
  it('for any generated sentence', () => {
    fc.assert(
      fc.property(deadlineSentence, ({ text, rule }) => {
        expect(suggestDeadline(text, { adoptedOn: '2020-01-15', milestones: [MILESTONE] })?.deadline).toEqual(rule);
      }),
      { numRuns: 500 },
    );
  });

  it('and no rule where a sentence states none', () => {
    fc.assert(
      fc.property(sentenceWithoutDeadline, (text) => {
        expect(suggestDeadline(text, { adoptedOn: '2020-01-15', milestones: [MILESTONE] })).toBeNull();
      }),
    );
  });

  it('reports precision and recall over 100 generated sentences (80 with a deadline, 20 without)', () => {
    const withDeadline = fc.sample(deadlineSentence, { numRuns: 80, seed: 2026 });
    const without = fc.sample(sentenceWithoutDeadline, { numRuns: 20, seed: 2026 }).map((text) => ({ text, rule: null }));
    const cases = [...withDeadline, ...without].map(({ text, rule }) => ({
      expected: rule,
      got: suggestDeadline(text, { adoptedOn: '2020-01-15', milestones: [MILESTONE] })?.deadline ?? null,
    }));
    const t = tally(cases);
    console.log(`100 oraciones generadas: precisión ${precision(t).toFixed(2)}, exhaustividad ${recall(t).toFixed(2)}`);
    expect(cases).toHaveLength(100);
    expect(precision(t)).toBe(1);
    expect(recall(t)).toBe(1);
  });

  it('writes numbers in words as Spanish does', () => {
    expect([1, 15, 21, 45, 100, 120, 365].map(inWords)).toEqual(['un', 'quince', 'veintiún', 'cuarenta y cinco', 'cien', 'ciento veinte', 'trescientos sesenta y cinco']);
  });
});

describe('a deadline typed by hand, against the one the text states', () => {
  const stated = (text: string) => suggestDeadline(text, { adoptedOn: '2020-09-30', milestones: [] });
  it('agrees when they are the same rule, whatever the order of its fields', () => {
    expect(disagreesWithText({ from: 'adoption', days: 15, type: 'business_days' }, stated('en un plazo de quince días hábiles'))).toBe(false);
  });
  it('disagrees when the amount, the unit or the period differ, or the text names a milestone the rule does not count from', () => {
    expect(disagreesWithText({ type: 'calendar_days', days: 15, from: 'adoption' }, stated('en un plazo de quince días hábiles'))).toBe(true);
    expect(disagreesWithText({ type: 'date', date: '2021-06-30' }, stated('durante el primer trimestre de 2021'))).toBe(true);
    expect(disagreesWithText({ type: 'months', months: 3, from: 'adoption' }, stated('durante los tres meses posteriores a la publicación del Programa'))).toBe(true);
  });
  it('never disagrees with a text that states no deadline', () => {
    expect(disagreesWithText({ type: 'date', date: '2021-06-30' }, stated('Las instituciones difundirán el Acuerdo.'))).toBe(false);
  });
});
