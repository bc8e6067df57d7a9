/** Keys an older policy held under `vendor` that belong to one platform, and the platform's block they moved to. */
const MOVED = [
  { from: 'team_ids', to: ['slack', 'team_ids'] },
  { from: 'enterprise_ids', to: ['slack', 'enterprise_ids'] },
  { from: 'teams_tenant_ids', to: ['teams', 'tenant_ids'] },
] as const;

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MovedKeys {
  /** The policy with each old key read in its new place (the parsed YAML is left as it is). */
  raw: unknown;
  /** `vendor.team_ids → slack.team_ids` for each old key the file uses. */
  moved: string[];
  /** An old key set beside its new one: which one counts would be a guess. */
  problems: { path: string[]; message: string }[];
  /** Where a key of the policy as read stands in the file: a problem with a moved key points at the old key. */
  inFile(path: readonly PropertyKey[]): readonly PropertyKey[];
}

/**
 * Reads the old `vendor.*` platform keys as their `slack:` / `teams:` blocks' keys, so a policy written
 * before the move keeps working; the caller warns with `moved`.
 */
export function moveDeprecatedKeys(raw: unknown): MovedKeys {
  if (!isMapping(raw) || !isMapping(raw.vendor)) return { raw, moved: [], problems: [], inFile: (path) => path };
  const vendor: Mapping = { ...raw.vendor };
  const out: Mapping = { ...raw, vendor };
  const moved: { from: string; to: readonly string[] }[] = [];
  const problems: MovedKeys['problems'] = [];
  for (const { from, to: [block, key] } of MOVED) {
    if (!(from in vendor)) continue;
    const target = out[block];
    if (isMapping(target) && key in target) {
      problems.push({ path: ['vendor', from], message: `moved to ${block}.${key}, which is set too: keep only ${block}.${key}` });
      delete vendor[from];
      continue;
    }
    // A block that is not a mapping is left for the schema to name.
    if (target != null && !isMapping(target)) continue;
    out[block] = { ...(target ?? {}), [key]: vendor[from] };
    delete vendor[from];
    moved.push({ from, to: [block, key] });
  }
  return {
    raw: out,
    moved: moved.map(({ from, to }) => `vendor.${from} \u2192 ${to.join('.')}`),
    problems,
    inFile: (path) => {
      const m = moved.find(({ to }) => path[0] === to[0] && path[1] === to[1]);
      return m ? ['vendor', m.from, ...path.slice(2)] : path;
    },
  };
}

/** The one line a policy with old keys is read with. */
export function movedKeysWarning(file: string, moved: string[]): string {
  return `${file}: deprecated policy keys read in their new place (move them there): ${moved.join(', ')}`;
}
