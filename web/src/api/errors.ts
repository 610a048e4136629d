// What the API answered when it refused, in the shape of CONTRACT.md §2, ready
// for a screen to show next to the field it concerns.
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[],
  ) {
    super(message);
  }
}

// zod's Spanish messages speak of types and bounds ("se esperaba que texto
// tuviera >=1 caracteres"); the usual ones, said as a person would.
const PLAIN_FIELD_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/tuviera >=1 caracteres|recibido (undefined|indefinido)/i, () => 'Este campo es obligatorio.'],
  [/tuviera <=(\d+) caracteres/, (m) => `Admite a lo más ${m[1]} caracteres.`],
  [/tuviera >=(\d+) caracteres/, (m) => `Debe tener al menos ${m[1]} caracteres.`],
  [/tuviera <=(\d+) elementos/, (m) => `Admite a lo más ${m[1]}.`],
  [/número fuera <=(\d+)/, (m) => `Debe ser a lo más ${m[1]}.`],
  [/número fuera >=(\d+)/, (m) => `Debe ser al menos ${m[1]}.`],
  [/Inválido URL|URL inválid|Invalid URL/i, () => 'No es una dirección web válida (debe empezar con https:// o http://).'],
];

export function plainFieldMessage(message: string): string {
  for (const [pattern, say] of PLAIN_FIELD_MESSAGES) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return message;
}

function problemsOf(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { field, message } = d as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message: plainFieldMessage(message) }] : [];
  });
}

const PLAIN: Record<number, string> = {
  0: 'No se pudo conectar con el servidor. Revise su conexión e inténtelo de nuevo.',
  401: 'Su sesión terminó. Inicie sesión de nuevo.',
  403: 'No tiene permiso para hacer esto.',
  404: 'No se encontró lo que busca, o no tiene acceso a ello.',
  413: 'El archivo o la solicitud es demasiado grande.',
  415: 'Ese tipo de archivo no se admite.',
  429: 'Demasiados intentos. Espere unos minutos e inténtelo de nuevo.',
};

export function failureOf(status: number, body: unknown): ApiFailure {
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: Record<string, unknown> }).error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === 'string' ? error.message : (PLAIN[status] ?? 'El servidor no pudo atender la solicitud. Inténtelo de nuevo en unos minutos.');
  return new ApiFailure(status, code, message, problemsOf(error?.details));
}

// openapi-fetch answers {data} or {error}; screens want the data or a thrown
// ApiFailure that TanStack Query keeps in `error`.
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiFailure(0, 'NETWORK', PLAIN[0] ?? '', []);
  }
  if (!result.response.ok) throw failureOf(result.response.status, result.error);
  return result.data as T;
}

// The message for one field (`description`, `deadline.days`): its own, or of a
// part of it.
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  return error.details.find((d) => d.field === field || d.field.startsWith(`${field}.`))?.message;
}

// The whole-form message: the API's, for what no field explains.
export function formMessage(error: unknown, fields: readonly string[] = []): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiFailure)) return 'Ocurrió un error inesperado. Inténtelo de nuevo.';
  const unexplained = error.details.filter((d) => !fields.some((f) => d.field === f || d.field.startsWith(`${f}.`)));
  if (error.details.length > 0 && unexplained.length === 0) return 'Revise los campos marcados.';
  return [error.message, ...unexplained.map((d) => `${d.field}: ${d.message}`)].join(' ');
}
