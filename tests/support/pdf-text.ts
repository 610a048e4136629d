import { inflateSync } from 'node:zlib';

export interface PdfLine {
  // Page number, from 1, in the order the pages' contents are written.
  page: number;
  x: number;
  text: string;
}

// The lines of text a pdfkit document draws, page by page: each line is one
// positioned TJ of hex strings in a deflated content stream. Bytes are read as
// Latin-1, which is WinAnsi outside 0x80–0x9F: enough to check what an annex
// prints, not a general PDF reader.
export function pdfLines(pdf: Buffer): PdfLine[] {
  const raw = pdf.toString('latin1');
  const lines: PdfLine[] = [];
  let page = 0;
  for (const stream of raw.matchAll(/\/Filter \/FlateDecode[^]*?>>\s*stream\r?\n([^]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!content.includes(' TJ')) continue;
    page += 1;
    for (const line of content.matchAll(/1 0 0 1 ([\d.]+) [\d.]+ Tm[^]*?\[([^\]]*)\] TJ/g)) {
      const text = [...(line[2] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1')).join('');
      lines.push({ page, x: Number(line[1]), text });
    }
  }
  return lines;
}
