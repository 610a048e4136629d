import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { acceptedMediaType, type Declared } from './media-type.js';

// Enough of the head of a file for its signature, also for Office documents,
// whose type is read from the first entries of their ZIP container.
const SAMPLE_BYTES = 1024 * 1024;

export class UnsupportedFile extends Error {
  constructor(readonly fileName: string) {
    super(`El archivo «${fileName}» no es de un tipo admitido (PDF, imagen, documento de Office u OpenDocument, CSV o texto).`);
  }
}

export class EmptyFile extends Error {
  constructor(readonly fileName: string) {
    super(`El archivo «${fileName}» está vacío.`);
  }
}

// The bytes of an upload on their way to the file store, checked as they pass:
// the type is decided when the last byte has gone through, and a refusal fails
// the stream, so the store keeps nothing of a refused file.
export function inspectedUpload(source: AsyncIterable<Buffer>, declared: Declared) {
  let mediaType: string | null = null;
  async function* inspect() {
    const sample: Buffer[] = [];
    let sampled = 0;
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let plainText = true;
    for await (const chunk of source) {
      if (sampled < SAMPLE_BYTES) {
        sample.push(chunk);
        sampled += chunk.length;
      }
      plainText &&= isText(utf8, chunk, true);
      yield chunk;
    }
    if (sampled === 0) throw new EmptyFile(declared.name);
    plainText &&= isText(utf8, new Uint8Array(0), false);
    mediaType = await acceptedMediaType(Buffer.concat(sample).subarray(0, SAMPLE_BYTES), declared, plainText);
    if (!mediaType) throw new UnsupportedFile(declared.name);
  }
  return {
    content: Readable.from(inspect()),
    // Known once the content has been read to its end without a refusal.
    mediaType(): string {
      if (!mediaType) throw new Error('el tipo de un archivo se conoce al terminar de leerlo');
      return mediaType;
    },
  };
}

function isText(decoder: TextDecoder, chunk: Uint8Array, more: boolean): boolean {
  if (chunk.includes(0)) return false;
  try {
    decoder.decode(chunk, { stream: more });
    return true;
  } catch {
    return false;
  }
}
