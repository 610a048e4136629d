import { z } from 'zod';
import { SuggestedRule, SuggestionEvidence } from '../../domain/deadline-suggestion.js';

export const DeadlineSuggestionView = z.object({
  suggestion: z
    .object({
      deadline: SuggestedRule.describe(
        'La regla de plazo que el texto enuncia. Si ancla en un hito que el órgano aún no tiene, `from` es `{milestoneName}`: créelo (POST /milestones) y use su id.',
      ),
      dueDate: z.string().nullable().describe('Fecha límite que resulta, AAAA-MM-DD; null mientras el hito no ocurra.'),
      dueDateExplanation: z.string().describe('Cómo se llega a la fecha, en español.'),
      evidence: z.array(SuggestionEvidence).describe('Las palabras del texto en que se basa, con su posición (start inclusivo, end exclusivo, en unidades UTF-16).'),
      confidence: z.number().min(0).max(1).describe('Qué tan explícito es el texto: 0.9 para "en un plazo de quince días hábiles", menos si se infiere el año o los días no dicen si son hábiles.'),
    })
    .nullable()
    .describe('null cuando el texto no enuncia un plazo.'),
});
export type DeadlineSuggestionView = z.infer<typeof DeadlineSuggestionView>;
