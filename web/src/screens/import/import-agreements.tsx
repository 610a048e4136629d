import '../../styles/importar.css';
import { useRouteContext } from '@tanstack/react-router';
import { useEffect } from 'react';
import { importRoute } from '../../app/routes-importar';
import { bodyOf } from '../../auth/session';
import { CsvFormat } from './csv-format';
import { ImportJobView } from './import-job';
import { ImportReview } from './import-review';

// `/importar`: a CSV of agreements reviewed first (nothing recorded), then
// imported by a durable job whose progress the page follows.
export function ImportAgreements() {
  const { importacion } = importRoute.useSearch();
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  useEffect(() => {
    document.title = 'Importar acuerdos — Acuerdos';
  }, []);
  return (
    <div className="import-page">
      <h1>Importar acuerdos</h1>
      {importacion ? (
        <ImportJobView id={importacion} />
      ) : (
        <>
          <p className="lead">
            Registre muchos acuerdos de una vez desde una hoja de cálculo guardada como CSV. Primero revise el archivo: verá cada acuerdo con la fecha límite que tendría, o cada error con su
            número de fila, sin que se registre nada. Solo un archivo revisado y sin errores se puede importar.
          </p>
          <CsvFormat />
          <ImportReview bodyId={bodyId} />
        </>
      )}
    </div>
  );
}
