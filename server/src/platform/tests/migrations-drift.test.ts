import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('../../../', import.meta.url));

describe('migrations', () => {
  it('match the table definitions (drizzle-kit generates nothing new)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-drift-'));
    try {
      fs.cpSync(path.join(serverDir, 'drizzle'), out, { recursive: true });
      const before = fs.readdirSync(out).filter((f) => f.endsWith('.sql'));
      // drizzle-kit prefixes --out with './', so it must be relative to the server folder.
      const log = execFileSync(
        process.execPath,
        [path.join(serverDir, '../node_modules/drizzle-kit/bin.cjs'), 'generate', '--dialect', 'postgresql', '--schema', './src/**/*.tables.ts', '--out', path.relative(serverDir, out)],
        { cwd: serverDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(log, 'drizzle-kit did not run to the end').toMatch(/No schema changes|migration file/);
      const after = fs.readdirSync(out).filter((f) => f.endsWith('.sql'));
      expect(after, `drizzle-kit generated a migration; run "npm run db:generate -w server" and commit it.\n${log}`).toEqual(before);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('are timestamped and never edited once landed (the journal lists each file)', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(serverDir, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const files = fs.readdirSync(path.join(serverDir, 'drizzle')).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, ''));
    expect(journal.entries.map((e) => e.tag)).toEqual(files.sort());
    for (const tag of files) expect(tag).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});
