import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSecret } from './secret';

describe('resolveSecret', () => {
  it('generates a secret once, keeps it private in the data folder, and reuses it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rapport-secret-')), 'data');
    const first = resolveSecret(undefined, dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(resolveSecret(undefined, dir)).toBe(first);
    const webhook = resolveSecret(undefined, dir, 'webhook-secret');
    expect(webhook).not.toBe(first);
    expect(readFileSync(join(dir, 'webhook-secret'), 'utf8').trim()).toBe(webhook);
  });

  it('uses the configured value and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-secret-'));
    expect(resolveSecret('from-the-environment', dir)).toBe('from-the-environment');
    expect(() => statSync(join(dir, 'secret'))).toThrow();
  });
});
