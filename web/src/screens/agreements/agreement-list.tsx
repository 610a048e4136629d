import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { Principal, SemaforoValue } from '../../api/types';
import { agreementsCsv, download } from '../../agreements/csv';
import { agreementPagesQuery, allAgreements } from '../../agreements/queries';
import { agreementListRoute } from '../../app/routes-ui-a';
import { AgreementTable, type AgreementRow } from '../../ui/agreement-table';
import { AgreementPages } from '../../ui/agreement-pages';
import { formatDate } from '../../ui/format';
import { SemaforoBadge } from '../../ui/semaforo';
import { SEMAFORO_VALUES, SemaforoSelect, StatusSelect, TextSearch, useFilterDraft } from '../../ui/status-filters';
import { WriteStatus } from '../../ui/field';
import { institutionsQuery, ownSessionsQuery } from '../../reference/queries';
import { listQuery, type AgreementFilters } from './filters';

type Counts = Partial<Record<SemaforoValue, number>>;

// How many agreements the person can see there are of each light (as of the
// corte), counted over their whole list: the dashboard has no semáforo counts,
// and an institution has no dashboard.
function useCounts(principal: Principal, corte: string | undefined) {
  return useQuery({
    queryKey: ['agreements', 'counts', principal.role, corte ?? null],
    queryFn: async (): Promise<Counts> => {
      const counts: Counts = {};
      for (const a of await allAgreements(corte ? { asOf: corte } : {})) counts[a.semaforo] = (counts[a.semaforo] ?? 0) + 1;
      return counts;
    },
  });
}

// Vencidos first (most overdue first), then folio order: what an institution
// must attend to comes first.
function overdueFirst(items: AgreementRow[]): AgreementRow[] {
  return [...items].sort((a, b) => (b.semaforo === 'rojo' ? b.daysOverdue + 1 : 0) - (a.semaforo === 'rojo' ? a.daysOverdue + 1 : 0));
}

function FilterForm({ filters, staff, onApply }: { filters: AgreementFilters; staff: boolean; onApply: (f: AgreementFilters) => void }) {
  const { draft, set, submit } = useFilterDraft(filters, onApply);
  const institutions = useQuery({ ...institutionsQuery, enabled: staff });
  const sessions = useQuery({ ...ownSessionsQuery, enabled: staff });
  return (
    <form className="filters card no-print" onSubmit={submit} aria-label="Filtros">
      <div className="filter-grid">
        <TextSearch id="f-texto" value={draft.texto} onChange={(texto) => set({ texto })} placeholder="p. ej. violencia, PROIGUALDAD" />
        <StatusSelect id="f-estatus" value={draft.estatus} onChange={(estatus) => set({ estatus })} />
        <SemaforoSelect id="f-semaforo" value={draft.semaforo} onChange={(semaforo) => set({ semaforo })} />
        {staff && (
          <div className="field">
            <label htmlFor="f-institucion">Institución</label>
            <select id="f-institucion" value={draft.institucion ?? ''} onChange={(e) => set({ institucion: e.target.value || undefined })}>
              <option value="">Todas</option>
              {institutions.data?.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.acronym} — {i.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {staff && (
          <div className="field">
            <label htmlFor="f-sesion">Sesión</label>
            <select id="f-sesion" value={draft.sesion ?? ''} onChange={(e) => set({ sesion: e.target.value || undefined })}>
              <option value="">Todas</option>
              {sessions.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label} ({formatDate(s.date)})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="f-corte">Corte al</label>
          <input id="f-corte" type="date" value={draft.corte ?? ''} onChange={(e) => set({ corte: e.target.value || undefined })} aria-describedby="f-corte-hint" />
          <p className="field-hint" id="f-corte-hint">
            Vacío: hoy. Con una fecha, la situación al final de ese día.
          </p>
        </div>
      </div>
      <div className="checkbox">
        <input id="f-vencidos" type="checkbox" checked={draft.vencidos === true} onChange={(e) => set({ vencidos: e.target.checked || undefined })} />
        <label htmlFor="f-vencidos">Solo vencidos</label>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          Aplicar filtros
        </button>
        <button type="button" className="button" onClick={() => onApply({})}>
          Quitar filtros
        </button>
      </div>
    </form>
  );
}

export function AgreementList() {
  const filters = agreementListRoute.useSearch();
  const { principal } = agreementListRoute.useRouteContext();
  const navigate = useNavigate({ from: '/acuerdos' });
  const staff = principal.role !== 'institution';
  const query = listQuery(filters);
  const pages = useInfiniteQuery(agreementPagesQuery(query));
  const counts = useCounts(principal, filters.corte);
  const exportCsv = useMutation({
    mutationFn: async () => {
      const items = await allAgreements(query);
      download(`acuerdos${filters.corte ? `-al-${filters.corte}` : ''}.csv`, agreementsCsv(staff ? items : overdueFirst(items)), 'text/csv;charset=utf-8');
      return items.length;
    },
  });
  useEffect(() => {
    document.title = 'Acuerdos — Acuerdos';
  }, []);

  const apply = (next: AgreementFilters) => void navigate({ search: next });
  const loaded = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const items = staff ? loaded : overdueFirst(loaded);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <div className="page-header">
        <h1>{staff ? 'Acuerdos' : 'Acuerdos de mi institución'}</h1>
        <div className="actions no-print">
          <button type="button" className="button" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
            Exportar CSV
          </button>
        </div>
      </div>
      <WriteStatus pending={exportCsv.isPending} pendingText="Preparando el archivo CSV…" success={exportCsv.isSuccess ? `Se descargó el CSV con ${exportCsv.data} acuerdos (los de la lista filtrada).` : undefined} error={exportCsv.error?.message} />
      <section aria-label={`Acuerdos por semáforo${filters.corte ? ` al ${formatDate(filters.corte)}` : ''}`} className="counts no-print">
        <ul>
          {SEMAFORO_VALUES.map((light) => (
            <li key={light}>
              <button type="button" className={filters.semaforo === light ? 'count count-active' : 'count'} aria-pressed={filters.semaforo === light} onClick={() => apply({ ...filters, semaforo: filters.semaforo === light ? undefined : light })}>
                <span className="count-number">{counts.data ? (counts.data[light] ?? 0) : '…'}</span>
                <SemaforoBadge value={light} />
              </button>
            </li>
          ))}
        </ul>
      </section>
      {/* A new address (a count clicked, back/forward) starts the form from it. */}
      <FilterForm key={JSON.stringify(filters)} filters={filters} staff={staff} onApply={apply} />
      {filters.corte && <p className="notice">Situación al {formatDate(filters.corte)} (corte).</p>}
      <AgreementPages pages={pages} items={items} empty={filtered ? 'Ningún acuerdo cumple estos filtros.' : 'Todavía no hay acuerdos.'} note={!staff && ' Los vencidos aparecen primero.'}>
        <AgreementTable items={items} caption="Acuerdos" corte={filters.corte} />
      </AgreementPages>
    </>
  );
}
