import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirHolder, holdDataDir, PID_FILE } from './data-dir-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that surely belongs to no live process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('dataDirHolder', () => {
  it('is null without a pid file, with a stale one, with garbage, or with our own pid', () => {
    expect(dataDirHolder(dir)).toBeNull();
    writeFileSync(join(dir, PID_FILE), String(deadPid()));
    expect(dataDirHolder(dir)).toBeNull();
    writeFileSync(join(dir, PID_FILE), 'not a pid');
    expect(dataDirHolder(dir)).toBeNull();
    writeFileSync(join(dir, PID_FILE), String(process.pid));
    expect(dataDirHolder(dir)).toBeNull();
  });

  it('names a live process that holds the folder', () => {
    // The parent of this test process (the runner) is alive and is not us.
    writeFileSync(join(dir, PID_FILE), `${process.ppid}\n`);
    expect(dataDirHolder(dir)).toBe(process.ppid);
  });
});

describe('holdDataDir', () => {
  it('writes our pid and removes the file on release', () => {
    const release = holdDataDir(dir);
    expect(readFileSync(join(dir, PID_FILE), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, PID_FILE))).toBe(false);
  });

  it('leaves the file alone on release if another process has taken it over', () => {
    const release = holdDataDir(dir);
    writeFileSync(join(dir, PID_FILE), String(process.ppid));
    release();
    expect(readFileSync(join(dir, PID_FILE), 'utf8')).toBe(String(process.ppid));
  });
});
