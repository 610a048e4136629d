import PDFDocument from 'pdfkit';
import { ANNEX_COLUMNS, annexCells, type AnnexHeading, type AnnexRow } from '../../domain/annex.js';

// Letter, landscape, as the annex of the printed report: 720 pt of table width.
const MARGIN = 36;
const WIDTHS = [120, 95, 405, 100];
const PAD = 4;
const FONT_SIZE = 8.5;
const TEXT_COLUMN = 2;

type Doc = PDFKit.PDFDocument;

function cellHeight(doc: Doc, value: string, column: number): number {
  return doc.heightOfString(value, { width: (WIDTHS[column] ?? 0) - 2 * PAD }) + 2 * PAD;
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

// The longest head of a text that fits in `height` in the text column, cut at
// a space when there is one; the tail continues on the next page.
function splitToFit(doc: Doc, text: string, height: number): [string, string] {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (cellHeight(doc, text.slice(0, middle), TEXT_COLUMN) <= height) low = middle;
    else high = middle - 1;
  }
  const space = text.lastIndexOf(' ', low);
  const cut = space > 0 && low < text.length ? space : low;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

// The annex as a PDF: a wrapped table whose header row repeats on every page;
// a text too long for one page continues on the next under the same folio.
export function annexPdf(heading: AnnexHeading, rows: readonly AnnexRow[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: heading.title, Author: 'Acuerdos' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

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
  doc.font('Helvetica-Bold').fontSize(12).text(heading.title, MARGIN, MARGIN, { width });
  doc.font('Helvetica').fontSize(9).text(heading.subtitle, { width });
  let y = header(doc.y + 8);
  for (const row of rows) {
    let cells = annexCells(row);
    for (;;) {
      const height = rowHeight(doc, cells);
      if (y + height <= bottom) {
        drawRow(doc, cells, y, height, false);
        y += height;
        break;
      }
      // A row that fits on a page of its own moves there whole.
      if (y > pageTop && pageTop + height <= bottom) {
        y = newPage();
        continue;
      }
      const [head, tail] = splitToFit(doc, cells[TEXT_COLUMN] ?? '', bottom - y);
      if (head === '') {
        y = newPage();
        continue;
      }
      drawRow(doc, cells.map((value, column) => (column === TEXT_COLUMN ? head : value)), y, bottom - y, false);
      y = newPage();
      cells = cells.map((value, column) => (column === TEXT_COLUMN ? tail : value));
    }
  }
  if (rows.length === 0) doc.text('Sin acuerdos registrados a esa fecha.', MARGIN, y + PAD);

  // Page numbers below the bottom margin: lifted for the footer, or pdfkit
  // would open a new page for it.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).text(`Página ${i - start + 1} de ${count}`, MARGIN, doc.page.height - MARGIN + 10, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
