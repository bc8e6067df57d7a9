import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Licences a self-hosted, MIT-licensed Baton may ship beside: permissive ones, and MPL-2.0, whose
 * file-level copyleft covers only the library's own files (resvg, used unmodified for the report chart).
 */
const COMPATIBLE = new Set(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'BlueOak-1.0.0', 'MPL-2.0']);

interface LockedPackage {
  dev?: boolean;
  license?: string;
  licenses?: { type?: string }[];
}

/** The licence ids a package declares: an SPDX expression's alternatives, or the old `licenses` array. */
function declared(pkg: LockedPackage, path: string): string[] {
  if (pkg.license) return pkg.license.replace(/[()]/g, '').split(/\s+OR\s+/);
  const fromArray = (pkg.licenses ?? []).flatMap((l) => (l.type ? [l.type] : []));
  if (fromArray.length) return fromArray;
  // limiter 1.1.5 (through jwks-rsa) names only a URL to its LICENSE.txt, which is the MIT text.
  return JSON.parse(readFileSync(`${path}/package.json`, 'utf8')).name === 'limiter' && /MIT License|Permission is hereby granted/.test(readFileSync(`${path}/LICENSE.txt`, 'utf8')) ? ['MIT'] : [];
}

describe('the dependencies Baton ships with', () => {
  it('are all under licences compatible with Baton\u2019s MIT licence', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };
    const incompatible = Object.entries(lock.packages)
      .filter(([path, pkg]) => path !== '' && !pkg.dev)
      .filter(([path, pkg]) => !declared(pkg, path).some((id) => COMPATIBLE.has(id)))
      .map(([path, pkg]) => `${path}: ${pkg.license ?? 'no licence declared'}`);
    expect(incompatible).toEqual([]);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).license).toBe('MIT');
  });
});
