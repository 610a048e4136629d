import PDFDocument from 'pdfkit';
import { PARTICIPATION_REPORT_FIELDS, type ParticipationReportHeading, type ParticipationReportRow } from '../../domain/participation/index.js';
import { documentBytes, numberPages } from './pdf-document.js';
import { fitText } from './pdf-fit.js';
import { breakLongWords, charWidths, drawableText } from './pdf-text.js';

// Letter, portrait, as the mechanism's report: one two-column table per
// participation, the field's label on the left and its value on the right.
const MARGIN = 54;
const LABEL_WIDTH = 170;
const PAD = 5;
const FONT_SIZE = 9.5;
const GAP = 14;

export function participationPdf(heading: ParticipationReportHeading, rows: readonly ParticipationReportRow[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', layout: 'portrait', margin: MARGIN, bufferPages: true, info: { Title: heading.title, Author: 'Acuerdos' } });
  const done = documentBytes(doc);
  const width = doc.page.width - 2 * MARGIN;
  const valueWidth = width - LABEL_WIDTH;
  const bottom = doc.page.height - MARGIN;

  doc.font('Helvetica-Bold').fontSize(12).text(drawableText(heading.title), MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('Helvetica').fontSize(FONT_SIZE + 0.5).text(drawableText(heading.subtitle), { width });
  let y = doc.y + GAP;

  const labelHeight = (label: string) => {
    doc.font('Helvetica-Bold').fontSize(FONT_SIZE);
    return doc.heightOfString(label, { width: LABEL_WIDTH - 2 * PAD }) + 2 * PAD;
  };
  const drawCell = (text: string, x: number, top: number, cellWidth: number, height: number, label: boolean) => {
    if (label) doc.rect(x, top, cellWidth, height).fillAndStroke('#e6e6e6', '#444444');
    else doc.rect(x, top, cellWidth, height).stroke('#444444');
    doc.font(label ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE).fillColor('#000000').text(text, x + PAD, top + PAD, { width: cellWidth - 2 * PAD });
  };

  doc.font('Helvetica').fontSize(FONT_SIZE);
  const charWidth = charWidths((text) => doc.widthOfString(text));
  const valueHeight = (text: string) => {
    doc.font('Helvetica').fontSize(FONT_SIZE);
    return doc.heightOfString(text, { width: valueWidth - 2 * PAD }) + 2 * PAD;
  };
  for (const row of rows) {
    // A participation starts on a new page when it would be cut here but fits one page whole.
    const block = PARTICIPATION_REPORT_FIELDS.reduce((sum, field) => sum + Math.max(labelHeight(`${field.label}:`), valueHeight(drawableText(row[field.key]))), 0);
    if (y > MARGIN && block > bottom - y && block <= bottom - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    for (const field of PARTICIPATION_REPORT_FIELDS) {
      const label = `${field.label}:`;
      const minimum = labelHeight(label);
      doc.font('Helvetica').fontSize(FONT_SIZE);
      let rest = breakLongWords(drawableText(row[field.key]), valueWidth - 2 * PAD, charWidth);
      for (let first = true; ; first = false) {
        let room = bottom - y;
        let fit = fitText(doc, rest, room, valueWidth - 2 * PAD, PAD);
        // A field moves to the next page whole when it fits there, or when not
        // even its first line and label fit here.
        const whole = fitText(doc, rest, bottom - MARGIN, valueWidth - 2 * PAD, PAD).tail === '';
        if (first && y > MARGIN && (minimum > room || fit.head === '' || (fit.tail !== '' && whole))) {
          doc.addPage();
          y = MARGIN;
          room = bottom - y;
          fit = fitText(doc, rest, room, valueWidth - 2 * PAD, PAD);
        }
        const height = fit.tail === '' ? Math.max(fit.height, minimum) : room;
        drawCell(label, MARGIN, y, LABEL_WIDTH, height, true);
        drawCell(fit.head, MARGIN + LABEL_WIDTH, y, valueWidth, height, false);
        if (fit.tail === '') {
          y += height;
          break;
        }
        doc.addPage();
        y = MARGIN;
        rest = fit.tail;
      }
    }
    y += GAP;
  }
  if (rows.length === 0) doc.font('Helvetica').fontSize(FONT_SIZE).text('Sin participaciones registradas en el periodo.', MARGIN, y);
  numberPages(doc, MARGIN);
  doc.end();
  return done;
}
