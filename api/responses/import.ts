import { z } from 'zod';
import { SuggestedRule, SuggestionEvidence } from '../../domain/deadline-suggestion.js';
import { IMPORT_STATES } from '../../db/imports.js';
import { ErrorEnvelope, errorAnswers } from './error.js';

const RowError = z.object({
  row: z.number().int().min(0).describe('Como la numera una hoja de cálculo: el encabezado es la 1; la 0 es el archivo entero.'),
  message: z.string(),
});

export const ImportDone = z.object({
  created: z.number().int().min(0),
  errors: z.array(RowError).max(0),
  agreements: z.array(z.object({ row: z.number().int().min(2), id: z.uuid(), folio: z.string() })).describe('En el orden del archivo.'),
});

// The dry run (?dryRun=true): what the import would register, or why it would not.
export const ImportPreview = z.object({
  rows: z
    .array(
      z.object({
        row: z.number().int().min(2),
        session: z.object({
          id: z.uuid().nullable().describe('null: la importación crearía esta sesión.'),
          label: z.string(),
          date: z.string(),
        }),
        text: z.string(),
        responsibles: z.array(z.object({ institutionId: z.uuid(), acronym: z.string() })),
        dueDate: z.string().nullable().describe('null: sin plazo, o anclado a un hito que aún no ocurre.'),
        dueDateExplanation: z.string(),
        textDeadline: z
          .object({ deadline: SuggestedRule, evidence: z.array(SuggestionEvidence), confidence: z.number().min(0).max(1) })
          .nullable()
          .describe('El plazo que enuncia el propio texto del acuerdo (como POST /deadline-suggestions), o null si no enuncia ninguno.'),
        disagreesWithText: z.boolean().describe('true: la columna deadline no coincide con el plazo que enuncia el texto; revísela antes de importar.'),
      }),
    )
    .describe('Cada fila, en el orden del archivo; vacío si hay errores.'),
  errors: z.array(RowError),
});

// A file with errors is refused whole: the rows' errors, and the usual envelope.
export const ImportRefused = ErrorEnvelope.extend({ created: z.literal(0), errors: z.array(RowError).min(1) });

export const ImportAnswers = {
  200: ImportDone.or(ImportPreview).describe('Importado; o, con `dryRun=true`, la revisión del archivo (sin registrar nada).'),
  ...errorAnswers(401, 403, 404, 409, 413, 415),
  400: ImportRefused.or(ErrorEnvelope).describe('El archivo tiene errores (ninguna fila se registró), o la solicitud es inválida.'),
};

const RegisteredRow = z.object({ row: z.number().int().min(2), id: z.uuid(), folio: z.string() });

export const ImportJobView = z.object({
  id: z.uuid(),
  state: z.enum(IMPORT_STATES),
  total: z.number().int().min(0),
  created: z.number().int().min(0),
  errors: z.array(RowError),
  agreements: z.array(RegisteredRow).describe('Las filas registradas hasta ahora, en el orden del archivo.'),
});

export const ImportJobAnswers = {
  202: z.object({ id: z.uuid(), state: z.literal('running'), total: z.number().int().min(0) }),
  ...errorAnswers(401, 403, 404, 409, 413, 415),
  400: ImportRefused.or(ErrorEnvelope).describe('El archivo tiene errores (no se registró nada ni se inició el trabajo), o la solicitud es inválida.'),
};
