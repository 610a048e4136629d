import PDFDocument from 'pdfkit';
import { ANNEX_COLUMNS, annexCells, type AnnexHeading, type AnnexRow } from '../../domain/annex.js';
import { documentBytes, numberPages } from './pdf-document.js';
import { fitText } from './pdf-fit.js';
import { breakLongWords, charWidths, drawableText } from './pdf-text.js';

// Letter, landscape, as the annex of the printed report: 720 pt of table width.
const MARGIN = 36;
const WIDTHS = [120, 95, 405, 100];
const PAD = 4;
const FONT_SIZE = 8.5;
const TEXT_COLUMN = 2;

type Doc = PDFKit.PDFDocument;

const innerWidth = (column: number): number => (WIDTHS[column] ?? 0) - 2 * PAD;

function cellHeight(doc: Doc, value: string, column: number): number {
  return doc.heightOfString(value, { width: innerWidth(column) }) + 2 * PAD;
}

function rowHeight(doc: Doc, cells: readonly string[]): number {
  return Math.max(...cells.map((value, column) => cellHeight(doc, value, column)));
}

function drawRow(doc: Doc, cells: readonly string[], y: number, height: number, header: boolean): void {
  let x = MARGIN;
  cells.forEach((value, column) => {
    const width = WIDTHS[column] ?? 0;
    if (header) doc.rect(x, y, width, height).fillAndStroke('#d9d9d9', '#444444');
    else doc.rect(x, y, width, height).stroke('#444444');
    doc.fillColor('#000000').text(value, x + PAD, y + PAD, { width: width - 2 * PAD });
    x += width;
  });
}

// A row's cells as the cells' font draws them, every word fitting its column.
function drawableCells(row: AnnexRow, charWidth: (char: string) => number): string[] {
  return annexCells(row).map((value, column) => breakLongWords(drawableText(value), innerWidth(column), charWidth));
}

// The annex as a PDF: a wrapped table whose header row repeats on every page;
// a text too long for one page continues on the next under the same folio.
// Characters the standard fonts lack print as "?" (pdf-text.ts).
export function annexPdf(heading: AnnexHeading, rows: readonly AnnexRow[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: heading.title, Author: 'Acuerdos' } });
  const done = documentBytes(doc);

  const bottom = doc.page.height - MARGIN;
  const headerCells = ANNEX_COLUMNS.map((c) => c.label);
  doc.font('Helvetica-Bold').fontSize(FONT_SIZE);
  const headerHeight = rowHeight(doc, headerCells);
  const header = (top: number): number => {
    doc.font('Helvetica-Bold').fontSize(FONT_SIZE);
    drawRow(doc, headerCells, top, headerHeight, true);
    doc.font('Helvetica').fontSize(FONT_SIZE);
    return top + headerHeight;
  };
  // Where rows start on every page after the first.
  const pageTop = MARGIN + headerHeight;
  const newPage = (): number => {
    doc.addPage();
    return header(MARGIN);
  };

  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(12).text(drawableText(heading.title), MARGIN, MARGIN, { width });
  doc.font('Helvetica').fontSize(9).text(drawableText(heading.subtitle), { width });
  let y = header(doc.y + 8);
  // Measured in the cells' font, which header() leaves set.
  const charWidth = charWidths((text) => doc.widthOfString(text));
  for (const row of rows) {
    const cells = drawableCells(row, charWidth);
    // The other cells are a few words: each part of the row holds them whole.
    const othersHeight = Math.max(...cells.map((value, column) => (column === TEXT_COLUMN ? 0 : cellHeight(doc, value, column))));
    let rest = cells[TEXT_COLUMN] ?? '';
    for (let first = true; ; first = false) {
      const room = bottom - y;
      const fit = fitText(doc, rest, room, innerWidth(TEXT_COLUMN), PAD);
      const height = Math.max(fit.height, othersHeight);
      // A row moves to a new page whole when it fits a page of its own, or
      // when not even its first line fits here.
      const nothingFits = height > room || (fit.head === '' && rest !== '');
      if (first && y > pageTop && (nothingFits || (fit.tail !== '' && fitText(doc, rest, bottom - pageTop, innerWidth(TEXT_COLUMN), PAD).tail === ''))) {
        y = newPage();
        continue;
      }
      // Every part repeats the session, folio and status of its agreement.
      const drawn = cells.map((value, column) => (column === TEXT_COLUMN ? fit.head : value));
      if (fit.tail === '') {
        drawRow(doc, drawn, y, height, false);
        y += height;
        break;
      }
      drawRow(doc, drawn, y, room, false);
      y = newPage();
      rest = fit.tail;
    }
  }
  if (rows.length === 0) doc.text('Sin acuerdos registrados a esa fecha.', MARGIN, y + PAD);

  numberPages(doc, MARGIN);
  doc.end();
  return done;
}
