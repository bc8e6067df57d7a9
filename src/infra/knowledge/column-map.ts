/**
 * `--map FIELD=COLUMN[,FIELD=COLUMN...]`: which column of any CSV, TSV, JSON or JSONL file holds which
 * Baton field. A column is a header name, a dotted path into a JSON record (`via.channel`), or a 0-based
 * position for records that are lists (`[text, intent]` pairs: `question=0,topic=1`). Several columns
 * joined by `+` combine: text fields join their values; label fields take the name of each column whose
 * value is a yes-flag (1, true, yes, x) and the value of any other non-empty column. A column in single
 * quotes is a literal every record gets (`category='security'`: a file exported from one queue).
 */
export type ColumnMap = ReadonlyMap<MappedField, readonly string[]>;

const TEXT_FIELDS = ['question', 'answer', 'title', 'id', 'account', 'status', 'risk', 'purpose'] as const;
const LABEL_FIELDS = ['category', 'topic', 'tags'] as const;
/** Outcome flags: a yes-flag or a number above 0 says the past conversation needed a person. */
const FLAG_FIELDS = ['needs_human', 'escalated', 'reassigned', 'reopened'] as const;
export const MAPPED_FIELDS = [...TEXT_FIELDS, ...LABEL_FIELDS, ...FLAG_FIELDS] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

const YES = new Set(['1', 'true', 'yes', 'y', 'x']);
const NO = new Set(['0', 'false', 'no', 'n', '']);

/** Parses the flag's value; throws an Error naming the bad part. */
export function parseColumnMap(spec: string): ColumnMap {
  const map = new Map<MappedField, string[]>();
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim() as MappedField;
    const columns = part.slice(eq + 1).split('+').map((c) => c.trim()).filter(Boolean);
    if (eq < 1 || columns.length === 0) throw new Error(`"${part}" is not FIELD=COLUMN`);
    if (!MAPPED_FIELDS.includes(field)) throw new Error(`unknown field "${field}" (one of ${MAPPED_FIELDS.join(', ')})`);
    if (map.has(field)) throw new Error(`field "${field}" is mapped twice`);
    map.set(field, columns);
  }
  if (map.size === 0) throw new Error('empty mapping');
  return map;
}

/**
 * One step of a dotted path. Into a list, a step that is not a position picks the element whose `id`
 * it is and gives its `value`: helpdesks keep custom fields as `[{id, value}]` (Zendesk's
 * `custom_fields.360001`).
 */
function step(v: unknown, key: string): unknown {
  if (!v || typeof v !== 'object') return undefined;
  if (Array.isArray(v) && !(key in v)) {
    const field = v.find((e) => e && typeof e === 'object' && String((e as { id?: unknown }).id) === key) as { value?: unknown } | undefined;
    return field?.value;
  }
  return (v as Record<string, unknown>)[key];
}

/** A column's value in a record; dotted paths reach into nested JSON objects and `[{id, value}]` lists. */
function valueAt(rec: Record<string, unknown>, column: string): unknown {
  if (column in rec) return rec[column];
  if (column.length >= 2 && column.startsWith("'") && column.endsWith("'")) return column.slice(1, -1);
  let v: unknown = rec;
  for (const key of column.split('.')) v = step(v, key);
  return v;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v).trim());

function labels(rec: Record<string, unknown>, columns: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    const v = text(valueAt(rec, c));
    const flag = v.toLowerCase();
    if (YES.has(flag)) out.push(c);
    else if (!NO.has(flag)) out.push(v);
  }
  return out;
}

function isYes(v: unknown): boolean {
  const s = text(v).toLowerCase();
  return YES.has(s) || (s !== '' && Number(s) > 0);
}

/**
 * The record as Baton's own field names: the mapped fields, plus every column the mapping does not name
 * (so a helpdesk's thread or tags still count). Lists become records keyed by position.
 */
export function applyColumnMap(raw: unknown, map: ColumnMap): Record<string, unknown> {
  const rec: Record<string, unknown> = Array.isArray(raw) ? Object.fromEntries(raw.map((v, i) => [String(i), v])) : { ...(raw as object) };
  const out: Record<string, unknown> = { ...rec };
  for (const columns of map.values()) for (const c of columns) delete out[c];
  for (const [field, columns] of map) {
    if ((LABEL_FIELDS as readonly string[]).includes(field)) {
      const found = labels(rec, columns);
      out[field] = field === 'tags' ? found : found[0];
    } else if ((FLAG_FIELDS as readonly string[]).includes(field)) {
      out[field] = columns.some((c) => isYes(valueAt(rec, c)));
    } else {
      out[field] = columns.map((c) => text(valueAt(rec, c))).filter(Boolean).join('\n') || undefined;
    }
  }
  return out;
}
