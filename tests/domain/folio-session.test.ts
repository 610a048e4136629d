import { describe, expect, it } from 'vitest';
import { formatFolio } from '../../domain/folio.js';
import { feminineOrdinal, SessionKind, sessionLabel } from '../../domain/session-label.js';

describe('folio {seq}:{d}/{MM}/{yyyy} of the session date', () => {
  it.each([
    [34, '2019-11-22', '34:22/11/2019'],
    [38, '2019-11-22', '38:22/11/2019'],
    [39, '2020-04-24', '39:24/04/2020'],
    [45, '2020-09-30', '45:30/09/2020'],
    [52, '2020-12-09', '52:9/12/2020'], // day without its leading zero
    [55, '2020-12-09', '55:9/12/2020'],
    [1, '2021-01-01', '1:1/01/2021'], // month always with two digits
    [1000, '2100-02-28', '1000:28/02/2100'],
  ])('%i on %s → %s', (seq, date, folio) => {
    expect(formatFolio(seq, date)).toBe(folio);
  });
});

describe('session labels with Spanish feminine ordinals, 1–99', () => {
  it.each([
    ['ordinaria', 21, 'Vigésima Primera Sesión Ordinaria'], // Annex I, agreements 44–51
    ['ordinaria', 22, 'Vigésima Segunda Sesión Ordinaria'], // agreements 52–55
    ['ordinaria', 20, 'Vigésima Sesión Ordinaria'], // agreements 39–43
    ['extraordinaria', 19, 'Décima Novena Sesión Extraordinaria'],
    ['permanente', 1, 'Primera Sesión Permanente'],
    ['ordinaria', 10, 'Décima Sesión Ordinaria'],
    ['ordinaria', 11, 'Décima Primera Sesión Ordinaria'],
    ['ordinaria', 12, 'Décima Segunda Sesión Ordinaria'],
    ['ordinaria', 37, 'Trigésima Séptima Sesión Ordinaria'],
    ['extraordinaria', 43, 'Cuadragésima Tercera Sesión Extraordinaria'],
    ['ordinaria', 50, 'Quincuagésima Sesión Ordinaria'],
    ['ordinaria', 64, 'Sexagésima Cuarta Sesión Ordinaria'],
    ['ordinaria', 76, 'Septuagésima Sexta Sesión Ordinaria'],
    ['ordinaria', 88, 'Octogésima Octava Sesión Ordinaria'],
    ['ordinaria', 95, 'Nonagésima Quinta Sesión Ordinaria'],
    ['ordinaria', 99, 'Nonagésima Novena Sesión Ordinaria'],
  ] as const)('%s %i → %s', (kind, n, label) => {
    expect(sessionLabel(kind, n)).toBe(label);
  });

  it('every number from 1 to 99 has its own label, of one or two capitalised words', () => {
    const labels = Array.from({ length: 99 }, (_, i) => feminineOrdinal(i + 1));
    expect(new Set(labels).size).toBe(99);
    for (const label of labels) expect(label).toMatch(/^[A-ZÁÉÍÓÚ][a-záéíóú]+a( [A-ZÁÉÍÓÚ][a-záéíóú]+a)?$/);
  });

  it.each([0, 100, -1, 2.5, Number.NaN])('refuses %s', (n) => {
    expect(() => feminineOrdinal(n)).toThrow(RangeError);
  });

  it('knows the three kinds of session', () => {
    expect(SessionKind.options).toEqual(['ordinaria', 'extraordinaria', 'permanente']);
    expect(SessionKind.safeParse('solemne').success).toBe(false);
  });
});
