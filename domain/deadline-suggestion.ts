import { z } from 'zod';
import { addDays, isValidLocalDate, lastDayOfMonth, makeDate, yearOf, type LocalDate } from './dates.js';
import { Anchor, DeadlineRule, Period } from './deadline.js';
import { foldText } from './folded-text.js';
import { NUMBER_SOURCE, readSpanishNumber } from './spanish-numbers.js';

// Agreements state their deadlines in words ("en un plazo de quince días
// hábiles", "durante el primer trimestre de 2021", "a más tardar el 30 de junio
// de 2021"). This reads such a text and proposes the deadline rule of the
// contract it states, with the words it relied on and how sure it is, or
// nothing when the text states no deadline. It proposes; the secretariat decides.

/** A milestone anchor the body does not have yet: proposed by name, to be created. */
export const NewMilestoneAnchor = z.strictObject({ milestoneName: z.string().min(1) });
export const SuggestedAnchor = z.union([Anchor, NewMilestoneAnchor]);
export type SuggestedAnchor = z.infer<typeof SuggestedAnchor>;

export const SuggestedRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('date'), date: z.string() }),
  z.strictObject({ type: z.literal('business_days'), days: z.number().int().min(1), from: SuggestedAnchor }),
  z.strictObject({ type: z.literal('calendar_days'), days: z.number().int().min(1), from: SuggestedAnchor }),
  z.strictObject({ type: z.literal('months'), months: z.number().int().min(1), from: SuggestedAnchor }),
  z.strictObject({ type: z.literal('period_end'), period: Period, year: z.number().int() }),
]);
export type SuggestedRule = z.infer<typeof SuggestedRule>;

export const SuggestionEvidence = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  words: z.string(),
});
export type SuggestionEvidence = z.infer<typeof SuggestionEvidence>;

export interface DeadlineSuggestion {
  deadline: SuggestedRule;
  evidence: SuggestionEvidence[];
  // 0–1: how plainly the text states the rule (an explicit "días hábiles"
  // after "en un plazo de" is near 1; an inferred year or a bare "días" less).
  confidence: number;
}

export interface MilestoneRef {
  id: string;
  name: string;
}

export interface SuggestionContext {
  // The adoption day, for texts that leave the year implicit ("el primer trimestre del año").
  adoptedOn?: LocalDate | undefined;
  milestones: readonly MilestoneRef[];
}

/** A proposed rule that the contract accepts as it is (no milestone left to create). */
export function completeRule(rule: SuggestedRule): DeadlineRule | undefined {
  const parsed = DeadlineRule.safeParse(rule);
  return parsed.success ? parsed.data : undefined;
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MONTH = `(?:${MONTHS.join('|')}|setiembre)`;
const monthNumber = (name: string) => (name === 'setiembre' ? 9 : MONTHS.indexOf(name) + 1);

const WRITTEN_DATE = `(?:(\\d{1,2}|primero)\\s+de\\s+(${MONTH})\\s+(?:de|del)\\s+(?:ano\\s+)?(\\d{4})|(\\d{1,2})/(\\d{1,2})/(\\d{4}))`;

function dateOf(groups: (string | undefined)[]): LocalDate | undefined {
  const [day, month, year, dd, mm, yyyy] = groups;
  const date =
    day && month && year
      ? makeDate(Number(year), monthNumber(month), day === 'primero' ? 1 : Number(day))
      : dd && mm && yyyy
        ? makeDate(Number(yyyy), Number(mm), Number(dd))
        : undefined;
  return date && isValidLocalDate(date) ? date : undefined;
}

interface Candidate extends DeadlineSuggestion {
  at: number;
}

const span = (original: string, start: number, end: number): SuggestionEvidence => ({
  start,
  end,
  words: original.slice(start, end),
});

// What comes before an amount when it is a deadline: "en un plazo de",
// "dentro de los", "en los siguientes", "durante los", "a más tardar en".
const AMOUNT_CUE =
  /(?:^|[\s,(])(?:(?:(?:en|dentro de) (?:un|el) )?plazo(?: no mayor| maximo| de hasta| improrrogable)?(?: de| a)?(?: hasta)?|dentro de(?: los| las)?(?: siguientes| proximos| proximas)?|(?:en|durante|a lo largo de)(?: los| las| un| una)?(?: siguientes| proximos| proximas)?|a mas tardar (?:en|dentro de)(?: los| las)?|(?:termino|lapso|periodo) de)\s*$/;
// …and what may follow it instead: "quince días hábiles contados a partir de", "tres meses posteriores a".
const AFTER_CUE = /^\s*,?\s*(?:siguientes|posteriores|contad|contabiliz|computad|a partir|despues)/;

const UNIT = '(dias?\\s+habil(?:es)?|dias?\\s+natural(?:es)?|dias?\\s+calendario|dias?|semanas?|meses|mes|trimestres?|semestres?|anos?)';
const AMOUNT = new RegExp(`(?<![\\w-])(${NUMBER_SOURCE})(?:\\s*\\((${NUMBER_SOURCE})\\))?\\s+${UNIT}(?![\\w])`, 'g');

type Amount = { type: 'business_days' | 'calendar_days'; days: number } | { type: 'months'; months: number };

function amountOf(count: number, unit: string): { amount: Amount; sure: boolean } {
  if (/habil/.test(unit)) return { amount: { type: 'business_days', days: count }, sure: true };
  if (/natural|calendario/.test(unit)) return { amount: { type: 'calendar_days', days: count }, sure: true };
  // Ley Federal de Procedimiento Administrativo, art. 28: a term in days counts business days.
  if (/^dias?$/.test(unit)) return { amount: { type: 'business_days', days: count }, sure: false };
  if (/^semana/.test(unit)) return { amount: { type: 'calendar_days', days: count * 7 }, sure: true };
  if (/^trimestre/.test(unit)) return { amount: { type: 'months', months: count * 3 }, sure: true };
  if (/^semestre/.test(unit)) return { amount: { type: 'months', months: count * 6 }, sure: true };
  if (/^ano/.test(unit)) return { amount: { type: 'months', months: count * 12 }, sure: true };
  return { amount: { type: 'months', months: count }, sure: true };
}

// "a partir de la aprobación", "a partir de esta sesión": the adoption itself.
const ADOPTION_PHRASE =
  /^(?:(?:la|su|esta|la presente|la misma)\s+)?(?:fecha\s+(?:de\s+)?(?:la\s+|su\s+)?)?(?:aprobacion|adopcion|celebracion|presente sesion|sesion|firma del acta)\b/;
const ANCHOR_WORDS = /^\s*,?\s*(?:(?:contad|contabilizad|computad)[oa]s?\s+)?(?:a partir|despues|posteriores?|siguientes?)(?:\s+(?:del|de|al|a))?\b/;
// Words before an event that are not its name: "la fecha en la que (el INMUJERES envíe…)", "que (…)".
const EVENT_LEAD = /^(?:(?:la\s+)?fecha\s+en\s+(?:la\s+)?que|el\s+momento\s+en\s+que|la\s+fecha\s+de|que)\s+/;
const ARTICLE = /^(?:la|el|los|las)\s+/;

interface AnchorReading {
  anchor: SuggestedAnchor;
  evidence: SuggestionEvidence[];
  sure: boolean;
}

function readAnchor(original: string, folded: string, from: number, context: SuggestionContext): AnchorReading {
  const rest = folded.slice(from);
  const words = ANCHOR_WORDS.exec(rest);
  if (!words) return { anchor: 'adoption', evidence: [], sure: true };
  const cueStart = from + words[0].length - words[0].trimStart().length;
  let phraseStart = from + words[0].length;
  while (folded[phraseStart] === ' ') phraseStart += 1;
  const clause = folded.slice(phraseStart).split(/[.;]|,\s/)[0] ?? '';
  const phraseEnd = phraseStart + clause.trimEnd().length;
  const cue = span(original, cueStart, phraseEnd);
  if (clause.trim() === '') return { anchor: 'adoption', evidence: [cue], sure: true };

  const date = new RegExp(`^(?:el\\s+)?(?:dia\\s+)?${WRITTEN_DATE}`).exec(clause);
  const onDate = date ? dateOf(date.slice(1)) : undefined;
  if (onDate) return { anchor: { date: onDate }, evidence: [cue], sure: true };
  if (ADOPTION_PHRASE.test(clause)) return { anchor: 'adoption', evidence: [cue], sure: true };

  const lead = EVENT_LEAD.exec(clause)?.[0].length ?? 0;
  const event = clause.slice(lead);
  const article = ARTICLE.exec(event)?.[0].length ?? 0;
  const nameStart = phraseStart + lead + article;
  const name = original.slice(nameStart, phraseEnd).trim();
  const matched = matchMilestone(event, context.milestones);
  if (matched) return { anchor: { milestoneId: matched.id }, evidence: [cue], sure: true };
  const proposed = name.charAt(0).toLocaleUpperCase('es-MX') + name.slice(1);
  return { anchor: { milestoneName: proposed }, evidence: [cue], sure: false };
}

const STOPWORDS = new Set(['para', 'como', 'sobre', 'entre', 'este', 'esta', 'estos', 'estas', 'dicho', 'dicha', 'fecha', 'cual', 'cuales', 'sera', 'seran']);

// Words reduced to their first four letters, so "envíe" meets "envío" and
// "publicación" meets "publicado"; years and other numbers stay whole.
function stems(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of foldText(text).match(/[a-z0-9]+/g) ?? []) {
    if (/^\d+$/.test(word)) {
      if (word.length >= 2) result.add(word);
    } else if (word.length >= 4 && !STOPWORDS.has(word)) {
      result.add(word.slice(0, 4));
    }
  }
  return result;
}

const MATCH_THRESHOLD = 0.25;

/** The body's milestone an event phrase names, by the words they share (Dice coefficient of stems). */
export function matchMilestone(phrase: string, milestones: readonly MilestoneRef[]): MilestoneRef | undefined {
  const wanted = stems(phrase);
  let best: { milestone: MilestoneRef; score: number } | undefined;
  for (const milestone of milestones) {
    const have = stems(milestone.name);
    const shared = [...wanted].filter((stem) => have.has(stem)).length;
    const score = wanted.size + have.size === 0 ? 0 : (2 * shared) / (wanted.size + have.size);
    if (score >= MATCH_THRESHOLD && (!best || score > best.score)) best = { milestone, score };
  }
  return best?.milestone;
}

function amountCandidates(original: string, folded: string, context: SuggestionContext): Candidate[] {
  const found: Candidate[] = [];
  for (const match of folded.matchAll(AMOUNT)) {
    const start = match.index;
    const end = start + match[0].length;
    const count = readSpanishNumber(match[1] ?? '') ?? readSpanishNumber(match[2] ?? '');
    if (count === undefined || count < 1) continue;
    const before = folded.slice(Math.max(0, start - 60), start).split(/[.;:]/).pop() ?? '';
    const cuedBefore = AMOUNT_CUE.test(before);
    const cuedAfter = AFTER_CUE.test(folded.slice(end));
    const { amount, sure } = amountOf(count, match[3] ?? '');
    const explicitUnit = amount.type !== 'months' && sure && !/semana/.test(match[3] ?? '');
    if (!cuedBefore && !cuedAfter && !explicitUnit) continue;
    const anchor = readAnchor(original, folded, end, context);
    let confidence = cuedBefore ? 0.9 : cuedAfter ? 0.8 : 0.6;
    if (!sure) confidence *= 0.75;
    if (!anchor.sure) confidence *= 0.85;
    const cueStart = cuedBefore ? start - (AMOUNT_CUE.exec(before)?.[0].trimStart().length ?? 0) : start;
    found.push({
      at: start,
      deadline: { ...amount, from: anchor.anchor },
      evidence: [span(original, Math.max(0, cueStart), end), ...anchor.evidence],
      confidence,
    });
  }
  return found;
}

// "a más tardar el 30 de junio de 2021", "antes del 31/03/2021".
const DATE_CUE = new RegExp(
  `(a mas tardar|hasta|no despues|como maximo|fecha limite|limite|antes)\\s*(?:el|del|al|de|:)?\\s*(?:dia\\s+)?${WRITTEN_DATE}`,
  'g',
);

function dateCandidates(original: string, folded: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of folded.matchAll(DATE_CUE)) {
    const date = dateOf(match.slice(2));
    if (!date) continue;
    // "antes del 30 de junio": the last day that is still before it.
    const due = match[1] === 'antes' ? addDays(date, -1) : date;
    found.push({
      at: match.index,
      deadline: { type: 'date', date: due },
      evidence: [span(original, match.index, match.index + match[0].length)],
      confidence: 0.9,
    });
  }
  return found;
}

const PERIOD_CUE = '(?:durante|en|dentro|a lo largo|antes de que (?:concluya|termine)|al (?:cierre|termino|final)|a mas tardar|para)';
const ORDINAL_PERIOD = new RegExp(
  `${PERIOD_CUE}\\s+(?:(?:el|del|de)\\s+)?(primer|segundo|tercer|cuarto)\\s+(trimestre|semestre)(?:\\s+(?:de|del)\\s+(?:(?:ano|ejercicio(?:\\s+fiscal)?)\\s+)?(?:(\\d{4})|(?:presente|este)\\s+ano|ano\\s+en\\s+curso|ano))?`,
  'g',
);
const WHOLE_YEAR = new RegExp(`${PERIOD_CUE}\\s+(?:(?:el|del)\\s+)?(?:(?:transcurso|curso)\\s+(?:de|del)\\s+)?(?:(?:ano|ejercicio(?:\\s+fiscal)?)\\s+)?(\\d{4})(?![\\d-])`, 'g');
const ORDINALS = ['primer', 'segundo', 'tercer', 'cuarto'];

function periodCandidates(original: string, folded: string, context: SuggestionContext): Candidate[] {
  const found: Candidate[] = [];
  for (const match of folded.matchAll(ORDINAL_PERIOD)) {
    const ordinal = ORDINALS.indexOf(match[1] ?? '') + 1;
    const quarter = match[2] === 'trimestre';
    if (!quarter && ordinal > 2) continue;
    const period: Period = quarter ? (`Q${ordinal}` as Period) : ordinal === 1 ? 'H1' : 'H2';
    const stated = match[3] ? Number(match[3]) : undefined;
    const year = stated ?? (context.adoptedOn ? yearOf(context.adoptedOn) : undefined);
    if (year === undefined) continue;
    found.push({
      at: match.index,
      deadline: { type: 'period_end', period, year },
      evidence: [span(original, match.index, match.index + match[0].length)],
      confidence: stated ? 0.9 : 0.75,
    });
  }
  for (const match of folded.matchAll(WHOLE_YEAR)) {
    found.push({
      at: match.index,
      deadline: { type: 'period_end', period: 'year', year: Number(match[1]) },
      evidence: [span(original, match.index, match.index + match[0].length)],
      confidence: 0.8,
    });
  }
  return found;
}

// "durante los meses de octubre y noviembre", "a más tardar en marzo de 2021": the named month's last day.
const NAMED_MONTHS = new RegExp(
  `(?:durante|a lo largo de|en el transcurso de|a mas tardar en|antes de que (?:concluya|termine))\\s+(?:(?:el\\s+mes|los\\s+meses)\\s+de\\s+)?(${MONTH}(?:\\s*(?:,|y|a)\\s*(?:el\\s+mes\\s+de\\s+)?${MONTH})*)(?:\\s+(?:de|del)\\s+(?:ano\\s+)?(\\d{4}))?`,
  'g',
);

function namedMonthCandidates(original: string, folded: string, context: SuggestionContext): Candidate[] {
  const found: Candidate[] = [];
  for (const match of folded.matchAll(NAMED_MONTHS)) {
    const months = (match[1] ?? '').match(new RegExp(MONTH, 'g')) ?? [];
    const last = months.at(-1);
    if (!last) continue;
    const month = monthNumber(last);
    let year = match[2] ? Number(match[2]) : undefined;
    if (year === undefined && context.adoptedOn) {
      // A month already past at adoption is next year's.
      const adopted = context.adoptedOn;
      year = yearOf(adopted) + (lastDayOfMonth(yearOf(adopted), month) < adopted ? 1 : 0);
    }
    if (year === undefined) continue;
    found.push({
      at: match.index,
      deadline: { type: 'date', date: lastDayOfMonth(year, month) },
      evidence: [span(original, match.index, match.index + match[0].length)],
      confidence: match[2] ? 0.85 : 0.75,
    });
  }
  return found;
}

// "en el marco de los 16 días de activismo": the UN campaign from 25 November
// to 10 December (Día Internacional para la Eliminación de la Violencia contra
// la Mujer to Día de los Derechos Humanos), which agreements name as their term.
const ACTIVISM = /(?:16|dieciseis)\s+dias\s+de\s+activismo/g;

function activismCandidates(original: string, folded: string, context: SuggestionContext): Candidate[] {
  const adopted = context.adoptedOn;
  if (!adopted) return [];
  return [...folded.matchAll(ACTIVISM)].map((match) => {
    const thisYear = makeDate(yearOf(adopted), 12, 10);
    const date = thisYear < adopted ? makeDate(yearOf(adopted) + 1, 12, 10) : thisYear;
    return {
      at: match.index,
      deadline: { type: 'date', date },
      evidence: [span(original, match.index, match.index + match[0].length)],
      confidence: 0.6,
    };
  });
}

/** The deadline a Spanish agreement text states, or null when it states none. */
export function suggestDeadline(text: string, context: SuggestionContext): DeadlineSuggestion | null {
  const folded = foldText(text);
  const candidates = [
    ...amountCandidates(text, folded, context),
    ...dateCandidates(text, folded),
    ...periodCandidates(text, folded, context),
    ...namedMonthCandidates(text, folded, context),
    ...activismCandidates(text, folded, context),
  ];
  const best = candidates.reduce<Candidate | undefined>(
    (chosen, candidate) =>
      !chosen || candidate.confidence > chosen.confidence || (candidate.confidence === chosen.confidence && candidate.at < chosen.at)
        ? candidate
        : chosen,
    undefined,
  );
  if (!best) return null;
  return { deadline: best.deadline, evidence: best.evidence, confidence: Math.round(best.confidence * 100) / 100 };
}

// Whether a rule someone typed contradicts the one the text itself states: a
// text that states none contradicts nothing; an anchor the body lacks (a
// milestone only named) differs from any rule of the body.
export function disagreesWithText(rule: DeadlineRule, suggestion: DeadlineSuggestion | null): boolean {
  if (!suggestion) return false;
  return JSON.stringify(canonicalRule(rule)) !== JSON.stringify(canonicalRule(suggestion.deadline));
}

function canonicalRule(rule: DeadlineRule | SuggestedRule): unknown {
  return Object.fromEntries(Object.entries(rule).sort(([a], [b]) => a.localeCompare(b)));
}
