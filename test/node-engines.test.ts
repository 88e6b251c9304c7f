import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

type Lock = { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }> };

const root = new URL('../', import.meta.url);
const ownRange = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } }).engines.node;
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as Lock;
const dockerNode = /^FROM node:(\d+)/m.exec(readFileSync(new URL('Dockerfile', root), 'utf8'))?.[1];

/** The oldest release of each Node line our `engines` admits ("^20.19.0 || >=22.13.0" gives 20.19.0 and 22.13.0). */
function oldestAdmitted(range: string): string[] {
  return range.split('||').map((part) => semver.minVersion(part)?.version ?? '0.0.0');
}

describe('Node version', () => {
  it('every dependency in the lockfile accepts every Node line our engines field admits', () => {
    const versions = oldestAdmitted(ownRange);
    expect(versions.length).toBeGreaterThan(0);
    const refusals: string[] = [];
    for (const [name, pkg] of Object.entries(lock.packages)) {
      const wanted = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
      if (!wanted || name === '') continue;
      for (const v of versions) if (!semver.satisfies(v, wanted)) refusals.push(`${name} wants ${wanted}, engines admits ${v}`);
    }
    expect(refusals).toEqual([]);
  });

  it('the Docker image runs a Node line that engines admits', () => {
    expect(dockerNode).toBeDefined();
    expect(semver.intersects(ownRange, `^${dockerNode}`)).toBe(true);
  });
});
