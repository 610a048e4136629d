import { z } from 'zod';
import { AgreementStatus } from '../../../../domain/agreement/status';
import { LocalDate } from '../../../../domain/dates';
import { Semaforo } from '../../../../domain/semaforo';

// The list's filters as they live in the address (CONTRACT.md §3): Spanish
// names, so a shared link reads well; anything malformed is dropped rather than
// breaking the page.
export const AgreementFilters = z.object({
  estatus: AgreementStatus.optional().catch(undefined),
  semaforo: Semaforo.optional().catch(undefined),
  institucion: z.uuid().optional().catch(undefined),
  sesion: z.uuid().optional().catch(undefined),
  vencidos: z.boolean().optional().catch(undefined),
  texto: z.string().trim().min(1).max(500).optional().catch(undefined),
  corte: LocalDate.optional().catch(undefined),
});
export type AgreementFilters = z.infer<typeof AgreementFilters>;

// The same filters in the API's words (GET /api/agreements).
export function listQuery(filters: AgreementFilters) {
  return {
    status: filters.estatus,
    semaforo: filters.semaforo,
    institutionId: filters.institucion,
    sessionId: filters.sesion,
    overdue: filters.vencidos === undefined ? undefined : filters.vencidos ? ('true' as const) : ('false' as const),
    q: filters.texto,
    asOf: filters.corte,
  };
}
