import PDFDocument from 'pdfkit';
import { ANNEX_COLUMNS, annexCells, type AnnexHeading, type AnnexRow } from '../../domain/annex.js';
import { breakLongWords, charWidths, drawableText } from './pdf-text.js';

// Letter, landscape, as the annex of the printed report: 720 pt of table width.
const MARGIN = 36;
const WIDTHS = [120, 95, 405, 100];
const PAD = 4;
const FONT_SIZE = 8.5;
const TEXT_COLUMN = 2;
// How many times a text is wrapped to find what fits on the rest of a page.
// Each wrap costs a page of text at most, so a row costs a few wraps of its
// text whatever it holds.
const MEASUREMENTS = 4;
// The characters whose width gives the first guess of how many fit a line.
const SAMPLE = 500;

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

interface Fit {
  head: string;
  tail: string;
  // Of the head's cell.
  height: number;
}

// The longest head of a text whose cell fits in `room`, cut at a space or line
// end, and the tail that continues on the next page; the whole text when it
// fits. The first guess comes from the characters a line holds; each
// measurement narrows it, and the head is the longest that was measured to fit.
function fitText(doc: Doc, text: string, room: number): Fit {
  const lineHeight = doc.currentLineHeight(true);
  const lines = Math.floor((room - 2 * PAD) / lineHeight);
  if (text === '') return { head: '', tail: '', height: cellHeight(doc, '', TEXT_COLUMN) };
  if (lines < 1) return { head: '', tail: text, height: 0 };
  const linesOf = (length: number) => Math.round(doc.heightOfString(text.slice(0, length), { width: innerWidth(TEXT_COLUMN) }) / lineHeight);
  const heightOf = (used: number) => used * lineHeight + 2 * PAD;
  // A text of a few lines is measured whole first, as most are.
  const sample = text.slice(0, SAMPLE);
  const perLine = () => Math.max(1, Math.floor((innerWidth(TEXT_COLUMN) * sample.length) / Math.max(doc.widthOfString(sample), 1)));
  let fits = 0;
  let overflows = text.length + 1;
  let guess = text.length <= SAMPLE ? text.length : Math.min(text.length, lines * perLine());
  for (let measured = 0; measured < MEASUREMENTS; measured += 1) {
    const used = Math.max(linesOf(guess), 1);
    if (used <= lines) fits = guess;
    else overflows = guess;
    if (fits === text.length) return { head: text, tail: '', height: heightOf(used) };
    // A guess that fills the last line leaves less than a line to gain.
    if (used === lines) break;
    const scaled = Math.min(text.length, Math.floor((guess * lines) / used));
    guess = scaled > fits && scaled < overflows ? scaled : Math.floor((fits + overflows) / 2);
    if (guess <= fits) break;
  }
  // Every guess overflowed: halve the shortest until it fits.
  for (let shorter = Math.floor(Math.min(overflows, text.length) / 2); fits === 0 && shorter > 0; shorter = Math.floor(shorter / 2)) {
    if (linesOf(shorter) <= lines) fits = shorter;
  }
  // Words are at most a line wide (breakLongWords), so the cut loses a line at most.
  const space = Math.max(text.lastIndexOf(' ', fits), text.lastIndexOf('\n', fits));
  const cut = space > 0 ? space : Math.max(fits, 1);
  const head = text.slice(0, cut).trimEnd();
  return { head, tail: text.slice(cut).trimStart(), height: cellHeight(doc, head, TEXT_COLUMN) };
}

// The annex as a PDF: a wrapped table whose header row repeats on every page;
// a text too long for one page continues on the next under the same folio.
// Characters the standard fonts lack print as "?" (pdf-text.ts).
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
      const fit = fitText(doc, rest, room);
      const height = Math.max(fit.height, othersHeight);
      // A row moves to a new page whole when it fits a page of its own, or
      // when not even its first line fits here.
      const nothingFits = height > room || (fit.head === '' && rest !== '');
      if (first && y > pageTop && (nothingFits || (fit.tail !== '' && fitText(doc, rest, bottom - pageTop).tail === ''))) {
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
