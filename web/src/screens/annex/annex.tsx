import '../../styles/anexo.css';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouteContext } from '@tanstack/react-router';
import { useEffect } from 'react';
import { AgreementStatus, STATUS_LABEL } from '../../../../domain/agreement/status';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Ok } from '../../api/types';
import { bodyOf } from '../../auth/session';
import { CorteForm } from '../../ui/corte-form';
import { formatDate } from '../../ui/format';
import { annexRoute } from '../../app/routes-anexo';

// What each ESTATUS DEL ACUERDO means, printed under the table.
const STATUS_MEANING: Record<AgreementStatus, string> = {
  en_proceso: 'El acuerdo sigue vigente y falta que alguna institución responsable lo cumpla.',
  cumplido: 'La secretaría técnica aceptó la evidencia de cumplimiento de todas las instituciones responsables.',
  cancelado: 'El acuerdo quedó sin efecto por decisión del órgano.',
};

// The route's answer types every format; `format=json` asks for the object.
type AnnexTable = Exclude<Ok<'/api/reports/annex'>, string>;

function annexQuery(bodyId: string, corte: string | undefined) {
  return {
    queryKey: ['annex', bodyId, corte ?? null],
    queryFn: async (): Promise<AnnexTable> => {
      const annex = await unwrap(api.GET('/api/reports/annex', { params: { query: { bodyId, format: 'json', ...(corte ? { asOf: corte } : {}) } } }));
      if (typeof annex === 'string') throw new Error('El servidor no respondió con la tabla del anexo.');
      return annex;
    },
  };
}

// The API's own URL for the annex in a file format: a plain link sends the
// cookie session, so the browser downloads what the API writes.
function downloadHref(bodyId: string, corte: string | undefined, format: 'csv' | 'pdf'): string {
  const query = new URLSearchParams({ bodyId, format });
  if (corte) query.set('asOf', corte);
  return `/api/reports/annex?${query.toString()}`;
}

// `/anexo`: Annex I of the annual report (the agreements and their status) as
// of any day, to read, download (CSV, PDF) or print.
export function Annex() {
  const { corte } = annexRoute.useSearch();
  const { principal } = useRouteContext({ from: '/app' });
  const navigate = useNavigate({ from: '/anexo' });
  const bodyId = bodyOf(principal) ?? '';
  const annex = useQuery(annexQuery(bodyId, corte));
  useEffect(() => {
    document.title = 'Anexo de acuerdos — Acuerdos';
  }, []);

  return (
    <div className="annex-page">
      <div className="page-header no-print">
        <h1>Anexo de acuerdos</h1>
      </div>
      {/* Keyed by the URL's day: following a link starts a fresh draft. */}
      <CorteForm
        key={corte ?? ''}
        corte={corte}
        onApply={(next) => void navigate({ search: next ? { corte: next } : {} })}
        idPrefix="a"
        className="annex-cutoff"
        hint="Vacío: hoy. Con una fecha, el estatus de cada acuerdo al final de ese día."
        applyLabel="Ver anexo"
        todayLabel="Ver a hoy"
      />
      <ul className="annex-downloads no-print" aria-label="Descargas del anexo">
        <li>
          <a className="button" href={downloadHref(bodyId, corte, 'csv')} download>
            Descargar CSV
          </a>
        </li>
        <li>
          <a className="button" href={downloadHref(bodyId, corte, 'pdf')} download>
            Descargar PDF
          </a>
        </li>
      </ul>

      {annex.isPending ? (
        <p className="muted">Cargando el anexo…</p>
      ) : annex.error ? (
        <p className="status-error" role="alert">
          No se pudo cargar el anexo: {annex.error.message}
        </p>
      ) : (
        <section className="annex-report" aria-labelledby="annex-title">
          <h2 id="annex-title" className="annex-title">
            {annex.data.title}
          </h2>
          <p className="annex-subtitle">{annex.data.subtitle}</p>
          {annex.data.rows.length === 0 ? (
            <p className="notice">El órgano no tenía acuerdos adoptados a esa fecha.</p>
          ) : (
            <div className="table-wrap">
              <table className="annex-table">
                <caption className="visually-hidden">Acuerdos y su estatus al {formatDate(annex.data.asOf)}</caption>
                <thead>
                  <tr>
                    {annex.data.columns.map((column) => (
                      <th key={column.key} scope="col">
                        {column.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {annex.data.rows.map((row) => (
                    <tr key={row.agreementId} data-status={row.status}>
                      {annex.data.columns.map((column) => (column.key === 'folio' ? <th key={column.key} scope="row">{row.folio}</th> : <td key={column.key}>{row[column.key]}</td>))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <section className="annex-legend" aria-labelledby="annex-legend-title">
            <h3 id="annex-legend-title">Estatus del acuerdo</h3>
            <dl>
              {AgreementStatus.options.map((status) => (
                <div key={status}>
                  <dt>{STATUS_LABEL[status]}</dt>
                  <dd>{STATUS_MEANING[status]}</dd>
                </div>
              ))}
            </dl>
          </section>
        </section>
      )}
    </div>
  );
}
