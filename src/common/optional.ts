import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** May be left out, but not sent as null: a field that cannot be empty is never blanked by a PATCH. */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/** Like String.trim, but a byte-order mark (U+FEFF) stays, so PlainText refuses it instead of it vanishing unseen. */
const trim = (text: string) => text.replace(/^[^\S\uFEFF]+|[^\S\uFEFF]+$/g, '');

/** Trims a text (or each text of a list) before it is validated and stored. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? trim(value) : Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? trim(v) : v)) : value,
  );
