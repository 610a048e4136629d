import { ApiFailure, failureOf } from './errors';

// Files travel as multipart/form-data, which the typed client does not build:
// the request is made here, with the same headers it sends.
export async function sendForm<T>(method: 'POST' | 'PATCH', url: string, form: FormData, idempotencyKey: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method, body: form, credentials: 'same-origin', headers: { 'X-Requested-With': 'acuerdos', 'Idempotency-Key': idempotencyKey } });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'No se pudo conectar con el servidor. Revise su conexión e inténtelo de nuevo.', []);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failureOf(response.status, body);
  return body as T;
}
