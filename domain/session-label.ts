import { z } from 'zod';

export const SessionKind = z.enum(['ordinaria', 'extraordinaria', 'permanente']);
export type SessionKind = z.infer<typeof SessionKind>;

const UNITS = ['', 'Primera', 'Segunda', 'Tercera', 'Cuarta', 'Quinta', 'Sexta', 'Séptima', 'Octava', 'Novena'];
const TENS = ['', 'Décima', 'Vigésima', 'Trigésima', 'Cuadragésima', 'Quincuagésima', 'Sexagésima', 'Septuagésima', 'Octogésima', 'Nonagésima'];
// 11–19 as the commissions' own reports write them: Annex I of the SNIMH's
// 2020 report heads its first rows "Décimo Novena", as Mexican official usage
// does, where the RAE writes "Decimonovena" or "Décima novena". The annex must
// read like the report it replaces, and a session keeps one name wherever it
// appears (its label, the agenda, the annex), so labels follow too; a body
// that wants the RAE's form gives the session its own `label`.
const TEEN_TENS = 'Décimo';

// Feminine ordinals, as sessions are named: 21 → "Vigésima Primera".
export function feminineOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`ordinal fuera de rango: ${n}`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return [tens === 1 && units > 0 ? TEEN_TENS : TENS[tens], UNITS[units]].filter(Boolean).join(' ');
}

export const SESSION_KIND_LABEL: Record<SessionKind, string> = { ordinaria: 'Ordinaria', extraordinaria: 'Extraordinaria', permanente: 'Permanente' };

// A permanent session may have no number: it is named by its date, which the
// label leaves to whoever writes it ("Sesión Permanente, 24 de mayo de 2023").
export function sessionLabel(kind: SessionKind, number: number | null): string {
  const name = `Sesión ${SESSION_KIND_LABEL[kind]}`;
  return number === null ? name : `${feminineOrdinal(number)} ${name}`;
}

// Which kinds may go without a number: the permanent session meets as needed
// and is identified by its date; ordinary and extraordinary ones are numbered.
export function numberRequired(kind: SessionKind): boolean {
  return kind !== 'permanente';
}
