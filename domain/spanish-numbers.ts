// Cardinal numbers as Spanish agreement texts write them, in words or digits:
// "quince", "cuarenta y cinco", "ciento veinte", "un", "una", "15". Read from
// text already folded to lower case without accents (see folded-text.ts).

const UNITS: Record<string, number> = {
  cero: 0, un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
  diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18,
  diecinueve: 19, veinte: 20, veintiun: 21, veintiuno: 21, veintiuna: 21, veintidos: 22, veintitres: 23,
  veinticuatro: 24, veinticinco: 25, veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29,
};
const TENS: Record<string, number> = {
  treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
};
const HUNDREDS: Record<string, number> = {
  cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300,
  cuatrocientos: 400, cuatrocientas: 400, quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600,
  setecientos: 700, setecientas: 700, ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
};

const alternation = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');

const UNIT = alternation(UNITS);
const TEN = alternation(TENS);
const HUNDRED = alternation(HUNDREDS);
const BELOW_HUNDRED = `(?:(?:${TEN})(?: y (?:${UNIT}))?|(?:${UNIT}))`;

/** A regular-expression source matching one number, in digits or in words up to 999. */
export const NUMBER_SOURCE = `(?:\\d{1,4}|(?:(?:${HUNDRED})(?: ${BELOW_HUNDRED})?|${BELOW_HUNDRED}))`;

/** The value of a number matched by NUMBER_SOURCE; undefined for anything else. */
export function readSpanishNumber(words: string): number | undefined {
  const text = words.trim();
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let seen = false;
  for (const word of text.split(/\s+/)) {
    if (word === 'y') continue;
    const value = HUNDREDS[word] ?? TENS[word] ?? UNITS[word];
    if (value === undefined) return undefined;
    total += value;
    seen = true;
  }
  return seen ? total : undefined;
}
