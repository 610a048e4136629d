import fc from 'fast-check';
import { makeDate, type LocalDate } from '../../../domain/dates.js';
import type { SuggestedRule } from '../../../domain/deadline-suggestion.js';

// A small generator of agreement sentences that state a deadline rule the way
// secretariats write them, to read back with suggestDeadline.

const UNITS = ['', 'un', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince',
  'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiún', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco',
  'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve'];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];

/** A number from 1 to 999 in Spanish words, as in "cuarenta y cinco" or "ciento veinte". */
export function inWords(n: number): string {
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const below = rest < 30 ? UNITS[rest] : `${TENS[Math.floor(rest / 10)]}${rest % 10 ? ` y ${UNITS[rest % 10]}` : ''}`;
  return [HUNDREDS[hundreds], below].filter(Boolean).join(' ');
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const writtenDate = (date: LocalDate) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} de ${MONTHS[(m ?? 1) - 1]} de ${y}`;
};

export const MILESTONE = { id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Publicación de los Lineamientos en el DOF' };

const number = (n: number) => fc.constantFrom(String(n), inWords(n), `${inWords(n)} (${n})`);
const adoptionAnchor = fc.constantFrom('', ' contados a partir de la aprobación del presente acuerdo', ' siguientes a la celebración de esta sesión');

const subject = fc.constantFrom(
  'Las instituciones integrantes del Sistema remitirán sus comentarios al Instituto',
  'El INMUJERES enviará a las Unidades de Igualdad de Género el informe',
  'Las dependencias participantes elaborarán un programa de trabajo',
);
const tail = fc.constantFrom('.', ', a fin de dar seguimiento al programa.', ' con el apoyo de la Secretaría Técnica.');

const dateArb = fc
  .record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => makeDate(y, m, d));

type Anchored = Extract<SuggestedRule, { from: unknown }>;
const anchored = (anchor: fc.Arbitrary<{ words: string; from: Anchored['from'] }>) => anchor;

const anchorArb = fc.oneof(
  adoptionAnchor.map((words) => ({ words, from: 'adoption' as const })),
  dateArb.map((date) => ({ words: ` contados a partir del ${writtenDate(date)}`, from: { date } })),
  fc.constant({ words: ` posteriores a la publicación de los Lineamientos en el DOF`, from: { milestoneId: MILESTONE.id } }),
);

const amountArb: fc.Arbitrary<{ words: fc.Arbitrary<string>; rule: (from: Anchored['from']) => SuggestedRule }> = fc.oneof(
  fc.integer({ min: 1, max: 120 }).map((n) => ({
    words: number(n).map((w) => `${w} ${n === 1 ? 'día hábil' : 'días hábiles'}`),
    rule: (from: Anchored['from']) => ({ type: 'business_days' as const, days: n, from }),
  })),
  fc.integer({ min: 2, max: 365 }).map((n) => ({
    words: number(n).map((w) => `${w} días naturales`),
    rule: (from: Anchored['from']) => ({ type: 'calendar_days' as const, days: n, from }),
  })),
  fc.integer({ min: 1, max: 24 }).map((n) => ({
    words: number(n).map((w) => `${w} ${n === 1 ? 'mes' : 'meses'}`),
    rule: (from: Anchored['from']) => ({ type: 'months' as const, months: n, from }),
  })),
);

const leadArb = fc.constantFrom('en un plazo de', 'en un plazo no mayor a', 'dentro de los', 'en los siguientes', 'durante los');

const amountSentence = fc
  .tuple(subject, leadArb, amountArb, anchored(anchorArb), tail)
  .chain(([who, lead, amount, anchor, end]) =>
    amount.words.map((words) => ({ text: `${who} ${lead} ${words}${anchor.words}${end}`, rule: amount.rule(anchor.from) })),
  );

const periodSentence = fc
  .tuple(subject, fc.constantFrom(['primer', 'Q1'], ['segundo', 'Q2'], ['tercer', 'Q3'], ['cuarto', 'Q4']), fc.integer({ min: 2020, max: 2030 }), tail)
  .map(([who, [ordinal, period], year, end]) => ({
    text: `${who} durante el ${ordinal} trimestre de ${year}${end}`,
    rule: { type: 'period_end', period, year } as SuggestedRule,
  }));

const semesterSentence = fc
  .tuple(subject, fc.constantFrom(['primer', 'H1'], ['segundo', 'H2']), fc.integer({ min: 2020, max: 2030 }), tail)
  .map(([who, [ordinal, period], year, end]) => ({
    text: `${who} a más tardar al cierre del ${ordinal} semestre de ${year}${end}`,
    rule: { type: 'period_end', period, year } as SuggestedRule,
  }));

const dateSentence = fc.tuple(subject, dateArb, tail).map(([who, date, end]) => ({
  text: `${who} a más tardar el ${writtenDate(date)}${end}`,
  rule: { type: 'date', date } as SuggestedRule,
}));

/** A sentence and the rule it states. */
export const deadlineSentence = fc.oneof(
  { weight: 4, arbitrary: amountSentence },
  { weight: 1, arbitrary: periodSentence },
  { weight: 1, arbitrary: semesterSentence },
  { weight: 1, arbitrary: dateSentence },
);

/** Agreement sentences that state no deadline (numbers and dates that are not terms included). */
export const sentenceWithoutDeadline = fc.constantFrom(
  'Las instituciones difundirán el Acuerdo por la Igualdad firmado por el Presidente de la República.',
  'Se aprueba la incorporación de 3 instituciones como invitadas permanentes del Sistema.',
  'Las dependencias informarán sobre los 12 programas presupuestarios con perspectiva de género.',
  'El INMUJERES presentó el informe del Decreto publicado el 30 de junio de 2021 en el DOF.',
  'Las instituciones adoptarán el Protocolo una vez realizada su publicación en el Diario Oficial de la Federación.',
);
