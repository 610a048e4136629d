import { z } from 'zod';

export const SessionKind = z.enum(['ordinaria', 'extraordinaria', 'permanente']);
export type SessionKind = z.infer<typeof SessionKind>;

const UNITS = ['', 'Primera', 'Segunda', 'Tercera', 'Cuarta', 'Quinta', 'Sexta', 'Séptima', 'Octava', 'Novena'];
const TENS = ['', 'Décima', 'Vigésima', 'Trigésima', 'Cuadragésima', 'Quincuagésima', 'Sexagésima', 'Septuagésima', 'Octogésima', 'Nonagésima'];

// Feminine ordinals, as sessions are named: 21 → "Vigésima Primera".
export function feminineOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`ordinal fuera de rango: ${n}`);
  return [TENS[Math.floor(n / 10)], UNITS[n % 10]].filter(Boolean).join(' ');
}

export function sessionLabel(kind: SessionKind, number: number): string {
  const kindLabel = { ordinaria: 'Ordinaria', extraordinaria: 'Extraordinaria', permanente: 'Permanente' }[kind];
  return `${feminineOrdinal(number)} Sesión ${kindLabel}`;
}
