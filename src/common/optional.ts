import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** May be left out, but not sent as null: a field that cannot be empty is never blanked by a PATCH. */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/** Trims a text (or each text of a list) before it is validated and stored. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  );
