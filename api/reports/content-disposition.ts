// A Content-Disposition header with a file name every client reads: an ASCII
// fallback (anything else becomes "_") and the exact name in RFC 5987 form.
export function attachment(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 wants them escaped.
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
