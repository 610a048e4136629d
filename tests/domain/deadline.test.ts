import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar, nextBusinessDayOnOrAfter, type BusinessCalendar, type NonWorkingDay } from '../../domain/calendar.js';
import { addDays, addMonthsClamped, compareDates, type LocalDate } from '../../domain/dates.js';
import { DeadlineRule, evaluateDeadline, milestoneOf, type Anchor } from '../../domain/deadline.js';
import { localDateArb } from './support/arbitraries.js';
import { ENVIO_REGLAS, lft, PROIGUALDAD_DOF, PROTOCOLO_DOF } from './support/snimh.js';

const VACATION = 'Periodo vacacional de invierno';
const snimhWinter = businessCalendar([{ from: '2020-12-21', to: '2020-12-31', name: VACATION }]);
const snimhRaza = businessCalendar(['2020-10-12']);

interface Example {
  what: string;
  adoptedOn: LocalDate;
  rule: DeadlineRule;
  dueDate: LocalDate | null;
  explanation: string;
  calendar?: BusinessCalendar;
  milestones?: Record<string, LocalDate>;
}

const evaluate = (e: Example) =>
  evaluateDeadline(e.rule, { adoptedOn: e.adoptedOn, calendar: e.calendar ?? lft, milestoneDates: e.milestones ?? {} });

function table(examples: Example[]) {
  it.each(examples.map((e) => [e.what, e] as const))('%s', (_what, example) => {
    expect(evaluate(example)).toEqual({ dueDate: example.dueDate, explanation: example.explanation });
  });
}

// The agreements of Annex I (seeds/003) with the deadline their text states.
describe('Annex I of the SNIMH: the deadlines as written in the agreements', () => {
  table([
    {
      what: '34:22/11/2019 "en el marco de los 16 días de activismo" (25/11–10/12): a fixed date',
      adoptedOn: '2019-11-22',
      rule: { type: 'date', date: '2019-12-10' },
      dueDate: '2019-12-10',
      explanation: 'Fecha fija: 10/12/2019',
    },
    {
      what: '35:22/11/2019 "una vez realizada su publicación en el DOF": waits for the milestone',
      adoptedOn: '2019-11-22',
      rule: { type: 'business_days', days: 10, from: { milestoneId: PROTOCOLO_DOF } },
      dueDate: null,
      explanation: '10 días hábiles a partir de un hito que aún no ocurre; sin fecha de vencimiento mientras tanto.',
    },
    {
      what: '35:22/11/2019 once the Protocolo is published (DOF 03/01/2020)',
      adoptedOn: '2019-11-22',
      rule: { type: 'business_days', days: 10, from: { milestoneId: PROTOCOLO_DOF } },
      milestones: { [PROTOCOLO_DOF]: '2020-01-03' },
      dueDate: '2020-01-17',
      explanation: '10 días hábiles contados a partir del 03/01/2020 → 17/01/2020',
    },
    {
      what: '36:22/11/2019 (no term): none',
      adoptedOn: '2019-11-22',
      rule: { type: 'none' },
      dueDate: null,
      explanation: 'Sin plazo.',
    },
    {
      what: '38:22/11/2019 "durante el primer trimestre del 2020": period_end Q1 2020',
      adoptedOn: '2019-11-22',
      rule: { type: 'period_end', period: 'Q1', year: 2020 },
      dueDate: '2020-03-31',
      explanation: 'Último día del primer trimestre de 2020 → 31/03/2020',
    },
    {
      what: '40:24/04/2020 "quince días hábiles": the contract’s example, 1 May does not count',
      adoptedOn: '2020-04-24',
      rule: { type: 'business_days', days: 15, from: 'adoption' },
      dueDate: '2020-05-18',
      explanation: '15 días hábiles contados a partir del 24/04/2020; no cuentan: 01/05/2020 (Día del Trabajo) → 18/05/2020',
    },
    {
      what: '40:24/04/2020 with the same anchor given as a date',
      adoptedOn: '2020-04-24',
      rule: { type: 'business_days', days: 15, from: { date: '2020-04-24' } },
      dueDate: '2020-05-18',
      explanation: '15 días hábiles contados a partir del 24/04/2020; no cuentan: 01/05/2020 (Día del Trabajo) → 18/05/2020',
    },
    {
      what: '40:24/04/2020 as literally written: from the day INMUJERES sends the draft, not yet known',
      adoptedOn: '2020-04-24',
      rule: { type: 'business_days', days: 15, from: { milestoneId: ENVIO_REGLAS } },
      milestones: { [PROTOCOLO_DOF]: '2020-01-03' }, // another milestone does not help
      dueDate: null,
      explanation: '15 días hábiles a partir de un hito que aún no ocurre; sin fecha de vencimiento mientras tanto.',
    },
    {
      what: '45:30/09/2020 "en un plazo no mayor a tres meses": months, no clamping needed',
      adoptedOn: '2020-09-30',
      rule: { type: 'months', months: 3, from: 'adoption' },
      dueDate: '2020-12-30',
      explanation: '3 meses contados a partir del 30/09/2020 → 30/12/2020',
    },
    {
      what: '47:30/09/2020 "durante los meses de octubre y noviembre": a fixed date',
      adoptedOn: '2020-09-30',
      rule: { type: 'date', date: '2020-11-30' },
      dueDate: '2020-11-30',
      explanation: 'Fecha fija: 30/11/2020',
    },
    {
      what: '48:30/09/2020 "en los siguientes quince días hábiles": no rest day in between (12 October is not one)',
      adoptedOn: '2020-09-30',
      rule: { type: 'business_days', days: 15, from: 'adoption' },
      dueDate: '2020-10-21',
      explanation: '15 días hábiles contados a partir del 30/09/2020 → 21/10/2020',
    },
    {
      what: '49:30/09/2020 "tres meses posteriores a la publicación del PROIGUALDAD", before it is published',
      adoptedOn: '2020-09-30',
      rule: { type: 'months', months: 3, from: { milestoneId: PROIGUALDAD_DOF } },
      dueDate: null,
      explanation: '3 meses a partir de un hito que aún no ocurre; sin fecha de vencimiento mientras tanto.',
    },
    {
      what: '49:30/09/2020 once the PROIGUALDAD is published (DOF 22/12/2020), across the year end',
      adoptedOn: '2020-09-30',
      rule: { type: 'months', months: 3, from: { milestoneId: PROIGUALDAD_DOF } },
      milestones: { [PROIGUALDAD_DOF]: '2020-12-22' },
      dueDate: '2021-03-22',
      explanation: '3 meses contados a partir del 22/12/2020 → 22/03/2021',
    },
    {
      what: '53:9/12/2020 "durante el primer trimestre de 2021": period_end Q1 2021',
      adoptedOn: '2020-12-09',
      rule: { type: 'period_end', period: 'Q1', year: 2021 },
      dueDate: '2021-03-31',
      explanation: 'Último día del primer trimestre de 2021 → 31/03/2021',
    },
  ]);
});

describe('business_days: the n-th business day strictly after the anchor', () => {
  table([
    {
      what: 'across the year end, Navidad does not count (52:9/12/2020 + 15)',
      adoptedOn: '2020-12-09',
      rule: { type: 'business_days', days: 15, from: 'adoption' },
      dueDate: '2020-12-31',
      explanation: '15 días hábiles contados a partir del 09/12/2020; no cuentan: 25/12/2020 (Navidad) → 31/12/2020',
    },
    {
      what: 'into the new year, Navidad and Año Nuevo do not count (52:9/12/2020 + 20)',
      adoptedOn: '2020-12-09',
      rule: { type: 'business_days', days: 20, from: 'adoption' },
      dueDate: '2021-01-08',
      explanation: '20 días hábiles contados a partir del 09/12/2020; no cuentan: 25/12/2020 (Navidad), 01/01/2021 (Año Nuevo) → 08/01/2021',
    },
    {
      what: 'the body’s winter vacation (a named range) does not count either',
      adoptedOn: '2020-12-09',
      rule: { type: 'business_days', days: 15, from: 'adoption' },
      calendar: snimhWinter,
      dueDate: '2021-01-13',
      explanation:
        '15 días hábiles contados a partir del 09/12/2020; no cuentan: 21/12/2020 (Periodo vacacional de invierno), 22/12/2020 (Periodo vacacional de invierno), 23/12/2020 (Periodo vacacional de invierno), 24/12/2020 (Periodo vacacional de invierno), 25/12/2020 (Navidad), 28/12/2020 (Periodo vacacional de invierno), 29/12/2020 (Periodo vacacional de invierno), 30/12/2020 (Periodo vacacional de invierno), 31/12/2020 (Periodo vacacional de invierno), 01/01/2021 (Año Nuevo) → 13/01/2021',
    },
    {
      what: 'a single day the body published (12/10/2020) is skipped and named (48:30/09/2020 + 15)',
      adoptedOn: '2020-09-30',
      rule: { type: 'business_days', days: 15, from: 'adoption' },
      calendar: snimhRaza,
      dueDate: '2020-10-22',
      explanation: '15 días hábiles contados a partir del 30/09/2020; no cuentan: 12/10/2020 (día inhábil del órgano) → 22/10/2020',
    },
    {
      what: 'one day from a Friday is the Monday; the anchor itself never counts',
      adoptedOn: '2020-04-24',
      rule: { type: 'business_days', days: 1, from: 'adoption' },
      dueDate: '2020-04-27',
      explanation: '1 día hábil contado a partir del 24/04/2020 → 27/04/2020',
    },
    {
      what: 'from a Saturday anchor, over a leap day that is a Thursday',
      adoptedOn: '2024-02-24',
      rule: { type: 'business_days', days: 5, from: 'adoption' },
      dueDate: '2024-03-01',
      explanation: '5 días hábiles contados a partir del 24/02/2024 → 01/03/2024',
    },
    {
      what: 'over the first Monday of February and the third Monday of March 2021',
      adoptedOn: '2021-01-29',
      rule: { type: 'business_days', days: 35, from: 'adoption' },
      dueDate: '2021-03-23',
      explanation: '35 días hábiles contados a partir del 29/01/2021; no cuentan: 01/02/2021 (Día de la Constitución), 15/03/2021 (Natalicio de Benito Juárez) → 23/03/2021',
    },
    {
      what: 'over 01/10/2024, the new fr. VII rest day',
      adoptedOn: '2024-09-27',
      rule: { type: 'business_days', days: 3, from: 'adoption' },
      dueDate: '2024-10-03',
      explanation: '3 días hábiles contados a partir del 27/09/2024; no cuentan: 01/10/2024 (Transmisión del Poder Ejecutivo Federal) → 03/10/2024',
    },
    {
      what: 'over 2006: 21 March still rested (fr. III from 2007), 20 March did not',
      adoptedOn: '2006-03-17',
      rule: { type: 'business_days', days: 3, from: 'adoption' },
      dueDate: '2006-03-23',
      explanation: '3 días hábiles contados a partir del 17/03/2006; no cuentan: 21/03/2006 (Natalicio de Benito Juárez) → 23/03/2006',
    },
    {
      what: 'in 2100, which is not a leap year',
      adoptedOn: '2100-02-26',
      rule: { type: 'business_days', days: 1, from: 'adoption' },
      dueDate: '2100-03-01',
      explanation: '1 día hábil contado a partir del 26/02/2100 → 01/03/2100',
    },
  ]);
});

describe('calendar_days: anchor + days, moved to the next business day', () => {
  table([
    {
      what: '34:22/11/2019 + 30 lands on a Sunday → Monday',
      adoptedOn: '2019-11-22',
      rule: { type: 'calendar_days', days: 30, from: 'adoption' },
      dueDate: '2019-12-23',
      explanation: '30 días naturales contados a partir del 22/11/2019 → 22/12/2019, que no es día hábil (domingo); se recorre al siguiente día hábil → 23/12/2019',
    },
    {
      what: '40:24/04/2020 + 7 lands on 1 May (a Friday) → Monday',
      adoptedOn: '2020-04-24',
      rule: { type: 'calendar_days', days: 7, from: 'adoption' },
      dueDate: '2020-05-04',
      explanation: '7 días naturales contados a partir del 24/04/2020 → 01/05/2020, que no es día hábil (Día del Trabajo); se recorre al siguiente día hábil → 04/05/2020',
    },
    {
      what: 'lands on a Sunday followed by the fr. II Monday: both reasons are named',
      adoptedOn: '2019-01-04',
      rule: { type: 'calendar_days', days: 30, from: 'adoption' },
      dueDate: '2019-02-05',
      explanation:
        '30 días naturales contados a partir del 04/01/2019 → 03/02/2019, que no es día hábil (domingo); se recorre al siguiente día hábil; no cuentan: 04/02/2019 (Día de la Constitución) → 05/02/2019',
    },
    {
      what: 'lands in the body’s vacation: rolls past Navidad and Año Nuevo, all named',
      adoptedOn: '2020-12-09',
      rule: { type: 'calendar_days', days: 14, from: 'adoption' },
      calendar: snimhWinter,
      dueDate: '2021-01-04',
      explanation:
        '14 días naturales contados a partir del 09/12/2020 → 23/12/2020, que no es día hábil (Periodo vacacional de invierno); se recorre al siguiente día hábil; no cuentan: 24/12/2020 (Periodo vacacional de invierno), 25/12/2020 (Navidad), 28/12/2020 (Periodo vacacional de invierno), 29/12/2020 (Periodo vacacional de invierno), 30/12/2020 (Periodo vacacional de invierno), 31/12/2020 (Periodo vacacional de invierno), 01/01/2021 (Año Nuevo) → 04/01/2021',
    },
    {
      what: 'across the year end onto a business day (45:30/09/2020 + 92)',
      adoptedOn: '2020-09-30',
      rule: { type: 'calendar_days', days: 92, from: 'adoption' },
      dueDate: '2020-12-31',
      explanation: '92 días naturales contados a partir del 30/09/2020 → 31/12/2020',
    },
    {
      what: 'onto 29/02/2020, a Saturday → Monday 02/03/2020',
      adoptedOn: '2020-02-28',
      rule: { type: 'calendar_days', days: 1, from: 'adoption' },
      dueDate: '2020-03-02',
      explanation: '1 día natural contado a partir del 28/02/2020 → 29/02/2020, que no es día hábil (sábado); se recorre al siguiente día hábil → 02/03/2020',
    },
    {
      what: 'onto 29/02/2024, a Thursday',
      adoptedOn: '2024-02-28',
      rule: { type: 'calendar_days', days: 1, from: { date: '2024-02-28' } },
      dueDate: '2024-02-29',
      explanation: '1 día natural contado a partir del 28/02/2024 → 29/02/2024',
    },
    {
      what: '28/02/2100 + 1 is 01/03/2100: 2100 has no 29 February',
      adoptedOn: '2100-02-28',
      rule: { type: 'calendar_days', days: 1, from: 'adoption' },
      dueDate: '2100-03-01',
      explanation: '1 día natural contado a partir del 28/02/2100 → 01/03/2100',
    },
    {
      what: 'from a milestone date, not from the adoption',
      adoptedOn: '2020-09-30',
      rule: { type: 'calendar_days', days: 30, from: { milestoneId: PROIGUALDAD_DOF } },
      milestones: { [PROIGUALDAD_DOF]: '2020-12-22' },
      dueDate: '2021-01-21',
      explanation: '30 días naturales contados a partir del 22/12/2020 → 21/01/2021',
    },
  ]);
});

describe('months: same day of month, clamped, moved to the next business day', () => {
  table([
    {
      what: '45:30/09/2020 + 5 months: 30 February does not exist → 28/02/2021, a Sunday → 01/03/2021',
      adoptedOn: '2020-09-30',
      rule: { type: 'months', months: 5, from: 'adoption' },
      dueDate: '2021-03-01',
      explanation: '5 meses contados a partir del 30/09/2020 → 28/02/2021, que no es día hábil (domingo); se recorre al siguiente día hábil → 01/03/2021',
    },
    {
      what: '31/01/2020 + 1 month → 29/02/2020 (leap), a Saturday → 02/03/2020',
      adoptedOn: '2020-01-31',
      rule: { type: 'months', months: 1, from: 'adoption' },
      dueDate: '2020-03-02',
      explanation: '1 mes contado a partir del 31/01/2020 → 29/02/2020, que no es día hábil (sábado); se recorre al siguiente día hábil → 02/03/2020',
    },
    {
      what: '31/01/2024 + 1 month → 29/02/2024, a Thursday',
      adoptedOn: '2024-01-31',
      rule: { type: 'months', months: 1, from: 'adoption' },
      dueDate: '2024-02-29',
      explanation: '1 mes contado a partir del 31/01/2024 → 29/02/2024',
    },
    {
      what: '31/01/2100 + 1 month → 28/02/2100 (not leap), a Sunday → 01/03/2100',
      adoptedOn: '2100-01-31',
      rule: { type: 'months', months: 1, from: 'adoption' },
      dueDate: '2100-03-01',
      explanation: '1 mes contado a partir del 31/01/2100 → 28/02/2100, que no es día hábil (domingo); se recorre al siguiente día hábil → 01/03/2100',
    },
    {
      what: '29/02/2020 + 12 months → 28/02/2021, a Sunday → 01/03/2021',
      adoptedOn: '2020-02-29',
      rule: { type: 'months', months: 12, from: 'adoption' },
      dueDate: '2021-03-01',
      explanation: '12 meses contados a partir del 29/02/2020 → 28/02/2021, que no es día hábil (domingo); se recorre al siguiente día hábil → 01/03/2021',
    },
    {
      what: 'lands on Navidad across the year end → 28/12/2020',
      adoptedOn: '2020-10-25',
      rule: { type: 'months', months: 2, from: 'adoption' },
      dueDate: '2020-12-28',
      explanation: '2 meses contados a partir del 25/10/2020 → 25/12/2020, que no es día hábil (Navidad); se recorre al siguiente día hábil → 28/12/2020',
    },
    {
      what: 'lands on 01/10/2024 (fr. VII since DOF 30/09/2024) → 02/10/2024',
      adoptedOn: '2024-07-01',
      rule: { type: 'months', months: 3, from: 'adoption' },
      dueDate: '2024-10-02',
      explanation: '3 meses contados a partir del 01/07/2024 → 01/10/2024, que no es día hábil (Transmisión del Poder Ejecutivo Federal); se recorre al siguiente día hábil → 02/10/2024',
    },
    {
      what: '37:22/11/2019 + 12 months lands on a Sunday; the Monday after is no longer the Revolución',
      adoptedOn: '2019-11-22',
      rule: { type: 'months', months: 12, from: { date: '2019-11-22' } },
      dueDate: '2020-11-23',
      explanation: '12 meses contados a partir del 22/11/2019 → 22/11/2020, que no es día hábil (domingo); se recorre al siguiente día hábil → 23/11/2020',
    },
  ]);
});

describe('period_end and date: the calendar day itself, never moved', () => {
  table([
    ['Q1', 2020, '2020-03-31', 'primer trimestre'],
    ['Q2', 2021, '2021-06-30', 'segundo trimestre'],
    ['Q3', 2021, '2021-09-30', 'tercer trimestre'],
    ['Q4', 2020, '2020-12-31', 'cuarto trimestre'],
    ['H1', 2021, '2021-06-30', 'primer semestre'],
    ['H2', 2100, '2100-12-31', 'segundo semestre'],
    ['year', 2022, '2022-12-31', 'año'], // a Saturday: the contract says the last calendar day
  ].map(([period, year, due, label]) => ({
    what: `${period} ${year} → ${due}`,
    adoptedOn: '2019-11-22',
    rule: DeadlineRule.parse({ type: 'period_end', period, year }),
    dueDate: due as string,
    explanation: `Último día del ${label} de ${year} → ${(due as string).split('-').reverse().join('/')}`,
  })));

  table([
    {
      what: 'a fixed date on a Saturday stays',
      adoptedOn: '2020-09-30',
      rule: { type: 'date', date: '2021-01-02' },
      dueDate: '2021-01-02',
      explanation: 'Fecha fija: 02/01/2021',
    },
  ]);
});

describe('DeadlineRule schema', () => {
  it('defaults the anchor to the adoption', () => {
    expect(DeadlineRule.parse({ type: 'business_days', days: 15 })).toEqual({ type: 'business_days', days: 15, from: 'adoption' });
  });

  it.each([
    { type: 'business_days', days: 0 },
    { type: 'business_days', days: 1.5 },
    { type: 'calendar_days', days: 3661 },
    { type: 'months', months: 0 },
    { type: 'months', months: 3, from: { milestoneId: 'publicación' } },
    { type: 'months', months: 3, from: { date: '2021-02-30' } },
    { type: 'period_end', period: 'Q5', year: 2021 },
    { type: 'date', date: '2100-02-29' },
    { type: 'none', days: 3 },
    { type: 'weeks', weeks: 2 },
  ])('rejects %j', (rule) => {
    expect(DeadlineRule.safeParse(rule).success).toBe(false);
  });

  it('tells which milestone a rule waits for', () => {
    expect(milestoneOf({ type: 'months', months: 3, from: { milestoneId: PROIGUALDAD_DOF } })).toBe(PROIGUALDAD_DOF);
    expect(milestoneOf({ type: 'business_days', days: 3, from: 'adoption' })).toBeUndefined();
    expect(milestoneOf({ type: 'calendar_days', days: 3, from: { date: '2020-01-01' } })).toBeUndefined();
    expect(milestoneOf({ type: 'period_end', period: 'Q1', year: 2020 })).toBeUndefined();
    expect(milestoneOf({ type: 'none' })).toBeUndefined();
  });
});

describe('properties of the deadline rules', () => {
  const nonWorkingArb = fc.array(
    fc.oneof(
      localDateArb(2000, 2100),
      fc.tuple(localDateArb(2000, 2100), fc.integer({ min: 0, max: 15 })).map(([from, n]): NonWorkingDay => ({ from, to: addDays(from, n), name: 'Vacaciones' })),
    ),
    { maxLength: 4 },
  );
  const anchorArb: fc.Arbitrary<Anchor> = fc.oneof(
    fc.constant('adoption' as const),
    localDateArb(2000, 2099).map((date) => ({ date })),
    fc.constant({ milestoneId: PROIGUALDAD_DOF }),
  );
  const ruleArb: fc.Arbitrary<DeadlineRule> = fc.oneof(
    fc.record({ type: fc.constant('business_days' as const), days: fc.integer({ min: 1, max: 120 }), from: anchorArb }),
    fc.record({ type: fc.constant('calendar_days' as const), days: fc.integer({ min: 1, max: 400 }), from: anchorArb }),
    fc.record({ type: fc.constant('months' as const), months: fc.integer({ min: 1, max: 24 }), from: anchorArb }),
  );
  const caseArb = fc.record({
    rule: ruleArb,
    adoptedOn: localDateArb(2000, 2099),
    milestone: fc.option(localDateArb(2000, 2099), { nil: undefined }),
    nonWorkingDays: nonWorkingArb,
  });

  it('due dates are never before their anchor; business_days, calendar_days and months due dates are business days', () => {
    fc.assert(
      fc.property(caseArb, ({ rule, adoptedOn, milestone, nonWorkingDays }) => {
        if (rule.type !== 'business_days' && rule.type !== 'calendar_days' && rule.type !== 'months') return;
        const calendar = businessCalendar(nonWorkingDays);
        const milestoneDates: Record<string, LocalDate> = milestone ? { [PROIGUALDAD_DOF]: milestone } : {};
        const { dueDate, explanation } = evaluateDeadline(rule, { adoptedOn, calendar, milestoneDates });
        const anchor = rule.from === 'adoption' ? adoptedOn : 'date' in rule.from ? rule.from.date : milestone;
        if (anchor === undefined) {
          expect(dueDate).toBeNull();
          expect(explanation).toContain('hito que aún no ocurre');
          return;
        }
        expect(dueDate).not.toBeNull();
        const due = dueDate as LocalDate;
        expect(compareDates(due, anchor)).toBe(1);
        expect(calendar.isBusinessDay(due)).toBe(true);
        expect(explanation.endsWith(`→ ${due.split('-').reverse().join('/')}`)).toBe(true);
        if (rule.type !== 'business_days') {
          const candidate = rule.type === 'calendar_days' ? addDays(anchor, rule.days) : addMonthsClamped(anchor, rule.months);
          expect(due).toBe(nextBusinessDayOnOrAfter(calendar, candidate));
        }
        // Every weekday that did not count is named in the explanation.
        for (const match of explanation.matchAll(/(\d{2})\/(\d{2})\/(\d{4}) \(([^)]+)\)/g)) {
          expect(calendar.restDayName(`${match[3]}-${match[2]}-${match[1]}`)).toBe(match[4]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
