import { describe, expect, it } from 'vitest';
import { annexCells, annexHeading, annexRows, annexSessionCell, longSpanishDate, type AnnexSession, type AnnexSource } from '../../domain/annex.js';

const source = (seq: number, status: AnnexSource['status'], sessionId = 's21'): AnnexSource => ({
  agreementId: `a${seq}`,
  seq,
  folio: `${seq}:30/09/2020`,
  sessionId,
  text: `Acuerdo ${seq}`,
  status,
});

const SNIMH = { name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres', acronym: 'SNIMH' };

describe('the SESIÓN cell, as Annex I writes it', () => {
  it.each([
    ['ordinaria', 19, 'Décimo Novena'], // agreements 34–38, the report's spelling
    ['ordinaria', 20, 'Vigésima'],
    ['ordinaria', 21, 'Vigésima Primera'],
    ['ordinaria', 22, 'Vigésima Segunda'],
    ['ordinaria', 10, 'Décima'],
    ['extraordinaria', 1, 'Primera Extraordinaria'],
    ['extraordinaria', 13, 'Décimo Tercera Extraordinaria'],
    ['permanente', 3, 'Tercera Permanente'],
  ] as const)('%s %i → %s', (kind, number, cell) => {
    expect(annexSessionCell({ kind, number })).toBe(cell);
  });
});

describe('the annex table', () => {
  const sessions = new Map<string, AnnexSession>([
    ['s21', { kind: 'ordinaria', number: 21 }],
    ['s22', { kind: 'ordinaria', number: 22 }],
  ]);

  it('lists agreements in folio order whatever order they come in, with the report labels', () => {
    const rows = annexRows([source(46, 'cumplido'), source(44, 'cancelado'), source(45, 'en_proceso'), source(52, 'cumplido', 's22')], sessions);
    expect(rows.map(annexCells)).toEqual([
      ['Vigésima Primera', '44:30/09/2020', 'Acuerdo 44', 'CANCELADO'],
      ['Vigésima Primera', '45:30/09/2020', 'Acuerdo 45', 'EN PROCESO'],
      ['Vigésima Primera', '46:30/09/2020', 'Acuerdo 46', 'CUMPLIDO'],
      ['Vigésima Segunda', '52:30/09/2020', 'Acuerdo 52', 'CUMPLIDO'],
    ]);
    expect(rows[0]).toMatchObject({ agreementId: 'a44', status: 'cancelado' });
  });

  it('refuses an agreement whose session it does not know', () => {
    expect(() => annexRows([source(44, 'cumplido', 'desconocida')], sessions)).toThrow(/desconocida/);
  });
});

describe('the annex heading', () => {
  const row = (session: string, seq: number) => ({ agreementId: `a${seq}`, session, folio: `${seq}`, text: '', status: 'cumplido' as const, statusLabel: 'CUMPLIDO' });

  it('is Annex I’s, naming the sessions of its rows in folio order, with the day of the statuses below', () => {
    const rows = [row('Décimo Novena', 34), row('Décimo Novena', 35), row('Vigésima', 39), row('Vigésima Primera', 44), row('Vigésima Segunda', 52)];
    expect(annexHeading(SNIMH, '2020-12-31', rows)).toEqual({
      title: 'Seguimiento a los acuerdos de las sesiones Décimo Novena, Vigésima, Vigésima Primera y Vigésima Segunda (SNIMH)',
      subtitle: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres: estatus al 31 de diciembre de 2020',
    });
  });

  it('names one session in the singular, and none when there is no agreement', () => {
    expect(annexHeading(SNIMH, '2020-05-17', [row('Vigésima', 39)]).title).toBe('Seguimiento a los acuerdos de la sesión Vigésima (SNIMH)');
    expect(annexHeading(SNIMH, '2020-05-17', []).title).toBe('Seguimiento a los acuerdos (SNIMH)');
  });

  it('writes the day in words', () => {
    expect(longSpanishDate('2020-12-31')).toBe('31 de diciembre de 2020');
    expect(longSpanishDate('2021-01-09')).toBe('9 de enero de 2021');
  });
});
