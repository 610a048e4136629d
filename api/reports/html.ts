// What every printable HTML report shares.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// The pages forbid scripts and outside resources whatever a text holds; every
// text is escaped anyway.
export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";
