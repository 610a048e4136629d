// A text cut into the pieces to show plainly and the pieces to mark, from the
// spans [start, end) some reading relied on (a deadline suggestion's evidence).
// Spans out of range are clipped, overlapping ones merged, so the pieces always
// put the text back together exactly.

export interface TextPiece {
  text: string;
  marked: boolean;
}

export function markedPieces(text: string, spans: readonly { start: number; end: number }[]): TextPiece[] {
  const clipped = spans
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, end } of clipped) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    const last = pieces.at(-1);
    // A span that starts where the previous mark ends continues it.
    if (last?.marked && from === at) last.text += text.slice(from, end);
    else pieces.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
