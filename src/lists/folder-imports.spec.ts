import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// lists/ is the item engine every feature builds on: it may use the folders below it (common, database, deadlines,
// status, units, plans, tables, audit), but none of those may import lists/ back, or the layering is gone.
const SRC = resolve(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Top-level folder of a file under src/ ("lists", "reports" …; a file at the top is its own name). */
const folderOf = (path: string) => relative(SRC, path).split('/')[0].replace(/\.ts$/, '');

/** Every import from one folder into another, as "from -> to" with the files that make it. */
function folderImports(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), match[1]);
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), relative(SRC, file)]);
    }
  }
  return edges;
}

describe('the folders around lists/', () => {
  it('no folder imports lists/ and is imported by lists/ in turn', () => {
    const edges = folderImports();
    const usedByLists = [...edges.keys()].filter((k) => k.startsWith('lists -> ')).map((k) => k.slice('lists -> '.length));
    const both = usedByLists.filter((folder) => edges.has(`${folder} -> lists`)).map((folder) => `${folder}: ${edges.get(`${folder} -> lists`)!.join(', ')}`);
    expect(both).toEqual([]);
  });

  it('no folder imports tables/ and is imported by tables/ in turn', () => {
    const edges = folderImports();
    const usedByTables = [...edges.keys()].filter((k) => k.startsWith('tables -> ')).map((k) => k.slice('tables -> '.length));
    expect(usedByTables.filter((folder) => edges.has(`${folder} -> tables`))).toEqual([]);
  });

  it('sees the imports it checks (lists/ does use the folders below it)', () => {
    const edges = folderImports();
    expect([...edges.keys()]).toEqual(expect.arrayContaining(['lists -> deadlines', 'lists -> units', 'reports -> lists', 'spreadsheets -> lists']));
  });
});
