import * as Plot from '@observablehq/plot';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Ok, SemaforoValue } from '../../api/types';
import { dashboardRoute } from '../../app/routes-tablero';
import { bodyOf } from '../../auth/session';
import { AgreementTable } from '../../ui/agreement-table';
import { CorteForm } from '../../ui/corte-form';
import { formatDate } from '../../ui/format';
import { SEMAFORO_LABEL, SemaforoBadge } from '../../ui/semaforo';
import { Chart } from './chart';

type Dashboard = Ok<'/api/dashboard'>;
type Trend = Ok<'/api/dashboard/trend'>;

const TOTALS: { key: keyof Dashboard['totals']; label: string }[] = [
  { key: 'en_proceso', label: 'En proceso' },
  { key: 'cumplido', label: 'Cumplidos' },
  { key: 'cancelado', label: 'Cancelados' },
  { key: 'vencidos', label: 'Vencidos' },
];
const LIGHTS: (keyof Dashboard['bySemaforo'] & SemaforoValue)[] = ['rojo', 'amarillo', 'verde', 'sin_plazo'];
// Adoptados is dashed: while nothing is closed it runs on top of En proceso.
const SERIES: { key: Exclude<keyof Trend[number], 'month'>; label: string; color: string; dashed?: true }[] = [
  { key: 'adopted', label: 'Adoptados', color: '#6f7271', dashed: true },
  { key: 'enProceso', label: 'En proceso', color: '#bc955c' },
  { key: 'cumplidos', label: 'Cumplidos', color: '#1e5b4f' },
  { key: 'vencidos', label: 'Vencidos', color: '#9f2241' },
];

// Plot's 10 px default is too small to read; set through the CSSOM, which the CSP allows.
const CHART_STYLE = { fontSize: '13px' };
// Whole agreements only on a count axis (no 0.5 ticks).
function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 5));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

const percent = (rate: number) => `${Math.round(rate * 100)} %`;
// "2026-11" → "11/2026", the month as the rest of the dates read.
const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const monthDate = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));

// The semáforo's own colour (theme.css), so a bar matches the badge of its light.
const lightColor = (light: SemaforoValue) => getComputedStyle(document.documentElement).getPropertyValue(`--semaforo-${light === 'sin_plazo' ? 'gris' : light}`).trim() || 'currentColor';

// The en proceso agreements by light: a bar per light, always in the same
// order and always named in words, with its count at the end of the bar.
function SemaforoChart({ counts }: { counts: Dashboard['bySemaforo'] }) {
  const bars = useMemo(() => LIGHTS.map((light) => ({ light, label: SEMAFORO_LABEL[light], count: counts[light] })), [counts]);
  const draw = useCallback(
    (width: number) => {
      const max = Math.max(1, ...bars.map((b) => b.count));
      return Plot.plot({
        className: 'chart',
        style: CHART_STYLE,
        width,
        height: 64 + 36 * bars.length,
        marginBottom: 48,
        marginLeft: 100,
        marginRight: 40,
        ariaLabel: 'Acuerdos en proceso por semáforo',
        ariaDescription: bars.map((b) => `${b.label}: ${b.count}`).join('; '),
        x: { domain: [0, max], ticks: countTicks(max), tickFormat: 'd', label: 'Acuerdos en proceso', labelOffset: 40, grid: true },
        y: { domain: bars.map((b) => b.label), label: null },
        // The fill is each light's colour itself.
        color: { type: 'identity' },
        marks: [
          Plot.barX(bars, { x: 'count', y: 'label', fill: (b: (typeof bars)[number]) => lightColor(b.light) }),
          Plot.text(bars, { x: 'count', y: 'label', text: (b: (typeof bars)[number]) => String(b.count), dx: 4, textAnchor: 'start' }),
          Plot.ruleX([0]),
        ],
      });
    },
    [bars],
  );
  const table = (
    <table>
      <caption className="visually-hidden">Acuerdos en proceso por semáforo</caption>
      <thead>
        <tr>
          <th scope="col">Semáforo</th>
          <th scope="col">Acuerdos en proceso</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.light}>
            <th scope="row">
              <SemaforoBadge value={b.light} />
            </th>
            <td>{b.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <Chart title="Acuerdos en proceso por semáforo" draw={draw} table={table} />;
}

function InstitutionChart({ rows }: { rows: Dashboard['byInstitution'] }) {
  const rated = useMemo(() => rows.filter((r): r is typeof r & { complianceRate: number } => r.complianceRate !== null), [rows]);
  const draw = useCallback(
    (width: number) =>
      Plot.plot({
        className: 'chart',
        style: CHART_STYLE,
        width,
        height: 64 + 36 * rated.length,
        marginBottom: 48,
        // Room for the longest acronym, so none is cut.
        marginLeft: Math.min(200, 16 + 9 * Math.max(4, ...rated.map((r) => r.acronym.length))),
        marginRight: 40,
        ariaLabel: 'Cumplimiento por institución',
        ariaDescription: rated.map((r) => `${r.acronym}: ${percent(r.complianceRate)}`).join('; '),
        x: { domain: [0, 100], label: 'Acuerdos cumplidos (%)', labelOffset: 40, grid: true },
        y: { label: null },
        marks: [
          Plot.barX(rated, { x: (r: (typeof rated)[number]) => r.complianceRate * 100, y: 'acronym', fill: '#691c32', sort: { y: '-x' } }),
          Plot.text(rated, { x: (r: (typeof rated)[number]) => r.complianceRate * 100, y: 'acronym', text: (r: (typeof rated)[number]) => percent(r.complianceRate), dx: 4, textAnchor: 'start' }),
          Plot.ruleX([0]),
        ],
      }),
    [rated],
  );
  const table = (
    <table>
      <caption className="visually-hidden">Cumplimiento por institución</caption>
      <thead>
        <tr>
          <th scope="col">Institución</th>
          <th scope="col">En proceso</th>
          <th scope="col">Cumplidos</th>
          <th scope="col">Vencidos</th>
          <th scope="col">Cumplimiento</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.institutionId}>
            <th scope="row">{r.acronym}</th>
            <td>{r.enProceso}</td>
            <td>{r.cumplidos}</td>
            <td>{r.vencidos}</td>
            <td>{r.complianceRate === null ? 'Sin acuerdos vigentes' : percent(r.complianceRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (rows.length === 0) return null;
  return <Chart title="Cumplimiento por institución" draw={draw} table={table} />;
}

function TrendChart({ trend }: { trend: Trend }) {
  const draw = useCallback(
    (width: number) => {
      const points = trend.flatMap((m) => SERIES.map((s) => ({ month: monthDate(m.month), serie: s.label, value: m[s.key] })));
      const max = Math.max(1, ...points.map((p) => p.value));
      return Plot.plot({
        className: 'chart',
        style: CHART_STYLE,
        width,
        height: 300,
        ariaLabel: 'Evolución mensual de los acuerdos',
        ariaDescription: `De ${monthLabel(trend[0]?.month ?? '')} a ${monthLabel(trend.at(-1)?.month ?? '')}; la tabla tiene las cifras de cada mes.`,
        x: { type: 'utc', label: null, tickFormat: (d: Date) => `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`, ticks: width < 500 ? 3 : 6 },
        y: { label: 'Acuerdos', grid: true, domain: [0, max], ticks: countTicks(max), tickFormat: 'd' },
        marks: [
          Plot.ruleY([0]),
          ...SERIES.map((s) => Plot.lineY(points, { filter: (p: (typeof points)[number]) => p.serie === s.label, x: 'month', y: 'value', stroke: s.color, strokeWidth: 2.5, strokeDasharray: s.dashed ? '6 4' : undefined })),
        ],
      });
    },
    [trend],
  );
  const table = (
    <table>
      <caption className="visually-hidden">Evolución mensual de los acuerdos (al último día de cada mes)</caption>
      <thead>
        <tr>
          <th scope="col">Mes</th>
          {SERIES.map((s) => (
            <th scope="col" key={s.key}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {trend.map((m) => (
          <tr key={m.month}>
            <th scope="row">{monthLabel(m.month)}</th>
            {SERIES.map((s) => (
              <td key={s.key}>{m[s.key]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // The key in HTML (Plot's legend needs the inline <style> the CSP refuses).
  const legend = (
    <ul className="chart-legend">
      {SERIES.map((s) => (
        <li key={s.key}>
          <span className={s.dashed ? 'chart-swatch chart-swatch-dashed' : 'chart-swatch'} style={{ borderColor: s.color }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
  return <Chart title="Evolución en los últimos 24 meses" draw={draw} table={table} legend={legend} />;
}

export function Dashboard() {
  const { corte } = dashboardRoute.useSearch();
  const { principal } = dashboardRoute.useRouteContext();
  const navigate = useNavigate({ from: '/tablero' });
  const bodyId = bodyOf(principal) ?? '';
  const asOf = corte ? { asOf: corte } : {};
  const dashboard = useQuery({
    queryKey: ['dashboard', bodyId, corte ?? null],
    queryFn: () => unwrap(api.GET('/api/dashboard', { params: { query: { bodyId, ...asOf } } })),
    enabled: bodyId !== '',
    // A new corte keeps the figures on screen (and a chart shown as a table
    // stays a table) until that day's arrive.
    placeholderData: keepPreviousData,
  });
  const trend = useQuery({
    queryKey: ['dashboard-trend', bodyId, corte ?? null],
    queryFn: () => unwrap(api.GET('/api/dashboard/trend', { params: { query: { bodyId, months: 24, ...asOf } } })),
    enabled: bodyId !== '',
    // A new corte keeps the figures on screen (and a chart shown as a table
    // stays a table) until that day's arrive.
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    document.title = 'Tablero — Acuerdos';
  }, []);
  const day = corte ? `al ${formatDate(corte)}` : 'hoy';
  const data = dashboard.data;

  return (
    <>
      <div className="page-header">
        <h1>Tablero</h1>
      </div>
      <CorteForm
        key={corte ?? ''}
        corte={corte}
        onApply={(next) => void navigate({ search: next ? { corte: next } : {} })}
        idPrefix="t"
        className="card corte-form"
        hint="Vacío: hoy. Con una fecha, todas las cifras y gráficas muestran la situación al final de ese día."
        applyLabel="Ver al corte"
        todayLabel="Volver a hoy"
      />
      <p className="notice" role="status">
        {corte ? `Situación al final del ${formatDate(corte)} (corte).` : 'Situación de hoy.'}
      </p>
      {dashboard.isPending ? (
        <p role="status">Cargando el tablero…</p>
      ) : dashboard.isError ? (
        <p className="status-error" role="alert">
          No se pudo cargar el tablero: {dashboard.error.message}
        </p>
      ) : (
        data && (
          <>
            <section aria-label={`Acuerdos por estatus ${day}`}>
              <dl className="stats">
                {TOTALS.map((t) => (
                  <div key={t.key} className={t.key === 'vencidos' ? 'stat stat-alert' : 'stat'}>
                    <dt>{t.label}</dt>
                    <dd>{data.totals[t.key]}</dd>
                  </div>
                ))}
              </dl>
            </section>
            <SemaforoChart counts={data.bySemaforo} />
            <InstitutionChart rows={data.byInstitution} />
            <section className="card" aria-labelledby="t-vencidos">
              <h2 id="t-vencidos">Acuerdos más vencidos</h2>
              {data.overdueCount === 0 ? (
                <p>No hay acuerdos vencidos {day}.</p>
              ) : (
                <>
                  <p className="muted">
                    {data.overdueCount} {data.overdueCount === 1 ? 'acuerdo vencido' : 'acuerdos vencidos'} {day}
                    {data.overdueCount > data.overdue.length ? `; aquí los ${data.overdue.length} con más días hábiles de atraso.` : ', del más atrasado al menos.'}
                  </p>
                  <AgreementTable items={data.overdue} caption="Acuerdos más vencidos" corte={corte} />
                </>
              )}
              <p>
                <Link to="/acuerdos" search={{ vencidos: true, corte }}>
                  Ver todos los vencidos
                </Link>
              </p>
            </section>
          </>
        )
      )}
      {trend.isError ? (
        <p className="status-error" role="alert">
          No se pudo cargar la evolución mensual: {trend.error.message}
        </p>
      ) : (
        trend.data && <TrendChart trend={trend.data} />
      )}
    </>
  );
}
