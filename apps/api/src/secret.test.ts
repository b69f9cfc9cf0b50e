import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSecretFile, resolveSecret } from './secret';

describe('resolveSecret', () => {
  it('generates a secret once, keeps it private in the data folder, and reuses it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rapport-secret-')), 'data');
    const first = resolveSecret(undefined, dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(resolveSecret(undefined, dir)).toBe(first);
    const other = resolveSecret(undefined, dir, 'other-secret');
    expect(other).not.toBe(first);
    expect(readFileSync(join(dir, 'other-secret'), 'utf8').trim()).toBe(other);
  });

  it('reads a secret file an earlier start left, and nothing when there is none', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rapport-secret-')), 'data');
    expect(readSecretFile(dir, 'webhook-secret')).toBeNull();
    const written = resolveSecret(undefined, dir, 'webhook-secret');
    expect(readSecretFile(dir, 'webhook-secret')).toBe(written);
  });

  it('uses the configured value and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-secret-'));
    expect(resolveSecret('from-the-environment', dir)).toBe('from-the-environment');
    expect(() => statSync(join(dir, 'secret'))).toThrow();
  });
});
