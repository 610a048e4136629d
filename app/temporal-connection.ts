// How the worker and the API reach Temporal: a server on this machine, a
// self-hosted cluster secured with TLS (mutual: a client certificate), or
// Temporal Cloud (mTLS or an API key). The variables are checked with the rest
// of the environment (app/config.ts); this is the one place that turns
// them into the SDK's connection options, the same for client and worker.
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { z } from 'zod';

const pemPath = (name: string) => z.string().min(1, `${name} no puede estar vacía`).optional();

export const TemporalEnv = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  // PEM files: the client's certificate and key (mTLS), the CA that signed the
  // server's certificate when it is not a public one.
  TEMPORAL_TLS_CERT: pemPath('TEMPORAL_TLS_CERT'),
  TEMPORAL_TLS_KEY: pemPath('TEMPORAL_TLS_KEY'),
  TEMPORAL_TLS_CA: pemPath('TEMPORAL_TLS_CA'),
  // Temporal Cloud's API keys; sent over TLS, which it turns on.
  TEMPORAL_API_KEY: z.string().min(1, 'TEMPORAL_API_KEY no puede estar vacía').optional(),
});
type TemporalVariables = z.output<typeof TemporalEnv>;

export interface TemporalConnection {
  address: string;
  namespace: string;
  tls?: TLSConfig;
  apiKey?: string;
}

/** The connection the variables describe, its files read; what is wrong is added to ctx. */
export function temporalConnection(e: TemporalVariables, ctx: z.RefinementCtx): TemporalConnection {
  const fail = (variable: keyof TemporalVariables, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
  const read = (variable: 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_CA'): Buffer | undefined => {
    const path = e[variable];
    if (path === undefined) return undefined;
    try {
      return readFileSync(path);
    } catch (error) {
      fail(variable, `no se puede leer ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return undefined;
    }
  };

  if ((e.TEMPORAL_TLS_CERT === undefined) !== (e.TEMPORAL_TLS_KEY === undefined)) {
    fail(e.TEMPORAL_TLS_CERT === undefined ? 'TEMPORAL_TLS_CERT' : 'TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_CERT y TEMPORAL_TLS_KEY van juntas: el certificado del cliente y su llave');
  }
  if (e.TEMPORAL_API_KEY !== undefined && e.TEMPORAL_TLS_CERT !== undefined) {
    fail('TEMPORAL_API_KEY', 'TEMPORAL_API_KEY y TEMPORAL_TLS_CERT son dos formas de identificarse ante Temporal: use solo una');
  }
  const crt = read('TEMPORAL_TLS_CERT');
  const key = read('TEMPORAL_TLS_KEY');
  const ca = read('TEMPORAL_TLS_CA');

  const tls: TLSConfig | undefined =
    crt || ca ? { ...(crt && key ? { clientCertPair: { crt, key } } : {}), ...(ca ? { serverRootCACertificate: ca } : {}) } : undefined;
  return {
    address: e.TEMPORAL_ADDRESS,
    namespace: e.TEMPORAL_NAMESPACE,
    ...(tls ? { tls } : {}),
    ...(e.TEMPORAL_API_KEY === undefined ? {} : { apiKey: e.TEMPORAL_API_KEY }),
  };
}

/** The options of `Connection.connect` (client) and `NativeConnection.connect` (worker). */
export function connectionOptions(temporal: TemporalConnection): Pick<TemporalConnection, 'address' | 'tls' | 'apiKey'> {
  return { address: temporal.address, tls: temporal.tls, apiKey: temporal.apiKey };
}

/** The connection of an environment holding only Temporal's variables (tests, scripts); throws what is wrong. */
export function temporalConnectionFromEnv(env: NodeJS.ProcessEnv): TemporalConnection {
  const parsed = TemporalEnv.transform(temporalConnection).safeParse(env);
  if (!parsed.success) throw new Error(`Conexión con Temporal inválida:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}
