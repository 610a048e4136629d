// Values the integration project's global setup hands to tests: `inject('databaseUrl')`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL with the migrations applied. */
    databaseUrl: string;
    /** host:port of a Temporal frontend whose `default` namespace exists. */
    temporalAddress: string;
  }
}

export {};
