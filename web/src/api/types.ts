import type { paths } from './schema';

// The JSON a route answers with 2xx, from the generated schema: screens name
// the answers they use by route instead of re-declaring them.
type Content<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never;
export type Ok<P extends keyof paths, M extends keyof paths[P] = 'get'> =
  Responses<P, M> extends infer R ? (R extends Record<200, unknown> ? Content<R[200]> : R extends Record<201, unknown> ? Content<R[201]> : R extends Record<202, unknown> ? Content<R[202]> : never) : never;
export type Body<P extends keyof paths, M extends keyof paths[P] = 'post'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type Query<P extends keyof paths, M extends keyof paths[P] = 'get'> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Agreement = Ok<'/api/agreements/{id}'>;
export type AgreementPage = Ok<'/api/agreements'>;
export type AgreementEvent = Ok<'/api/agreements/{id}/events'>[number];
export type Evidence = Agreement['evidence'][number];
export type Responsible = Agreement['responsibles'][number];
export type SemaforoValue = Agreement['semaforo'];
export type AgreementStatusValue = Agreement['status'];
export type Caller = Ok<'/api/auth/me'>;
export type Principal = Caller['principal'];
export type Role = Principal['role'];
