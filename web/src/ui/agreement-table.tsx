import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { AgreementPage, AgreementStatusValue, SemaforoValue } from '../api/types';
import { formatDate } from './format';
import { SemaforoBadge, STATUS_WORD } from './semaforo';

export type AgreementRow = AgreementPage['items'][number];

// What a row of the table shows: the staff's agreements and the public
// portal's alike.
export interface TableAgreement {
  id: string;
  folio: string;
  text: string;
  responsibles: readonly { acronym: string }[];
  dueDate: string | null;
  semaforo: SemaforoValue;
  daysOverdue: number;
  status: AgreementStatusValue;
}

// A table of agreements with the columns of CONTRACT.md §3; the text is shown
// as text (React escapes it), never as HTML. Each folio links to its
// agreement: by default the staff's page (with `corte`, as of that day too);
// `folioLink` gives another page, such as the public portal's.
export function AgreementTable<T extends TableAgreement>({ items, caption, corte, folioLink }: { items: readonly T[]; caption: string; corte?: string | undefined; folioLink?: (agreement: T) => ReactNode }) {
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
                {folioLink ? (
                  folioLink(a)
                ) : (
                  <Link to="/acuerdos/$id" params={{ id: a.id }} search={corte ? { corte } : {}}>
                    {a.folio}
                  </Link>
                )}
              </td>
              <td className="agreement-text">{a.text}</td>
              <td>{a.responsibles.map((r) => r.acronym).join(', ')}</td>
              <td className="nowrap">{formatDate(a.dueDate)}</td>
              <td>
                <SemaforoBadge value={a.semaforo} daysOverdue={a.daysOverdue} />
              </td>
              <td>{STATUS_WORD[a.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
