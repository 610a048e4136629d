import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionOptions, temporalConnectionFromEnv } from '../../app/temporal-connection.js';

// An operator points the worker and the API at a Temporal cluster elsewhere:
// the variables become one set of connection options, or a message naming the
// variable that is wrong.

const dir = mkdtempSync(join(tmpdir(), 'acuerdos-tls-'));
function pem(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}
const cert = pem('client.pem', 'CERT');
const key = pem('client.key', 'KEY');
const ca = pem('ca.pem', 'CA');

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    temporalConnectionFromEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('la configuración fue aceptada');
}

describe('the connection to Temporal', () => {
  it('is the local server in the default namespace, without TLS, when nothing is said', () => {
    const temporal = temporalConnectionFromEnv({});
    expect(temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default' });
    expect(connectionOptions(temporal)).toEqual({ address: '127.0.0.1:7233', tls: undefined, apiKey: undefined });
  });

  it('presents the client certificate and trusts the given CA on a self-hosted cluster with mTLS', () => {
    const temporal = temporalConnectionFromEnv({
      TEMPORAL_ADDRESS: 'temporal.interno:7233',
      TEMPORAL_NAMESPACE: 'acuerdos',
      TEMPORAL_TLS_CERT: cert,
      TEMPORAL_TLS_KEY: key,
      TEMPORAL_TLS_CA: ca,
    });
    expect(temporal.namespace).toBe('acuerdos');
    expect(connectionOptions(temporal)).toEqual({
      address: 'temporal.interno:7233',
      tls: { clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') }, serverRootCACertificate: Buffer.from('CA') },
      apiKey: undefined,
    });
  });

  it('sends the API key of Temporal Cloud (the SDK then speaks TLS)', () => {
    const temporal = temporalConnectionFromEnv({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'clave-secreta' });
    expect(connectionOptions(temporal)).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: undefined, apiKey: 'clave-secreta' });
  });

  it('refuses a certificate without its key, naming the missing variable', () => {
    expect(refusal({ TEMPORAL_TLS_CERT: cert })).toMatch(/TEMPORAL_TLS_KEY: TEMPORAL_TLS_CERT y TEMPORAL_TLS_KEY van juntas/);
    expect(refusal({ TEMPORAL_TLS_KEY: key })).toMatch(/TEMPORAL_TLS_CERT: /);
  });

  it('refuses a file it cannot read, naming the variable and the path', () => {
    const missing = join(dir, 'no-existe.pem');
    expect(refusal({ TEMPORAL_TLS_CA: missing })).toContain(`TEMPORAL_TLS_CA: no se puede leer ${missing} (ENOENT)`);
  });

  it('refuses an API key together with a client certificate', () => {
    expect(refusal({ TEMPORAL_API_KEY: 'clave', TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key })).toMatch(/TEMPORAL_API_KEY: .*use solo una/);
  });

  it('refuses an empty API key', () => {
    expect(refusal({ TEMPORAL_API_KEY: '' })).toMatch(/TEMPORAL_API_KEY no puede estar vacía/);
  });
});
