import { randomBytes } from 'node:crypto';

export interface FormFile {
  field?: string;
  name: string;
  type: string;
  content: Buffer;
}

// A multipart/form-data body written by hand, so tests control every byte of
// it (browsers' FormData would escape the file names a test wants to send raw).
export function multipartForm(fields: Record<string, string | string[]>, files: readonly FormFile[]) {
  const boundary = `----acuerdos${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${item}\r\n`));
    }
  }
  for (const file of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'files'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
