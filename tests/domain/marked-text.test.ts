import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markedPieces } from '../../domain/marked-text.js';

// The registration form shows an agreement's text with the words a deadline
// suggestion relied on marked: whatever spans come, the text reads the same.

describe('marking the words a reading relied on', () => {
  it('marks the words of each span and leaves the rest plain', () => {
    const text = 'Favorecerán en los siguientes quince días hábiles las gestiones.';
    const start = text.indexOf('en los');
    const end = text.indexOf(' las gestiones');
    expect(markedPieces(text, [{ start, end }])).toEqual([
      { text: 'Favorecerán ', marked: false },
      { text: 'en los siguientes quince días hábiles', marked: true },
      { text: ' las gestiones.', marked: false },
    ]);
  });

  it('merges overlapping or touching spans and clips those past the end', () => {
    expect(markedPieces('abcdefgh', [{ start: 5, end: 99 }, { start: 1, end: 3 }, { start: 2, end: 4 }, { start: 4, end: 5 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcdefgh', marked: true },
    ]);
  });

  it('puts the text back together exactly, with no empty piece, whatever the spans', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ start: fc.integer({ min: -5, max: 60 }), end: fc.integer({ min: -5, max: 60 }) })), (text, spans) => {
        const pieces = markedPieces(text, spans);
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        expect(pieces.every((p) => p.text.length > 0)).toBe(true);
        // Two plain pieces never touch: marks only split the text where a span begins or ends.
        expect(pieces.every((p, i) => i === 0 || p.marked || pieces[i - 1]?.marked)).toBe(true);
      }),
    );
  });
});
