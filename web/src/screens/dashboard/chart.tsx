import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

// A chart drawn by Observable Plot (accessible SVG) with its text alternative:
// a table the reader can show instead ("Ver como tabla"). Plot puts a <style>
// element in each SVG; the CSP refuses inline styles, so it is dropped and its
// rules live in theme.css under the `chart` class. Plot also names each group
// of marks ("bar", "line") with aria-label on a role-less <g>, which ARIA
// forbids: the chart reads as one image (its label and description), and the
// table carries the figures.
export function Chart({ title, draw, table, legend }: { title: string; draw: (width: number) => SVGElement | HTMLElement; table: ReactNode; legend?: ReactNode }) {
  const holder = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  useEffect(() => {
    const node = holder.current;
    if (!node || asTable) return;
    const chart = draw(Math.max(280, node.clientWidth));
    for (const style of chart.querySelectorAll('style')) style.remove();
    for (const group of chart.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
    chart.setAttribute('role', 'img');
    node.replaceChildren(chart);
  }, [draw, asTable]);
  return (
    <section className="card chart-card" aria-label={title}>
      <div className="chart-header">
        <h2>{title}</h2>
        <button type="button" className="button no-print" aria-expanded={asTable} aria-controls={tableId} onClick={() => setAsTable((v) => !v)}>
          {asTable ? 'Ver como gráfica' : 'Ver como tabla'}
        </button>
      </div>
      <div id={tableId}>{asTable ? (
          <div key="table" className="table-wrap">
            {table}
          </div>
        ) : (
          // Keyed apart so React never reuses the chart's node for the table.
          <div key="chart">
            {legend}
            <div ref={holder} className="chart-holder" />
          </div>
        )}</div>
    </section>
  );
}
