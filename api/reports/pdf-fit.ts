// Cutting a long text where a page ends, for the reports' PDF tables.

// How many times a text is wrapped to find what fits on the rest of a page.
// Each wrap costs a page of text at most, so a row costs a few wraps of its
// text whatever it holds.
const MEASUREMENTS = 4;
// The characters whose width gives the first guess of how many fit a line.
const SAMPLE = 500;

type Doc = PDFKit.PDFDocument;

export interface Fit {
  head: string;
  tail: string;
  // Of the head's cell.
  height: number;
}

// The longest head of a text whose cell fits in `room`, cut at a space or line
// end, and the tail that continues on the next page; the whole text when it
// fits. The first guess comes from the characters a line holds; each
// measurement narrows it, and the head is the longest that was measured to fit.
export function fitText(doc: Doc, text: string, room: number, width: number, pad: number): Fit {
  const lineHeight = doc.currentLineHeight(true);
  const cellHeight = (value: string) => doc.heightOfString(value, { width }) + 2 * pad;
  const lines = Math.floor((room - 2 * pad) / lineHeight);
  if (text === '') return { head: '', tail: '', height: cellHeight('') };
  if (lines < 1) return { head: '', tail: text, height: 0 };
  const linesOf = (length: number) => Math.round(doc.heightOfString(text.slice(0, length), { width: width }) / lineHeight);
  const heightOf = (used: number) => used * lineHeight + 2 * pad;
  // A text of a few lines is measured whole first, as most are.
  const sample = text.slice(0, SAMPLE);
  const perLine = () => Math.max(1, Math.floor((width * sample.length) / Math.max(doc.widthOfString(sample), 1)));
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
  return { head, tail: text.slice(cut).trimStart(), height: cellHeight(head) };
}

