import { describe, expect, it } from 'vitest';
import { parseCompactDeadline, parseImportRows, parseSessionRef } from '../../domain/import-row.js';

const rule = (text: string) => {
  const parsed = parseCompactDeadline(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return 'rule' in parsed.value ? parsed.value.rule : parsed.value.anchoredOn('11111111-1111-4111-8111-111111111111');
};

describe('compact deadlines of an import', () => {
  it('reads each form of the contract', () => {
    expect(rule('none')).toEqual({ type: 'none' });
    expect(rule('2021-03-31')).toEqual({ type: 'date', date: '2021-03-31' });
    expect(rule('15bd')).toEqual({ type: 'business_days', days: 15, from: 'adoption' });
    expect(rule('30D')).toEqual({ type: 'calendar_days', days: 30, from: 'adoption' });
    expect(rule('3m')).toEqual({ type: 'months', months: 3, from: 'adoption' });
    expect(rule('15bd@2020-05-04')).toEqual({ type: 'business_days', days: 15, from: { date: '2020-05-04' } });
    expect(rule('3m@milestone:Publicación del PROIGUALDAD')).toEqual({ type: 'months', months: 3, from: { milestoneId: '11111111-1111-4111-8111-111111111111' } });
    expect(rule('Q1-2021')).toEqual({ type: 'period_end', period: 'Q1', year: 2021 });
    expect(rule('h2-2021')).toEqual({ type: 'period_end', period: 'H2', year: 2021 });
    expect(rule('2021')).toEqual({ type: 'period_end', period: 'year', year: 2021 });
  });

  it('names the milestone a deadline waits for', () => {
    const parsed = parseCompactDeadline('15bd@milestone: Envío del cuestionario ');
    expect(parsed.ok && 'milestoneName' in parsed.value && parsed.value.milestoneName).toBe('Envío del cuestionario');
  });

  it('says why a deadline is not understood', () => {
    for (const bad of ['', 'pronto', '2021-02-30', '0bd', '99999d', 'Q5-2021', '15bd@ayer', '3m@milestone:', '1800']) {
      const parsed = parseCompactDeadline(bad);
      expect(parsed.ok, bad).toBe(false);
    }
  });
});

describe('session references of an import', () => {
  it('names a permanent session without number by its date, compact or as the reports write it', () => {
    const may24 = { ok: true, value: { kind: 'permanente', number: null, date: '2023-05-24' } };
    expect(parseSessionRef('permanente 2023-05-24')).toEqual(may24);
    expect(parseSessionRef(' Sesión Permanente, 24 de mayo de 2023 ')).toEqual(may24);
    expect(parseSessionRef('SESION PERMANENTE 24 de Mayo de 2023')).toEqual(may24);
    // a numbered permanent session keeps its number
    expect(parseSessionRef('permanente 3 2023-05-24')).toEqual({ ok: true, value: { kind: 'permanente', number: 3, date: '2023-05-24' } });
    for (const bad of ['permanente 2023-02-30', 'Sesión Permanente, 31 de junio de 2023', 'Sesión Permanente, 24 de mayuo de 2023', 'ordinaria 2023-05-24', 'Sesión Ordinaria, 24 de mayo de 2023']) {
      expect(parseSessionRef(bad).ok, bad).toBe(false);
    }
  });

  it('takes an id or "<kind> <number> <date>"', () => {
    expect(parseSessionRef('6F9619FF-8B86-4D11-B42D-00C04FC964FF')).toEqual({ ok: true, value: { id: '6f9619ff-8b86-4d11-b42d-00c04fc964ff' } });
    expect(parseSessionRef(' Ordinaria 21 2020-09-30 ')).toEqual({ ok: true, value: { kind: 'ordinaria', number: 21, date: '2020-09-30' } });
    for (const bad of ['ordinaria 21', 'vigésima 21 2020-09-30', 'ordinaria 0 2020-09-30', 'ordinaria 21 2020-09-31']) expect(parseSessionRef(bad).ok, bad).toBe(false);
  });
});

describe('the rows of an import', () => {
  const header = ['session', 'text', 'responsibles', 'deadline'];

  it('numbers rows as a spreadsheet does and reports every problem of every row', () => {
    const { rows, errors } = parseImportRows([
      header,
      ['ordinaria 21 2020-09-30', 'Las instituciones contribuirán.', 'INMUJERES; SHCP;', '3m'],
      ['', '', '', ''],
      ['ordinaria 21', '  ', '', 'pronto'],
    ]);
    expect(rows).toEqual([
      { row: 2, session: { kind: 'ordinaria', number: 21, date: '2020-09-30' }, text: 'Las instituciones contribuirán.', responsibles: ['INMUJERES', 'SHCP'], deadline: { rule: { type: 'months', months: 3, from: 'adoption' } }, themes: [] },
    ]);
    expect(errors.map((e) => e.row)).toEqual([4, 4, 4, 4]);
    expect(errors.map((e) => e.message).join(' ')).toMatch(/Sesión "ordinaria 21".*Falta el texto.*al menos una institución.*Plazo "pronto"/);
  });

  it('reads the header in any order and case, and refuses unknown or missing columns', () => {
    const ok = parseImportRows([['Deadline', 'TEXT', 'session', 'responsibles', 'themes'], ['none', 'Texto.', 'ordinaria 22 2020-12-09', 'INMUJERES', 'cuidados; igualdad']]);
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0]).toMatchObject({ text: 'Texto.', themes: ['cuidados', 'igualdad'] });
    const bad = parseImportRows([['session', 'texto', 'deadline'], ['x', 'y', 'z']]);
    expect(bad.errors).toEqual([{ row: 1, message: expect.stringMatching(/faltan las columnas text, responsibles.*desconocidas.*"texto"/) }]);
  });

  it('flags rows with the wrong number of cells or bytes that were not UTF-8', () => {
    const { errors } = parseImportRows([header, ['ordinaria 21 2020-09-30', 'Publicaci\uFFFDn', 'INMUJERES', 'none', 'extra']]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/5 columnas/), expect.stringMatching(/UTF-8/)]);
  });

  it('holds a row to the limits of a registration through the API: 200 institutions, 50 themes', () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(';');
    const withThemes = [...header, 'themes'];
    const { errors } = parseImportRows([withThemes, ['ordinaria 21 2020-09-30', 'Texto.', many(201, 'I'), 'none', many(51, 'tema ')]]);
    expect(errors.map((e) => e.message)).toEqual(['Admite hasta 200 instituciones responsables', 'Admite hasta 50 temas']);
    expect(parseImportRows([withThemes, ['ordinaria 21 2020-09-30', 'Texto.', many(200, 'I'), 'none', many(50, 'tema ')]]).errors).toEqual([]);
  });

  it('refuses an empty file or one with only a header', () => {
    expect(parseImportRows([]).errors[0]?.row).toBe(1);
    expect(parseImportRows([header]).errors).toEqual([{ row: 2, message: 'El archivo no tiene filas de acuerdos.' }]);
  });
});
