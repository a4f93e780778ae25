// DESIGN.md: a module talks to another only through that module's exported service functions (its
// index.ts), never its tables. This reads the sources and names every file that reaches past that line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Folders that are not domain modules: the shared platform, the demo loader (it calls each module's index), test support. */
const notModules = new Set(['platform', 'demo', 'test-support']);
const modules = fs
  .readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !notModules.has(d.name))
  .map((d) => d.name);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [full] : [];
  });
}

const moduleOf = (file: string) => path.relative(src, file).split(path.sep)[0]!;

describe('module boundaries', () => {
  it('finds the modules', () => {
    expect(modules).toEqual(expect.arrayContaining(['appeals', 'crime', 'oversight', 'patrol', 'performance', 'precincts']));
  });

  it("imports another module only through its index.ts", () => {
    const crossings: string[] = [];
    for (const file of sources(src)) {
      const from = moduleOf(file);
      for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), spec!);
        const to = moduleOf(target);
        if (to === from || !modules.includes(to)) continue;
        // a foreign key names the other table: table definitions may import table definitions
        if (file.endsWith('.tables.ts') && target.endsWith('.tables.js')) continue;
        if (path.relative(path.join(src, to), target) !== 'index.js') crossings.push(`${path.relative(src, file)} → ${spec}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it("reads and writes only its own tables in SQL (and the platform's)", () => {
    const owner = new Map<string, string>();
    for (const file of sources(src)) {
      if (!file.endsWith('.tables.ts') || notModules.has(moduleOf(file))) continue;
      for (const [, table] of fs.readFileSync(file, 'utf8').matchAll(/pgTable\(\s*'([a-z0-9_]+)'/g)) owner.set(table!, moduleOf(file));
    }
    expect(owner.get('incidents')).toBe('crime');
    const crossings: string[] = [];
    for (const file of sources(src)) {
      const from = moduleOf(file);
      if (notModules.has(from)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const [, table] of text.matchAll(/\b(?:from|join|into|update|table)\s+"?([a-z0-9_]+)"?/gi)) {
        const to = owner.get(table!);
        if (to && to !== from) crossings.push(`${path.relative(src, file)} → ${table} (${to})`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
