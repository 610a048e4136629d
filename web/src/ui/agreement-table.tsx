import { Link } from '@tanstack/react-router';
import type { AgreementPage } from '../api/types';
import { formatDate } from './format';
import { SemaforoBadge, STATUS_LABEL } from './semaforo';

export type AgreementRow = AgreementPage['items'][number];

// A table of agreements with the columns of CONTRACT.md §3; the text is shown
// as text (React escapes it), never as HTML. With `corte`, each agreement
// opens as of that day too.
export function AgreementTable({ items, caption, corte }: { items: readonly AgreementRow[]; caption: string; corte?: string | undefined }) {
  return (
    <div className="table-wrap">
      <table className="agreements">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Folio</th>
            <th scope="col">Acuerdo</th>
            <th scope="col">Responsables</th>
            <th scope="col">Fecha límite</th>
            <th scope="col">Semáforo</th>
            <th scope="col">Estatus</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td className="folio">
                <Link to="/acuerdos/$id" params={{ id: a.id }} search={corte ? { corte } : {}}>
                  {a.folio}
                </Link>
              </td>
              <td className="agreement-text">{a.text}</td>
              <td>{a.responsibles.map((r) => r.acronym).join(', ')}</td>
              <td className="nowrap">{formatDate(a.dueDate)}</td>
              <td>
                <SemaforoBadge value={a.semaforo} daysOverdue={a.daysOverdue} />
              </td>
              <td>{STATUS_LABEL[a.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
