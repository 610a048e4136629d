import { parseLongSpanishDate } from './annex.js';
import { isValidLocalDate, type LocalDate } from './dates.js';
import { DeadlineRule, type Anchor } from './deadline.js';
import { SessionKind } from './session-label.js';

// The rows of an agreements import (CSV with a header row), checked on their
// own, before anything is looked up: the compact forms a secretariat types in
// a spreadsheet become the contract's shapes, or a message for that row.
//
// Columns (header names, any order, any case):
//   session       a session id, or "<kind> <number> <YYYY-MM-DD>"
//                 (e.g. "ordinaria 21 2020-09-30"); a permanent session
//                 without number by its date: "permanente 2023-05-24", or as
//                 the reports write it, "Sesión Permanente, 24 de mayo de 2023"
//   text          the agreement's text
//   responsibles  institution acronyms separated by ";" (e.g. "INMUJERES; SHCP")
//   deadline      none | YYYY-MM-DD | <n>bd | <n>d | <n>m, optionally anchored
//                 with @YYYY-MM-DD or @milestone:<name> (default: the adoption)
//                 | Q1-YYYY … Q4-YYYY | H1-YYYY | H2-YYYY | YYYY
//   themes        optional, separated by ";"

export const IMPORT_COLUMNS = ['session', 'text', 'responsibles', 'deadline', 'themes'] as const;
const REQUIRED_COLUMNS = ['session', 'text', 'responsibles', 'deadline'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

// number null: a permanent session, identified by its date.
export type SessionRef = { id: string } | { kind: SessionKind; number: number | null; date: LocalDate };

// A deadline anchored on a milestone names it; its id is the body's to give.
export type ParsedDeadline = { rule: DeadlineRule } | { milestoneName: string; anchoredOn(milestoneId: string): DeadlineRule };

export interface ImportRow {
  // As a spreadsheet numbers it: the header is row 1.
  row: number;
  session: SessionRef;
  text: string;
  responsibles: string[];
  deadline: ParsedDeadline;
  themes: string[];
}

export interface RowError {
  row: number;
  message: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAMED_SESSION = /^(\p{L}+)\s+(\d{1,2})\s+(\d{4}-\d{2}-\d{2})$/u;
const PERMANENT_BY_DATE = /^permanente\s+(\d{4}-\d{2}-\d{2})$/iu;
const PERMANENT_AS_WRITTEN = /^sesi[oó]n\s+permanente\s*,?\s+(.+)$/iu;

// A permanent session without number, by its date.
function permanentSession(text: string): LocalDate | undefined {
  const compact = PERMANENT_BY_DATE.exec(text)?.[1];
  if (compact !== undefined) return isValidLocalDate(compact) ? compact : undefined;
  const written = PERMANENT_AS_WRITTEN.exec(text)?.[1];
  return written === undefined ? undefined : parseLongSpanishDate(written);
}

export function parseSessionRef(value: string): Parsed<SessionRef> {
  const text = value.trim();
  if (UUID.test(text)) return ok({ id: text.toLowerCase() });
  const permanentOn = permanentSession(text);
  if (permanentOn !== undefined) return ok({ kind: 'permanente', number: null, date: permanentOn });
  const match = NAMED_SESSION.exec(text);
  const kind = SessionKind.safeParse(match?.[1]?.toLowerCase());
  const number = Number(match?.[2]);
  const date = match?.[3] ?? '';
  if (!match || !kind.success || number < 1 || number > 99 || !isValidLocalDate(date)) {
    return fail(`Sesión "${text}" no reconocida: use el id de la sesión, "<tipo> <número> <AAAA-MM-DD>", p. ej. "ordinaria 21 2020-09-30" (tipo: ordinaria, extraordinaria o permanente), o una sesión permanente por su fecha: "permanente 2023-05-24" o "Sesión Permanente, 24 de mayo de 2023".`);
  }
  return ok({ kind: kind.data, number, date });
}

const AMOUNT = /^(\d{1,4})(bd|d|m)(?:@(.+))?$/i;
const PERIOD = /^(Q[1-4]|H[12])-(\d{4})$/i;

const DEADLINE_HELP =
  'use none, una fecha AAAA-MM-DD, 15bd (días hábiles), 30d (días naturales) o 3m (meses) desde la adopción ' +
  '(o con @AAAA-MM-DD o @milestone:<nombre del hito>), Q1-2021…Q4-2021, H1-2021, H2-2021 o 2021 (fin del periodo)';

function checked(rule: unknown, text: string): Parsed<DeadlineRule> {
  const parsed = DeadlineRule.safeParse(rule);
  return parsed.success ? ok(parsed.data) : fail(`Plazo "${text}" fuera de rango: ${DEADLINE_HELP}.`);
}

export function parseCompactDeadline(value: string): Parsed<ParsedDeadline> {
  const text = value.trim();
  const lower = text.toLowerCase();
  const wrap = (rule: Parsed<DeadlineRule>): Parsed<ParsedDeadline> => (rule.ok ? ok({ rule: rule.value }) : rule);
  if (lower === 'none') return ok({ rule: { type: 'none' } });
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isValidLocalDate(text) ? ok({ rule: { type: 'date', date: text } }) : fail(`Fecha de plazo inválida: ${text}.`);
  if (/^\d{4}$/.test(text)) return wrap(checked({ type: 'period_end', period: 'year', year: Number(text) }, text));
  const period = PERIOD.exec(text);
  if (period) return wrap(checked({ type: 'period_end', period: period[1]?.toUpperCase(), year: Number(period[2]) }, text));
  const amount = AMOUNT.exec(text);
  if (!amount) return fail(`Plazo "${text}" no reconocido: ${DEADLINE_HELP}.`);
  const n = Number(amount[1]);
  const unit = amount[2]?.toLowerCase();
  const rule = (from: Anchor) => (unit === 'bd' ? { type: 'business_days', days: n, from } : unit === 'd' ? { type: 'calendar_days', days: n, from } : { type: 'months', months: n, from });
  const anchor = amount[3]?.trim();
  if (anchor === undefined) return wrap(checked(rule('adoption'), text));
  if (/^milestone:/i.test(anchor)) {
    const milestoneName = anchor.slice('milestone:'.length).trim();
    if (!milestoneName) return fail(`Plazo "${text}": indique el nombre del hito después de @milestone:.`);
    // Checked with a stand-in id: only the amount can be out of range here.
    const range = checked(rule({ milestoneId: '00000000-0000-4000-8000-000000000000' }), text);
    if (!range.ok) return range;
    return ok({ milestoneName, anchoredOn: (milestoneId: string) => DeadlineRule.parse(rule({ milestoneId })) });
  }
  if (isValidLocalDate(anchor)) return wrap(checked(rule({ date: anchor }), text));
  return fail(`Plazo "${text}": el ancla después de @ debe ser una fecha AAAA-MM-DD o milestone:<nombre>.`);
}

function list(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(';').map((item) => item.trim()).filter(Boolean))];
}

const TEXT_MAX = 20_000;
// The same limits as POST /agreements.
const MAX_RESPONSIBLES = 200;
const MAX_THEMES = 50;
export const IMPORT_MAX_ROWS = 2_000;

// Which column each header names; unknown or missing columns are an error of row 1.
function columnsOf(header: readonly string[]): Parsed<Map<Column, number>> {
  const columns = new Map<Column, number>();
  const unknown: string[] = [];
  header.forEach((name, index) => {
    const column = IMPORT_COLUMNS.find((c) => c === name.trim().toLowerCase());
    if (column && !columns.has(column)) columns.set(column, index);
    else unknown.push(name);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  const problems = [
    ...(missing.length > 0 ? [`faltan las columnas ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`columnas desconocidas o repetidas: ${unknown.map((u) => `"${u}"`).join(', ')}`] : []),
  ];
  if (problems.length > 0) return fail(`Encabezado inválido: ${problems.join('; ')}. Columnas admitidas: ${IMPORT_COLUMNS.join(', ')} (themes es opcional).`);
  return ok(columns);
}

// Every row checked, every problem reported with its row number: a file is
// fixed in one go, not one error per attempt.
export function parseImportRows(records: readonly (readonly string[])[]): { rows: ImportRow[]; errors: RowError[] } {
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ row: 1, message: 'El archivo está vacío: se espera un encabezado y al menos una fila.' }] };
  const columns = columnsOf(header);
  if (!columns.ok) return { rows: [], errors: [{ row: 1, message: columns.message }] };
  if (data.length > IMPORT_MAX_ROWS) return { rows: [], errors: [{ row: IMPORT_MAX_ROWS + 2, message: `Se admiten hasta ${IMPORT_MAX_ROWS} filas por importación.` }] };

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  data.forEach((record, index) => {
    const row = index + 2;
    // A blank line between rows is nothing to import.
    if (record.every((cell) => cell.trim() === '')) return;
    const cell = (column: Column) => {
      const at = columns.value.get(column);
      return at === undefined ? undefined : record[at];
    };
    const problems: string[] = [];
    if (record.length !== header.length) problems.push(`tiene ${record.length} columnas y el encabezado ${header.length}`);
    if ([...record].some((value) => value.includes('\uFFFD'))) problems.push('tiene caracteres que no son UTF-8 válido (guarde el archivo como "CSV UTF-8")');
    const session = parseSessionRef(cell('session') ?? '');
    if (!session.ok) problems.push(session.message);
    const text = (cell('text') ?? '').trim();
    if (!text) problems.push('falta el texto del acuerdo');
    if (text.length > TEXT_MAX) problems.push(`el texto excede ${TEXT_MAX} caracteres`);
    const responsibles = list(cell('responsibles'));
    if (responsibles.length === 0) problems.push('indique al menos una institución responsable (siglas separadas por ";")');
    if (responsibles.length > MAX_RESPONSIBLES) problems.push(`admite hasta ${MAX_RESPONSIBLES} instituciones responsables`);
    const deadline = parseCompactDeadline(cell('deadline') ?? '');
    if (!deadline.ok) problems.push(deadline.message);
    const themes = list(cell('themes'));
    if (themes.some((t) => t.length > 100)) problems.push('cada tema admite hasta 100 caracteres');
    if (themes.length > MAX_THEMES) problems.push(`admite hasta ${MAX_THEMES} temas`);

    if (problems.length > 0 || !session.ok || !deadline.ok) {
      errors.push(...problems.map((message) => ({ row, message: capitalized(message) })));
      return;
    }
    rows.push({ row, session: session.value, text, responsibles, deadline: deadline.value, themes });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 2, message: 'El archivo no tiene filas de acuerdos.' });
  return { rows, errors };
}

function capitalized(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
