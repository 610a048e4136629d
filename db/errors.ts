// PostgreSQL's SQLSTATE for a unique constraint that refused a row.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
