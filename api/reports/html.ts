// What every printable HTML report shares.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// The pages forbid scripts and outside resources whatever a text holds; every
// text is escaped anyway.
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

// A printable report page: its title as the heading, a subtitle under it
// (classed for the report's style), then the report's own content. Title and
// subtitle are escaped here; `content` is HTML the report built from escaped texts.
export function reportPage(page: { title: string; subtitle: string; subtitleClass: string; style: string; content: string }): string {
  const title = escapeHtml(page.title);
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${page.style}</style>
</head>
<body>
<h1>${title}</h1>
<p class="${page.subtitleClass}">${escapeHtml(page.subtitle)}</p>
${page.content}
</body>
</html>
`;
}
