import { z } from 'zod';

// A text someone has to write (a name, a reason, an agreement): trimmed, not
// blank, at most `max` characters. The pattern (a character that is not
// white space; JavaScript's trim also strips U+FEFF) tells the OpenAPI
// document that a blank text is refused, which minLength alone cannot.
// `missing`, when given, is the message for an absent or blank text.
export function Text(max: number, missing?: string) {
  return z
    .string(missing === undefined ? undefined : { error: missing })
    .trim()
    .min(1, missing)
    .max(max)
    .meta({ pattern: '[^\\s\\uFEFF]' });
}
