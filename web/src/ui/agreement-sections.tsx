import type { ReactNode } from 'react';
import type { SemaforoValue } from '../api/types';
import type { AgreementStatus, InstitutionState } from '../../../domain/agreement/status';
import { formatDate } from './format';
import { SemaforoBadge, STATE_LABEL, STATUS_WORD } from './semaforo';

// The parts of an agreement's page that staff and the public portal show
// alike, so both read the same way (each page adds what only it shows).

export function AgreementStatusLine({ agreement: a }: { agreement: { semaforo: SemaforoValue; daysOverdue: number; status: AgreementStatus; fulfilledOn: string | null } }) {
  return (
    <div className="agreement-status">
      <SemaforoBadge value={a.semaforo} daysOverdue={a.daysOverdue} />
      <span className="status-label">Estatus: {STATUS_WORD[a.status]}</span>
      {a.fulfilledOn && <span>Cumplido el {formatDate(a.fulfilledOn)}</span>}
    </div>
  );
}

export function AgreementTextCard({ text, themes }: { text: string; themes: readonly string[] }) {
  return (
    <section className="card" aria-labelledby="texto">
      <h2 id="texto">Texto del acuerdo</h2>
      <p className="agreement-body">{text}</p>
      {themes.length > 0 && <p className="muted">Temas: {themes.join(', ')}</p>}
    </section>
  );
}

export function DueDateCard({ dueDate, explanation, children }: { dueDate: string | null; explanation: string; children?: ReactNode }) {
  return (
    <section className="card" aria-labelledby="plazo">
      <h2 id="plazo">Fecha límite</h2>
      <p className="due-date">{dueDate ? formatDate(dueDate) : 'Sin fecha límite'}</p>
      <p className="explanation">{explanation}</p>
      {children}
    </section>
  );
}

// An institution is responsible at most once per agreement: its acronym is its row.
export function ResponsiblesCard({ responsibles }: { responsibles: readonly { acronym: string; state: InstitutionState }[] }) {
  return (
    <section className="card" aria-labelledby="responsables">
      <h2 id="responsables">Instituciones responsables</h2>
      <table>
        <caption className="visually-hidden">Estado de cada institución responsable</caption>
        <thead>
          <tr>
            <th scope="col">Institución</th>
            <th scope="col">Estado</th>
          </tr>
        </thead>
        <tbody>
          {responsibles.map((r) => (
            <tr key={r.acronym}>
              <td>{r.acronym}</td>
              <td>
                <span className={`state state-${r.state}`}>{STATE_LABEL[r.state]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
