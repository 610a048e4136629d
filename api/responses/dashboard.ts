import { z } from 'zod';
import { AgreementView } from './agreement.js';

const Count = z.number().int().min(0);

export const DashboardView = z.object({
  totals: z.object({ en_proceso: Count, cumplido: Count, cancelado: Count, vencidos: Count }),
  byInstitution: z.array(
    z.object({
      institutionId: z.uuid(),
      acronym: z.string(),
      enProceso: Count,
      cumplidos: Count,
      vencidos: Count,
      complianceRate: z.number().min(0).max(1).nullable(),
    }),
  ),
  overdue: z.array(AgreementView),
});
