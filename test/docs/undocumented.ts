/**
 * @module Lists the exported declarations that carry no TSDoc comment, and the files whose header is not a
 * `/** @module … *\/` block, in the folders kept documented (issue #18, item 6). Used by test/docs/tsdoc.test.ts;
 * run it by hand (`node --import tsx test/docs/undocumented.ts`) to see the list.
 *
 * TypeScript 7's package ships the compiler as a binary without a JavaScript API, so the files are read with the
 * oxc parser that rolldown (already a dependency) exposes: it keeps the comments and their offsets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'rolldown/utils';

/** The folders whose modules must carry a header and whose exported declarations must carry TSDoc. */
export const DOCUMENTED_FOLDERS = ['server', 'scripts', 'bench', 'client/workspace'] as const;

/** One thing missing: a file without a `@module` header, or an exported declaration without a TSDoc comment. */
export interface Missing {
  file: string;
  line: number;
  what: string;
}

interface Comment { type: string; value: string; start: number; end: number }
interface Node { type: string; start: number; end: number; [key: string]: unknown }

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function nameOf(declaration: Node): string {
  if (declaration.type === 'VariableDeclaration') {
    return (declaration.declarations as Array<{ id: { name?: string } }>).map((d) => d.id.name ?? '(pattern)').join(', ');
  }
  return (declaration.id as { name?: string } | null)?.name ?? '(default)';
}

/** Every missing doc in one file, with the path shown relative to `root`. */
export function missingInFile(path: string, root: string): Missing[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(root, path);
  const { program, comments } = parseSync(path, text, { lang: 'ts' }) as unknown as { program: { body: Node[] }; comments: Comment[] };
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  // A TSDoc comment is a `/** … *\/` block with nothing but white space between it and the declaration.
  // The module header documents the file, not the declaration that may follow it.
  const first = comments[0];
  const header = first && first.type === 'Block' && first.value.startsWith('*') && first.value.includes('@module') ? first : null;
  const documented = (start: number) => comments.some((c) => c !== header && c.type === 'Block' && c.value.startsWith('*') && c.end <= start && !/\S/.test(text.slice(c.end, start)));
  const missing: Missing[] = [];
  if (!header) missing.push({ file, line: 1, what: 'module header (/** @module … */)' });
  let overloaded: string | null = null;
  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration' && statement.type !== 'ExportDefaultDeclaration') continue;
    const declaration = statement.declaration as Node | null;
    if (!declaration) continue; // `export { a } from …` documents nothing new
    const name = nameOf(declaration);
    // An overloaded function is documented once, above its first signature.
    const isFunction = declaration.type === 'TSDeclareFunction' || declaration.type === 'FunctionDeclaration';
    const isOverloadTail = isFunction && overloaded === name;
    overloaded = declaration.type === 'TSDeclareFunction' ? name : null;
    if (isOverloadTail || documented(statement.start)) continue;
    missing.push({ file, line: lineOf(statement.start), what: name });
  }
  return missing;
}

/** Every missing doc below the documented folders of the tree at `root`, in path order. */
export function undocumented(root: string): Missing[] {
  return DOCUMENTED_FOLDERS.flatMap((folder) => tsFiles(join(root, folder)).sort().flatMap((path) => missingInFile(path, root)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const list = undocumented(process.cwd());
  for (const m of list) console.log(`${m.file}:${m.line} ${m.what}`);
  console.log(`${list.length} missing`);
}
