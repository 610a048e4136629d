import type { AgreementStatus, InstitutionState } from './agreement/status.js';
import type { BusinessCalendar } from './calendar.js';
import type { LocalDate } from './dates.js';
import { evaluateSemaforo, type Light } from './semaforo.js';

// What a coordinator's dashboard needs of each agreement.
export interface DashboardAgreement {
  seq: number;
  status: AgreementStatus;
  dueDate: LocalDate | null;
  responsibles: readonly { institutionId: string; state: InstitutionState }[];
}

export interface ReferenceDay {
  today: LocalDate;
  calendar: BusinessCalendar;
  warningBusinessDays: number;
}

export interface DashboardTotals {
  en_proceso: number;
  cumplido: number;
  cancelado: number;
  vencidos: number;
}

// One institution's follow-up, counted over the agreements where it is
// responsible, cancelled ones left out (they bind nobody):
// - cumplidos: its part is done — its own state is cumplido, or the whole
//   agreement is cumplido (the secretariat may fulfil it directly);
// - enProceso: the agreement is en_proceso and its part is not done yet;
// - vencidos: those of enProceso whose agreement is overdue on the reference day;
// - complianceRate = cumplidos / (enProceso + cumplidos), between 0 and 1; null
//   when that is 0/0 (every agreement it shares is cancelled).
export interface InstitutionCompliance {
  institutionId: string;
  enProceso: number;
  cumplidos: number;
  vencidos: number;
  complianceRate: number | null;
}

export interface Dashboard<A> {
  totals: DashboardTotals;
  byInstitution: InstitutionCompliance[];
  // Overdue agreements, most days overdue first, then in folio order.
  overdue: { agreement: A; daysOverdue: number }[];
}

export function summarizeDashboard<A extends DashboardAgreement>(agreements: readonly A[], day: ReferenceDay): Dashboard<A> {
  const totals: DashboardTotals = { en_proceso: 0, cumplido: 0, cancelado: 0, vencidos: 0 };
  const byInstitution = new Map<string, InstitutionCompliance>();
  const overdue: { agreement: A; daysOverdue: number }[] = [];
  // The light depends only on status and due date: agreements due the same day share one evaluation.
  const lights = new Map<string, Light>();

  for (const agreement of agreements) {
    totals[agreement.status] += 1;
    const key = `${agreement.status}|${agreement.dueDate}`;
    let light = lights.get(key);
    if (!light) {
      light = evaluateSemaforo(agreement, day.today, day.calendar, day.warningBusinessDays);
      lights.set(key, light);
    }
    const isOverdue = light.semaforo === 'rojo';
    if (isOverdue) {
      totals.vencidos += 1;
      overdue.push({ agreement, daysOverdue: light.daysOverdue });
    }
    for (const responsible of agreement.responsibles) {
      let row = byInstitution.get(responsible.institutionId);
      if (!row) {
        row = { institutionId: responsible.institutionId, enProceso: 0, cumplidos: 0, vencidos: 0, complianceRate: null };
        byInstitution.set(responsible.institutionId, row);
      }
      if (agreement.status === 'cancelado') continue;
      if (agreement.status === 'cumplido' || responsible.state === 'cumplido') {
        row.cumplidos += 1;
      } else {
        row.enProceso += 1;
        if (isOverdue) row.vencidos += 1;
      }
    }
  }

  for (const row of byInstitution.values()) {
    const owed = row.enProceso + row.cumplidos;
    row.complianceRate = owed === 0 ? null : row.cumplidos / owed;
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.agreement.seq - b.agreement.seq);
  return { totals, byInstitution: [...byInstitution.values()], overdue };
}
