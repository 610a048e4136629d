// Lower case without accents, one character for one: positions found in the
// folded text are positions in the original, so the words a reading relied on
// can be shown highlighted where the person wrote them.
export function foldText(text: string): string {
  let folded = '';
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // A character that folds into more or fewer UTF-16 units than it had (a
    // ligature, an astral symbol) stays as it is, so lengths keep matching.
    folded += plain.length === char.length ? plain : char;
  }
  return folded;
}
