/** A problem with how one part of the policy names another (a queue, a category, a channel). */
export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * What `knowledge.sources` names elsewhere: ids used once, accounts of an audience that the policy lists,
 * and (when the environment is given) the variables holding its secrets, set and not empty.
 */
export function knowledgeSourceProblems(doc: Record<string, unknown>, env?: NodeJS.ProcessEnv): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const accounts = new Set(list(doc.accounts).map((a) => a.id));
  const seen = new Set<unknown>();
  list(record(doc.knowledge).sources).forEach((source, i) => {
    const at = (...path: (string | number)[]) => ['knowledge', 'sources', i, ...path];
    if (seen.has(source.id)) problems.push({ path: at('id'), message: `"${String(source.id)}" is used twice` });
    seen.add(source.id);
    const audiences: [unknown, (string | number)[]][] = [[source.audience, at('audience')], ...['segments', 'folders', 'collections'].flatMap((by) => Object.entries(record(source[by])).map(([k, v]) => [v, at(by, k)] as [unknown, (string | number)[]]))];
    for (const [audience, path] of audiences) {
      const named: unknown = record(audience).accounts;
      (Array.isArray(named) ? named : []).forEach((account: unknown, j) => {
        if (typeof account === 'string' && !accounts.has(account)) problems.push({ path: [...path, 'accounts', j], message: `no account "${account}" in accounts` });
      });
    }
    for (const key of ['email_env', 'token_env']) {
      const name = source[key];
      if (env && typeof name === 'string' && !env[name]) problems.push({ path: at(key), message: `environment variable ${name} is not set` });
    }
  });
  return problems;
}
