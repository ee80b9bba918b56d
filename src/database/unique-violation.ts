/** A unique index refused a write (SQLite or PostgreSQL): the row, or its key, exists already. */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } })?.driverError;
  return driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE' || driverError?.code === '23505';
}
