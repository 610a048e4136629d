import { describe, expect, it } from 'vitest';
import { participationPdf } from '../../api/reports/participation-pdf.js';
import type { ParticipationReportRow } from '../../domain/participation/index.js';
import { pdfLines } from '../support/pdf-text.js';

// A participation whose texts run over pages still prints whole: every line
// of its activities is on some page, continued under the same label, and a
// word longer than a line is cut instead of overflowing its cell.

const row = (activities: string, participants = 'Save the Children'): ParticipationReportRow => ({
  participationId: '00000000-0000-4000-8000-000000000001',
  sessionDate: '2023-06-13',
  participants,
  session: 'Sesión Permanente, 13 de junio de 2023',
  relevance: 'Presentación del Atlas de Riesgo de Trabajo Infantil',
  agreement: 'N/A',
  activities,
  verification: 'Acta de la Sesión Permanente',
});

describe('the participation report as PDF', () => {
  it('continues a text longer than a page on the next ones, losing none of it', async () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Se presentó en la entidad número ${i + 1}.`);
    const pdf = await participationPdf({ title: 'Informe', subtitle: 'Periodo' }, [row(sentences.join(' '))]);
    const lines = pdfLines(pdf);
    const printed = lines
      .map((l) => l.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    const pages = [...new Set(lines.map((l) => l.page))];
    expect(pages.length).toBeGreaterThan(1);
    // Each page is filled: none holds a stray line the cell's measure missed.
    for (const page of pages) expect(lines.filter((l) => l.page === page && !l.text.startsWith('Página')).length, `página ${page}`).toBeGreaterThan(10);
    expect(printed).toContain('Se presentó en la entidad número 1.');
    expect(printed).toContain('Se presentó en la entidad número 400.');
    expect(lines.filter((l) => l.text.startsWith('Actividades realizadas para')).length).toBeGreaterThan(1);
  });

  it('cuts a word longer than its cell into lines', async () => {
    const pdf = await participationPdf({ title: 'Informe', subtitle: 'Periodo' }, [row('N/A', 'x'.repeat(5_000))]);
    const xs = pdfLines(pdf).filter((l) => /^x+$/.test(l.text.trim()));
    expect(xs.length).toBeGreaterThan(10);
    expect(xs.map((l) => l.text.trim()).join('')).toHaveLength(5_000);
  });
});
