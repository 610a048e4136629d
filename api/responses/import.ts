import { z } from 'zod';
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

// A file with errors is refused whole: the rows' errors, and the usual envelope.
export const ImportRefused = ErrorEnvelope.extend({ created: z.literal(0), errors: z.array(RowError).min(1) });

export const ImportAnswers = {
  200: ImportDone,
  ...errorAnswers(401, 403, 404, 409, 413, 415),
  400: ImportRefused.or(ErrorEnvelope).describe('El archivo tiene errores (ninguna fila se registró), o la solicitud es inválida.'),
};
