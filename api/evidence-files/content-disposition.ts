// Content-Disposition of a download (RFC 6266): an ASCII name for old clients,
// the exact UTF-8 name for the rest (RFC 5987), always as an attachment so a
// browser never renders an uploaded file inside the application's origin.
export function attachment(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
