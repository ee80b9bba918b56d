import type { ValueTransformer } from 'typeorm';

/** Numeric columns come back from PostgreSQL as strings; give the service numbers on every database. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
