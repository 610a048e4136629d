import { z } from 'zod';
import {
  addBusinessDays,
  excludedWeekdays,
  nextBusinessDayOnOrAfter,
  type BusinessCalendar,
} from './calendar.js';
import { addDays, addMonthsClamped, dayOfWeek, formatDmy, lastDayOfMonth, LocalDate } from './dates.js';

export const Anchor = z.union([
  z.literal('adoption'),
  z.strictObject({ date: LocalDate }),
  z.strictObject({ milestoneId: z.uuid() }),
]);
export type Anchor = z.infer<typeof Anchor>;

export const Period = z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'year']);
export type Period = z.infer<typeof Period>;

export const DeadlineRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('date'), date: LocalDate }),
  z.strictObject({ type: z.literal('business_days'), days: z.number().int().min(1).max(2000), from: Anchor.default('adoption') }),
  z.strictObject({ type: z.literal('calendar_days'), days: z.number().int().min(1).max(3660), from: Anchor.default('adoption') }),
  z.strictObject({ type: z.literal('months'), months: z.number().int().min(1).max(120), from: Anchor.default('adoption') }),
  z.strictObject({ type: z.literal('period_end'), period: Period, year: z.number().int().min(1900).max(2200) }),
]);
export type DeadlineRule = z.infer<typeof DeadlineRule>;

export interface DeadlineContext {
  adoptedOn: LocalDate;
  calendar: BusinessCalendar;
  // Dates on which milestones occurred; a milestone absent or undefined has not occurred.
  milestoneDates: Readonly<Record<string, LocalDate | undefined>>;
}

export interface DueDate {
  dueDate: LocalDate | null;
  explanation: string;
}

// The milestone a rule waits for, if any.
export function milestoneOf(rule: DeadlineRule): string | undefined {
  if (rule.type === 'business_days' || rule.type === 'calendar_days' || rule.type === 'months') {
    return typeof rule.from === 'object' && 'milestoneId' in rule.from ? rule.from.milestoneId : undefined;
  }
  return undefined;
}

function anchorDate(anchor: Anchor, ctx: DeadlineContext): LocalDate | undefined {
  if (anchor === 'adoption') return ctx.adoptedOn;
  if ('date' in anchor) return anchor.date;
  return ctx.milestoneDates[anchor.milestoneId];
}

// The last month of each period and how a sentence names it.
export const PERIOD_END: Record<Period, { month: number; label: string }> = {
  Q1: { month: 3, label: 'primer trimestre' },
  Q2: { month: 6, label: 'segundo trimestre' },
  Q3: { month: 9, label: 'tercer trimestre' },
  Q4: { month: 12, label: 'cuarto trimestre' },
  H1: { month: 6, label: 'primer semestre' },
  H2: { month: 12, label: 'segundo semestre' },
  year: { month: 12, label: 'año' },
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function excludedList(excluded: { date: LocalDate; name: string }[]): string {
  return excluded.map((e) => `${formatDmy(e.date)} (${e.name})`).join(', ');
}

// Why a date is not a business day, for the explanation of a moved due date.
function whyNotBusiness(date: LocalDate, calendar: BusinessCalendar): string {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return 'sábado';
  if (weekday === 0) return 'domingo';
  return calendar.restDayName(date) ?? 'día inhábil';
}

// A date that lands on a non-business day moves to the next business day. Rest
// days met on the way are named too: without them a reader cannot tell why a
// Sunday moved to Tuesday (the Monday was Día de la Constitución).
function rolled(candidate: LocalDate, calendar: BusinessCalendar, head: string): DueDate {
  const due = nextBusinessDayOnOrAfter(calendar, candidate);
  if (due === candidate) return { dueDate: due, explanation: `${head} → ${formatDmy(due)}` };
  const alsoExcluded = excludedWeekdays(calendar, addDays(candidate, 1), due);
  const skipped = alsoExcluded.length > 0 ? `; no cuentan: ${excludedList(alsoExcluded)}` : '';
  return {
    dueDate: due,
    explanation: `${head} → ${formatDmy(candidate)}, que no es día hábil (${whyNotBusiness(candidate, calendar)}); se recorre al siguiente día hábil${skipped} → ${formatDmy(due)}`,
  };
}

export function evaluateDeadline(rule: DeadlineRule, ctx: DeadlineContext): DueDate {
  switch (rule.type) {
    case 'none':
      return { dueDate: null, explanation: 'Sin plazo.' };
    case 'date':
      return { dueDate: rule.date, explanation: `Fecha fija: ${formatDmy(rule.date)}` };
    case 'period_end': {
      const { month, label } = PERIOD_END[rule.period];
      const due = lastDayOfMonth(rule.year, month);
      return { dueDate: due, explanation: `Último día del ${label} de ${rule.year} → ${formatDmy(due)}` };
    }
    case 'business_days':
    case 'calendar_days':
    case 'months': {
      const from = anchorDate(rule.from, ctx);
      const amount =
        rule.type === 'business_days'
          ? plural(rule.days, 'día hábil', 'días hábiles')
          : rule.type === 'calendar_days'
            ? plural(rule.days, 'día natural', 'días naturales')
            : plural(rule.months, 'mes', 'meses');
      if (!from) {
        return { dueDate: null, explanation: `${amount} a partir de un hito que aún no ocurre; sin fecha de vencimiento mientras tanto.` };
      }
      // "1 mes contado", "3 meses contados": the participle agrees with the amount.
      const count = rule.type === 'months' ? rule.months : rule.days;
      const head = `${amount} ${count === 1 ? 'contado' : 'contados'} a partir del ${formatDmy(from)}`;
      if (rule.type === 'business_days') {
        const due = addBusinessDays(ctx.calendar, from, rule.days);
        const excluded = excludedWeekdays(ctx.calendar, addDays(from, 1), due);
        const skipped = excluded.length > 0 ? `; no cuentan: ${excludedList(excluded)}` : '';
        return { dueDate: due, explanation: `${head}${skipped} → ${formatDmy(due)}` };
      }
      const candidate = rule.type === 'calendar_days' ? addDays(from, rule.days) : addMonthsClamped(from, rule.months);
      return rolled(candidate, ctx.calendar, head);
    }
    default: {
      const unreachable: never = rule;
      return unreachable;
    }
  }
}
