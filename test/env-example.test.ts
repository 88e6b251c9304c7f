import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../bot/config.ts';

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

describe('.env.example (what the README tells a newcomer to copy to .env)', () => {
  const example = parseEnv(read('.env.example'));

  it('is a valid configuration as it stands: local mode, until the ZALO_* are filled in', () => {
    const config = parseConfig(example);
    expect(config.zalo).toBeNull();
    expect(config.production).toBe(false);
  });

  it('names only variables the README documents or docker-compose.yml reads, and the ones a real OA needs', () => {
    const readme = read('README.md');
    const compose = read('docker-compose.yml');
    for (const name of Object.keys(example)) expect(readme.includes(`| \`${name}\` |`) || compose.includes(`\${${name}`), name).toBe(true);
    for (const needed of ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_REFRESH_TOKEN', 'COMMUNE_CODE', 'DATA_ENCRYPTION_KEY', 'PUBLIC_BASE_URL', 'POSTGRES_PASSWORD']) {
      expect(Object.keys(example)).toContain(needed);
    }
  });
});
