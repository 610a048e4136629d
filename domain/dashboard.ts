import type { AgreementStatus, InstitutionState } from './agreement/status.js';
import type { BusinessCalendar } from './calendar.js';
import { compareDates, type LocalDate } from './dates.js';
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

  for (const row of byInstitution.values()) row.complianceRate = complianceRate(row);
  overdue.sort(mostOverdueFirst);
  return { totals, byInstitution: [...byInstitution.values()], overdue };
}

export function complianceRate({ enProceso, cumplidos }: { enProceso: number; cumplidos: number }): number | null {
  const owed = enProceso + cumplidos;
  return owed === 0 ? null : cumplidos / owed;
}

// The order of the overdue list: most business days overdue first, then by folio.
export function mostOverdueFirst(a: { agreement: { seq: number }; daysOverdue: number }, b: { agreement: { seq: number }; daysOverdue: number }): number {
  return b.daysOverdue - a.daysOverdue || a.agreement.seq - b.agreement.seq;
}

// The en_proceso agreements on each light of the reference day.
export interface LightCounts {
  verde: number;
  amarillo: number;
  rojo: number;
  sin_plazo: number;
}

// Which due dates hold the `limit` most overdue agreements, given how many
// overdue agreements fall due on each date: an earlier due date is never less
// overdue, so the dates are taken from the earliest, until `limit` agreements
// are in, and then those as overdue as the last one taken (folio order decides
// among them). Only those rows need reading, and only their days counting.
export function mostOverdueDueDates(counts: readonly { dueDate: LocalDate; count: number }[], day: ReferenceDay, limit: number): LocalDate[] {
  const sorted = [...counts].sort((a, b) => compareDates(a.dueDate, b.dueDate));
  const taken: LocalDate[] = [];
  let agreements = 0;
  let lastDays: number | undefined;
  for (const { dueDate, count } of sorted) {
    const { daysOverdue } = evaluateSemaforo({ status: 'en_proceso', dueDate }, day.today, day.calendar, day.warningBusinessDays);
    if (agreements >= limit && daysOverdue !== lastDays) break;
    taken.push(dueDate);
    agreements += count;
    lastDays = daysOverdue;
  }
  return taken;
}
