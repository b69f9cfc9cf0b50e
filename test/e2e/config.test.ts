import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, spawnServer } from '../support/server';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-config-'));
});

afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('starting with a bad configuration', () => {
  it('exits with code 1 and one line naming the variable', async () => {
    const child = spawnServer({ PORT: 'abc', RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    let stderr = '';
    let stdout = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await exitOf(child, 60_000);
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rapport: PORT /);
    expect(lines[0]).toContain('"abc"');
    expect(stdout).toBe('');
  });
});
