import type { JsonValue } from '../../core/schemas';

export type Parsed = { ok: true; value: JsonValue } | { ok: false; message: string };

export function parseJson(source: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(source) as JsonValue };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
