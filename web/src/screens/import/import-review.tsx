import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import type { RowError } from '../../../../domain/import-row';
import { formMessage } from '../../api/errors';
import { milestonesQuery } from '../../reference/queries';
import { Field, WriteStatus } from '../../ui/field';
import { countOf, formatBytes, formatDate } from '../../ui/format';
import { useSubmission } from '../../ui/submission';
import { FileRefused, reviewFile, startImport, type PreviewRow } from './import-api';
import { ErrorTable, PreviewTable } from './review-tables';

// The routes' limit (api/routes/import.ts): a bigger file is refused before it is sent.
const MAX_BYTES = 2 * 1024 * 1024;

// What was reviewed: that very File (another pick is another review) and the
// text read from it, which is what the import sends.
interface Reviewed {
  file: File;
  text: string;
  rows: PreviewRow[];
  errors: RowError[];
}

// Why a chosen file cannot be sent, before sending it.
function fileProblem(file: File | undefined): string | undefined {
  if (!file) return 'Elija el archivo CSV que quiere revisar.';
  if (/\.(xlsx|xls|ods)$/i.test(file.name)) return 'Es un libro de hoja de cálculo, no un CSV: en Excel use «Guardar como» → «CSV UTF-8 (delimitado por comas)» y elija ese archivo.';
  if (file.size > MAX_BYTES) return `El archivo pesa ${formatBytes(file.size)}; se admiten hasta 2 MB. Divídalo en varios archivos.`;
  return undefined;
}

function ReviewSummary({ reviewed }: { reviewed: Reviewed }) {
  if (reviewed.errors.length > 0) {
    return (
      <p className="status-error">
        <span aria-hidden="true">⚠ </span>
        El archivo «{reviewed.file.name}» tiene {countOf(reviewed.errors.length, 'error', 'errores')}. No se registró nada. Corrija las filas de la tabla en su hoja de cálculo, guárdela
        como CSV y revísela de nuevo.
      </p>
    );
  }
  const newSessions = [...new Map(reviewed.rows.filter((r) => r.session.id === null).map((r) => [r.session.label, r.session])).values()];
  const warnings = reviewed.rows.filter((r) => r.disagreesWithText).length;
  return (
    <div className="status-ok import-summary">
      <p>
        <span aria-hidden="true">✓ </span>
        El archivo «{reviewed.file.name}» no tiene errores: se registrarían {countOf(reviewed.rows.length, 'acuerdo', 'acuerdos')}. Todavía no se registró nada.
      </p>
      {newSessions.length > 0 && (
        <p>
          Se crearían {newSessions.length === 1 ? 'la sesión' : 'las sesiones'} {newSessions.map((s) => `${s.label} del ${formatDate(s.date)}`).join(', ')}.
        </p>
      )}
      {warnings > 0 && (
        <p className="import-warning">
          <span aria-hidden="true">⚠ </span>
          {warnings === 1 ? 'Una fila tiene' : `${warnings} filas tienen`} en la columna deadline un plazo distinto del que dice su texto: {warnings === 1 ? 'está marcada' : 'están marcadas'} en la tabla.
          Revíselas antes de importar.
        </p>
      )}
    </div>
  );
}

// Choose a file, review it (the dry run), and import what was reviewed.
export function ImportReview({ bodyId }: { bodyId: string }) {
  const navigate = useNavigate({ from: '/importar' });
  const milestones = useQuery(milestonesQuery(bodyId));
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<string>();
  const [reviewed, setReviewed] = useState<Reviewed>();

  const review = useMutation({
    mutationFn: async (chosen: File) => {
      const text = await chosen.text();
      return { file: chosen, text, ...(await reviewFile(bodyId, text)) };
    },
    onSuccess: setReviewed,
  });
  const start = useSubmission((text: string, key: string) => startImport(bodyId, text, key), {
    onSuccess: (job) => void navigate({ search: { importacion: job.id } }),
    // Refused now though the review passed: the review shows why, and Importar goes.
    onError: (error) => {
      if (error instanceof FileRefused) setReviewed((last) => last && { ...last, rows: [], errors: error.errors });
    },
  });

  const onReview = (event: FormEvent) => {
    event.preventDefault();
    const wrong = fileProblem(file);
    setProblem(wrong);
    if (!wrong && file) review.mutate(file);
  };
  const ready = reviewed !== undefined && reviewed.file === file && reviewed.errors.length === 0 && reviewed.rows.length > 0;

  return (
    <>
      <form className="card import-form" onSubmit={onReview} noValidate>
        <Field label="Archivo CSV" hint="Columnas session, text, responsibles, deadline y, si quiere, themes ; arriba se explica qué lleva cada una." error={problem}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => {
                // Another file is another review: what was reviewed is no longer what would be imported.
                setFile(event.target.files?.[0]);
                setReviewed(undefined);
                setProblem(undefined);
                review.reset();
                start.reset();
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={review.isPending}>
          Revisar archivo
        </button>
        <WriteStatus pending={review.isPending} pendingText="Revisando el archivo (no se registra nada)…" error={formMessage(review.error)} />
      </form>

      {reviewed && reviewed.file === file && (
        <section className="card import-review" aria-labelledby="revision">
          <h2 id="revision">Revisión del archivo</h2>
          <div role="status">
            <ReviewSummary reviewed={reviewed} />
          </div>
          {ready && (
            <div className="import-go">
              <button type="button" className="button button-primary" disabled={start.isPending} onClick={() => start.submit(reviewed.text)}>
                Importar
              </button>
              <span className="muted">Registra {countOf(reviewed.rows.length, 'acuerdo', 'acuerdos')} de la tabla, en ese orden.</span>
            </div>
          )}
          <WriteStatus pending={start.isPending} pendingText="Iniciando la importación…" error={start.error instanceof FileRefused ? undefined : formMessage(start.error)} />
          {reviewed.errors.length > 0 ? <ErrorTable errors={reviewed.errors} /> : <PreviewTable rows={reviewed.rows} milestones={milestones.data ?? []} />}
        </section>
      )}
    </>
  );
}
