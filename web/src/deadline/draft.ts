import { isValidLocalDate, lastDayOfMonth, formatDmy } from '../../../domain/dates';
import { DeadlineRule, Period, PERIOD_END, type Anchor } from '../../../domain/deadline';
import { fieldMessage, type FieldProblem } from '../api/errors';

// A deadline as a person types it: every field a string, kept whatever the
// type chosen, so switching "Tipo de plazo" back and forth loses nothing. It
// becomes the contract's rule (domain/deadline.ts) only when complete.

export type DeadlineType = DeadlineRule['type'];

export interface DeadlineDraft {
  type: DeadlineType;
  days: string;
  months: string;
  date: string;
  period: Period;
  year: string;
  // "A partir de": 'adoption', 'date' (then fromDate), or a milestone's id.
  from: string;
  fromDate: string;
}

export const TYPE_LABEL: Record<DeadlineType, string> = {
  none: 'Sin plazo',
  date: 'Fecha',
  business_days: 'Días hábiles',
  calendar_days: 'Días naturales',
  months: 'Meses',
  period_end: 'Fin de periodo',
};

export const DEADLINE_TYPES = Object.keys(TYPE_LABEL) as DeadlineType[];
export const PERIODS = Period.options;

// "Primer trimestre (31/03)": the label the domain's explanation uses, and the day it ends.
export function periodLabel(period: Period): string {
  const { label, month } = PERIOD_END[period];
  const end = formatDmy(lastDayOfMonth(2001, month)).slice(0, 5);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} (al ${end})`;
}

export function emptyDraft(year: number): DeadlineDraft {
  return { type: 'business_days', days: '', months: '', date: '', period: 'year', year: String(year), from: 'adoption', fromDate: '' };
}

function anchorDraft(anchor: Anchor): Pick<DeadlineDraft, 'from' | 'fromDate'> {
  if (anchor === 'adoption') return { from: 'adoption', fromDate: '' };
  if ('date' in anchor) return { from: 'date', fromDate: anchor.date };
  return { from: anchor.milestoneId, fromDate: '' };
}

// The draft of a rule in force, to change it from where it stands.
export function draftOf(rule: DeadlineRule, year: number): DeadlineDraft {
  const draft = { ...emptyDraft(year), type: rule.type };
  switch (rule.type) {
    case 'none':
      return draft;
    case 'date':
      return { ...draft, date: rule.date };
    case 'business_days':
    case 'calendar_days':
      return { ...draft, days: String(rule.days), ...anchorDraft(rule.from) };
    case 'months':
      return { ...draft, months: String(rule.months), ...anchorDraft(rule.from) };
    case 'period_end':
      return { ...draft, period: rule.period, year: String(rule.year) };
    default: {
      const unreachable: never = rule;
      return unreachable;
    }
  }
}

// The bounds the API enforces, read from the domain's own schema.
export function boundsOf(type: DeadlineType, field: 'days' | 'months' | 'year'): { min: number; max: number } {
  const option = DeadlineRule.options.find((o) => o.shape.type.value === type);
  const shape: Record<string, unknown> | undefined = option?.shape;
  const schema = shape?.[field] as { minValue: number | null; maxValue: number | null } | undefined;
  return { min: schema?.minValue ?? 1, max: schema?.maxValue ?? Number.MAX_SAFE_INTEGER };
}

function wholeNumber(text: string, range: { min: number; max: number }): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= range.min && n <= range.max ? n : undefined;
}

export type DraftResult = { rule: DeadlineRule; problems: [] } | { rule: undefined; problems: FieldProblem[] };

function problem(field: string, message: string): DraftResult {
  return { rule: undefined, problems: [{ field: `deadline.${field}`, message }] };
}

function anchorOf(draft: DeadlineDraft): Anchor | DraftResult {
  if (draft.from === 'adoption') return 'adoption';
  if (draft.from === 'date') {
    if (!draft.fromDate) return problem('from.date', 'Indique la fecha desde la que se cuenta el plazo.');
    if (!isValidLocalDate(draft.fromDate)) return problem('from.date', 'La fecha desde la que se cuenta no es válida.');
    return { date: draft.fromDate };
  }
  return { milestoneId: draft.from };
}

const isResult = (value: Anchor | DraftResult): value is DraftResult => typeof value === 'object' && 'problems' in value;

// The rule the draft says, or what is still missing, each problem named as the
// API names the field (`deadline.days`), so one place shows either.
export function ruleOf(draft: DeadlineDraft): DraftResult {
  switch (draft.type) {
    case 'none':
      return { rule: { type: 'none' }, problems: [] };
    case 'date':
      if (!draft.date) return problem('date', 'Indique la fecha límite.');
      if (!isValidLocalDate(draft.date)) return problem('date', 'La fecha no es válida.');
      return { rule: { type: 'date', date: draft.date }, problems: [] };
    case 'business_days':
    case 'calendar_days': {
      const range = boundsOf(draft.type, 'days');
      const kind = draft.type === 'business_days' ? 'hábiles' : 'naturales';
      if (!draft.days.trim()) return problem('days', `Indique cuántos días ${kind}.`);
      const days = wholeNumber(draft.days, range);
      if (days === undefined) return problem('days', `Escriba un número entero de días de ${range.min} a ${range.max}.`);
      const from = anchorOf(draft);
      if (isResult(from)) return from;
      return { rule: { type: draft.type, days, from }, problems: [] };
    }
    case 'months': {
      const range = boundsOf('months', 'months');
      if (!draft.months.trim()) return problem('months', 'Indique cuántos meses.');
      const months = wholeNumber(draft.months, range);
      if (months === undefined) return problem('months', `Escriba un número entero de meses de ${range.min} a ${range.max}.`);
      const from = anchorOf(draft);
      if (isResult(from)) return from;
      return { rule: { type: 'months', months, from }, problems: [] };
    }
    case 'period_end': {
      const range = boundsOf('period_end', 'year');
      const year = wholeNumber(draft.year, range);
      if (year === undefined) return problem('year', `Escriba un año de ${range.min} a ${range.max}.`);
      return { rule: { type: 'period_end', period: draft.period, year }, problems: [] };
    }
    default: {
      const unreachable: never = draft.type;
      return unreachable;
    }
  }
}

// A form's message for a field: what the form found missing (once the button
// was pressed), else what the API answered for it.
export function problemFinder(own: readonly FieldProblem[], apiError: unknown): (field: string) => string | undefined {
  return (field) => own.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message ?? fieldMessage(apiError, field);
}
