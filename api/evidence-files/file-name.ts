// A client's file name made safe to store, show and offer back as a download:
// no directories, no control or bidirectional-override characters (which can
// disguise "exe.pdf" as "fdp.exe"), none of the characters file systems reserve,
// no leading dots, a bounded length that keeps the extension. Accents stay.
const MAX_LENGTH = 150;
const MAX_EXTENSION = 16;
const FALLBACK = 'archivo';
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  const hasExtension = dot > 0 && cleaned.length - dot - 1 <= MAX_EXTENSION;
  let stem = hasExtension ? cleaned.slice(0, dot) : cleaned;
  const extension = hasExtension ? cleaned.slice(dot) : '';
  if (WINDOWS_DEVICES.test(stem)) stem = `_${stem}`;
  // Counted in code points, so a cut never splits a character in two.
  const room = MAX_LENGTH - [...extension].length;
  stem = [...stem].slice(0, room).join('').trimEnd();
  return stem ? `${stem}${extension}` : `${FALLBACK}${extension}`;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
