import { fileTypeFromBuffer } from 'file-type';
import { extensionOf } from './file-name.js';

// What evidence may be: documents and images, recognised by their content.
const RECOGNISED = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

// Word, Excel and PowerPoint 97–2003 share one container (CFB) with other
// programs' files, installers among them: only the declared extension tells
// them apart, so only these three extensions are taken.
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export interface Declared {
  name: string;
  mediaType: string;
}

// The media type to store for a file, decided by its first bytes (`sample`),
// or null when it is not accepted. CSV and plain text have no signature: they
// are taken when the whole file is UTF-8 text without NULs (`plainText`) and
// the client says it is text.
export async function acceptedMediaType(sample: Uint8Array, declared: Declared, plainText: boolean): Promise<string | null> {
  // A parser that trips on malformed bytes has recognised nothing.
  const detected = await fileTypeFromBuffer(sample).catch(() => undefined);
  const extension = extensionOf(declared.name);
  if (detected) {
    if (RECOGNISED.has(detected.mime)) return detected.mime;
    if (detected.mime === 'application/x-cfb') return LEGACY_OFFICE[extension] ?? null;
    return null;
  }
  if (!plainText) return null;
  const type = declared.mediaType.toLowerCase();
  if (extension === 'csv' || type.startsWith('text/csv')) return 'text/csv';
  if (extension === 'txt' || type.startsWith('text/')) return 'text/plain';
  return null;
}
