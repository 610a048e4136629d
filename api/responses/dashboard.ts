import { z } from 'zod';
import { AgreementView } from './agreement.js';

const Count = z.number().int().min(0);

export const DashboardView = z.object({
  totals: z.object({ en_proceso: Count, cumplido: Count, cancelado: Count, vencidos: Count }),
  bySemaforo: z.object({ verde: Count, amarillo: Count, rojo: Count, sin_plazo: Count }),
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
  overdue: z.array(AgreementView).max(20),
  overdueCount: Count,
});

export const TrendView = z.array(
  z.object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    adopted: Count,
    enProceso: Count,
    cumplidos: Count,
    vencidos: Count,
  }),
);
