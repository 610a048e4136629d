import { describe, expect, it } from 'vitest';
import { annexCells, annexRows, annexTitle, longSpanishDate, type AnnexSource } from '../../domain/annex.js';

const source = (seq: number, status: AnnexSource['status'], sessionId = 's21'): AnnexSource => ({
  agreementId: `a${seq}`,
  seq,
  folio: `${seq}:30/09/2020`,
  sessionId,
  text: `Acuerdo ${seq}`,
  status,
});

describe('the annex table', () => {
  const labels = new Map([
    ['s21', 'Vigésima Primera Sesión Ordinaria'],
    ['s22', 'Vigésima Segunda Sesión Ordinaria'],
  ]);

  it('lists agreements in folio order whatever order they come in, with the report labels', () => {
    const rows = annexRows([source(46, 'cumplido'), source(44, 'cancelado'), source(45, 'en_proceso'), source(52, 'cumplido', 's22')], labels);
    expect(rows.map(annexCells)).toEqual([
      ['Vigésima Primera Sesión Ordinaria', '44:30/09/2020', 'Acuerdo 44', 'CANCELADO'],
      ['Vigésima Primera Sesión Ordinaria', '45:30/09/2020', 'Acuerdo 45', 'EN PROCESO'],
      ['Vigésima Primera Sesión Ordinaria', '46:30/09/2020', 'Acuerdo 46', 'CUMPLIDO'],
      ['Vigésima Segunda Sesión Ordinaria', '52:30/09/2020', 'Acuerdo 52', 'CUMPLIDO'],
    ]);
    expect(rows[0]).toMatchObject({ agreementId: 'a44', status: 'cancelado' });
  });

  it('refuses an agreement whose session it cannot name', () => {
    expect(() => annexRows([source(44, 'cumplido', 'desconocida')], labels)).toThrow(/sin etiqueta/);
  });

  it('titles the annex with the body and the day in words', () => {
    expect(longSpanishDate('2020-12-31')).toBe('31 de diciembre de 2020');
    expect(longSpanishDate('2021-01-09')).toBe('9 de enero de 2021');
    expect(annexTitle('Sistema Nacional para la Igualdad entre Mujeres y Hombres', '2020-12-31')).toBe(
      'Sistema Nacional para la Igualdad entre Mujeres y Hombres: seguimiento de los acuerdos al 31 de diciembre de 2020',
    );
  });
});
