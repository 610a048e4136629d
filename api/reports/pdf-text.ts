// Text made ready for pdfkit's standard fonts, before any layout.

// What the standard PDF fonts draw (WinAnsiEncoding): printable ASCII, Latin-1
// and the typographic marks Windows-1252 adds. pdfkit writes any other
// character as two unrelated bytes, so "←" or an emoji would print as garbage.
const OUTSIDE_WIN_ANSI =
  /[^\n\x20-\x7E\xA0-\xFF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/gu;

// The visible mark of a character the PDF cannot draw: the other formats of
// the annex carry the exact text.
export const UNDRAWABLE = '?';

// Composed accents first ("é" written as e + U+0301 is drawable), line ends as
// "\n", tabs as spaces, and one placeholder per character the fonts lack.
export function drawableText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replaceAll('\t', ' ').replace(OUTSIDE_WIN_ANSI, UNDRAWABLE);
}

// Kerning can make a piece a little wider than the sum of its characters.
const FILL = 0.97;

// A character's width in one font and size, measured once: a long document
// meets the same few dozen characters over and over.
export function charWidths(widthOf: (text: string) => number): (char: string) => number {
  const known = new Map<string, number>();
  return (char) => {
    const width = known.get(char) ?? widthOf(char);
    known.set(char, width);
    return width;
  };
}

// Words wider than a line cut into pieces of at most a line, each on a line of
// its own. pdfkit cuts such a word itself, but measures the whole rest of the
// word again for every line, quadratic in its length: a 20,000-character word
// held the event loop for seconds. Every word it meets here fits a line. A
// word ends only at a space or a line end: pdfkit breaks at neither a
// no-break space nor most punctuation, so neither may hide a long word.
export function breakLongWords(text: string, width: number, charWidth: (char: string) => number): string {
  return text.replace(/[^ \n]+/g, (word) => {
    let wordWidth = 0;
    for (const char of word) wordWidth += charWidth(char);
    if (wordWidth <= width * FILL) return word;
    const pieces: string[] = [];
    let piece = '';
    let pieceWidth = 0;
    for (const char of word) {
      const w = charWidth(char);
      if (piece !== '' && pieceWidth + w > width * FILL) {
        pieces.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += char;
      pieceWidth += w;
    }
    pieces.push(piece);
    return pieces.join('\n');
  });
}
