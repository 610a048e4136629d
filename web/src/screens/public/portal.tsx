import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { portalRoute, type PortalFilters } from '../../app/routes-publico';
import { AgreementTable } from '../../ui/agreement-table';
import { AgreementPages } from '../../ui/agreement-pages';
import { formatDate } from '../../ui/format';
import { SemaforoSelect, StatusSelect, TextSearch, useFilterDraft } from '../../ui/status-filters';
import { downloadUrl, publicBodyQuery, publicListQuery, publicPagesQuery } from './queries';
import { PublicProblem } from './unavailable';

const PERCENT = new Intl.NumberFormat('es-MX', { style: 'percent', maximumFractionDigits: 1 });

type Summary = { enProceso: number; cumplidos: number; cancelados: number; vencidos: number; total: number; complianceRate: number | null };

function ExecutionSummary({ summary, day }: { summary: Summary; day: string }) {
  return (
    <section className="card" aria-labelledby="resumen">
      <h2 id="resumen">Resumen de ejecución</h2>
      <p className="muted">
        {summary.total} {summary.total === 1 ? 'acuerdo adoptado' : 'acuerdos adoptados'}, cifras al {formatDate(day)}.
      </p>
      <dl className="summary">
        <div>
          <dt>Porcentaje cumplido</dt>
          <dd className="summary-figure">{summary.complianceRate === null ? '—' : PERCENT.format(summary.complianceRate)}</dd>
          <dd className="muted">de los acuerdos vigentes (cumplidos y en proceso)</dd>
        </div>
        <div>
          <dt>Cumplidos</dt>
          <dd className="summary-figure">{summary.cumplidos}</dd>
        </div>
        <div>
          <dt>En proceso</dt>
          <dd className="summary-figure">{summary.enProceso}</dd>
        </div>
        <div>
          <dt>Vencidos</dt>
          <dd className="summary-figure">{summary.vencidos}</dd>
          <dd className="muted">en proceso con la fecha límite ya pasada</dd>
        </div>
        {summary.cancelados > 0 && (
          <div>
            <dt>Cancelados</dt>
            <dd className="summary-figure">{summary.cancelados}</dd>
            <dd className="muted">quedaron sin efecto</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function FilterForm({ filters, institutions, onApply }: { filters: PortalFilters; institutions: readonly { acronym: string; name: string }[]; onApply: (f: PortalFilters) => void }) {
  const { draft, set, submit } = useFilterDraft(filters, onApply);
  return (
    <form className="filters card no-print" onSubmit={submit} aria-label="Buscar acuerdos">
      <div className="filter-grid">
        <TextSearch id="p-texto" value={draft.texto} onChange={(texto) => set({ texto })} placeholder="p. ej. violencia, presupuesto" />
        <StatusSelect id="p-estatus" value={draft.estatus} onChange={(estatus) => set({ estatus })} />
        <SemaforoSelect id="p-semaforo" value={draft.semaforo} onChange={(semaforo) => set({ semaforo })} />
        <div className="field">
          <label htmlFor="p-institucion">Institución responsable</label>
          <select id="p-institucion" value={draft.institucion ?? ''} onChange={(e) => set({ institucion: e.target.value || undefined })}>
            <option value="">Todas</option>
            {institutions.map((i) => (
              <option key={i.acronym} value={i.acronym}>
                {i.acronym} — {i.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          Buscar
        </button>
        <button type="button" className="button" onClick={() => onApply({})}>
          Quitar filtros
        </button>
      </div>
    </form>
  );
}

export function Portal() {
  const { bodyId } = portalRoute.useParams();
  const filters = portalRoute.useSearch();
  const navigate = useNavigate({ from: '/publico/$bodyId' });
  const body = useQuery(publicBodyQuery(bodyId));
  const query = publicListQuery(bodyId, filters);
  const pages = useInfiniteQuery({ ...publicPagesQuery(query), enabled: body.isSuccess });
  useEffect(() => {
    document.title = body.data ? `Acuerdos de ${body.data.acronym} — consulta pública` : 'Consulta pública de acuerdos';
  }, [body.data]);

  if (body.isPending) return <p role="status">Cargando…</p>;
  if (body.isError) return <PublicProblem error={body.error} />;
  const b = body.data;
  const apply = (next: PortalFilters) => void navigate({ search: next });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>{b.name}</h1>
          <p className="lead">Seguimiento público de los acuerdos de {b.acronym}: qué se acordó, quién es responsable, la fecha límite y si ya se cumplió.</p>
        </div>
      </header>
      <ExecutionSummary summary={b.summary} day={b.day} />
      {/* A new address (back/forward, a shared link) starts the form from it. */}
      <FilterForm key={JSON.stringify(filters)} filters={filters} institutions={b.institutions} onApply={apply} />
      <section aria-labelledby="lista">
        <div className="page-header">
          <h2 id="lista">{filtered ? 'Acuerdos que cumplen la búsqueda' : 'Todos los acuerdos'}</h2>
          <div className="actions no-print">
            <a className="button" href={downloadUrl(query, 'csv')} download>
              Descargar CSV
            </a>
            <a className="button" href={downloadUrl(query, 'json')} download>
              Descargar JSON
            </a>
          </div>
        </div>
        <p className="muted">Las descargas contienen todos los acuerdos de esta búsqueda, no solo los que se ven en pantalla.</p>
        <AgreementPages pages={pages} items={items} empty={filtered ? 'Ningún acuerdo cumple esta búsqueda.' : 'El órgano aún no ha publicado acuerdos.'}>
          <AgreementTable
            items={items}
            caption={`Acuerdos de ${b.acronym}`}
            folioLink={(a) => (
              <Link to="/publico/$bodyId/acuerdos/$id" params={{ bodyId, id: a.id }}>
                {a.folio}
              </Link>
            )}
          />
        </AgreementPages>
      </section>
    </>
  );
}
