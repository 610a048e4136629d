import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId } from 'react';
import { countOf } from '../../ui/format';
import { importJobQuery, type ImportJob } from './import-api';
import { ErrorTable } from './review-tables';

function Outcome({ job }: { job: ImportJob }) {
  if (job.state === 'running') return null;
  if (job.state === 'done') {
    return (
      <p className="status-ok">
        <span aria-hidden="true">✓ </span>
        Importación terminada: se {job.created === 1 ? 'registró 1 acuerdo' : `registraron ${countOf(job.created, 'acuerdo', 'acuerdos')}`}.
      </p>
    );
  }
  const [first] = job.errors;
  return (
    <div className="status-error">
      <p>
        <span aria-hidden="true">⚠ </span>
        La importación se detuvo{first && first.row > 1 ? ` en la fila ${first.row}` : ''}: se registraron {job.created.toLocaleString('es-MX')} de {countOf(job.total, 'acuerdo', 'acuerdos')}.
      </p>
      <p>
        Las filas anteriores quedaron registradas (abajo, sus folios). Para registrar las demás, corrija el problema, deje en el archivo solo las filas que faltan y revíselo de nuevo.
      </p>
    </div>
  );
}

// A job being followed (`?importacion=<id>`): its progress bar until it ends,
// then what it registered, each folio leading to its agreement.
export function ImportJobView({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const job = useQuery(importJobQuery(id));
  const progressId = useId();
  const state = job.data?.state;
  useEffect(() => {
    // New agreements and sessions: lists read before are out of date.
    if (state === 'done' || state === 'failed') {
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    }
  }, [state, queryClient]);

  if (job.isPending) return <p role="status">Consultando la importación…</p>;
  if (job.isError && !job.data) {
    return (
      <p className="status-error" role="alert">
        No se pudo consultar la importación: {job.error.message} <Link to="/importar">Importar un archivo</Link>
      </p>
    );
  }
  const { created, total, agreements, errors } = job.data;
  return (
    <section className="card import-job" aria-labelledby="importacion">
      <h2 id="importacion">{state === 'running' ? 'Importación en curso' : 'Resultado de la importación'}</h2>
      <div className="import-progress">
        <label htmlFor={progressId}>Avance de la importación</label>
        <progress id={progressId} max={total} value={created}>
          {created} de {total}
        </progress>
        <p>
          {created.toLocaleString('es-MX')} de {countOf(total, 'acuerdo registrado', 'acuerdos registrados')}
        </p>
      </div>
      {state === 'running' && <p className="muted">La importación sigue en el servidor aunque cierre o recargue esta página; esta dirección muestra su avance.</p>}
      <div role="status">
        <Outcome job={job.data} />
      </div>
      {errors.length > 0 && <ErrorTable errors={errors} />}
      {state !== 'running' && (
        <p className="actions">
          <Link to="/acuerdos" className="button">
            Ver la lista de acuerdos
          </Link>
          <Link to="/importar" search={{}} className="button">
            Importar otro archivo
          </Link>
        </p>
      )}
      {agreements.length > 0 && state !== 'running' && (
        <div className="table-wrap">
          <table className="import-table import-folios">
            <caption>Acuerdos registrados ({agreements.length})</caption>
            <thead>
              <tr>
                <th scope="col">Fila</th>
                <th scope="col">Folio</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.id}>
                  <td>{a.row}</td>
                  <td className="folio">
                    <Link to="/acuerdos/$id" params={{ id: a.id }}>
                      {a.folio}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
