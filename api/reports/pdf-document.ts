// What every PDF report does around its content: collect the bytes pdfkit
// writes, and number the pages.

type Doc = PDFKit.PDFDocument;

// The whole document once doc.end() is called.
export function documentBytes(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// "Página n de m" below the bottom margin of every page (the document must
// buffer its pages): the margin is lifted for the footer, or pdfkit would open
// a new page for it.
export function numberPages(doc: Doc, margin: number): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).text(`Página ${i - start + 1} de ${count}`, margin, doc.page.height - margin + 10, {
      width: doc.page.width - 2 * margin,
      align: 'right',
      lineBreak: false,
    });
  }
}
