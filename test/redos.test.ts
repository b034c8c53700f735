// Every regular expression of the server and the client runs in linear time: a super-linear one (two
// overlapping repeats, a lazy run before a required token) lets one request hold Node's only thread (a 120 KB
// body once held the server 16 s). Each pattern, literal or built with `new RegExp` from constant strings,
// is found with a parser (oxc, through rolldown) and checked by recheck's automaton and fuzzer; a new
// super-linear pattern fails here, naming its file, line and an attack string.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import { parseSync, Visitor } from 'rolldown/utils';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../server/config/paths.ts';

interface Found {
  where: string;
  source: string;
  flags: string;
}

/** Patterns built at run time from a value no parser can know, each checked here with the values it takes. */
const DYNAMIC: Record<string, Array<[string, string]>> = {
  // `^\d{${digits}}$`: a fixed number of digits (2, 3 or 5).
  'client/state/app-state.ts': [['^\\d{2}$', ''], ['^\\d{3}$', ''], ['^\\d{5}$', '']],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

type Node = { type: string; start: number; [key: string]: unknown };

function patternsOf(path: string): { found: Found[]; unresolved: string[] } {
  const text = readFileSync(path, 'utf8');
  const file = relative(ROOT, path);
  const result = parseSync(path, text);
  if (result.errors.length) throw new Error(`${file}: ${result.errors[0]!.message}`);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const found: Found[] = [];
  const unresolved: string[] = [];
  // Module constants that patterns are built from: const X = '…' or String.raw`…`.
  const constants = new Map<string, string>();
  const constantText = (node: Node | null | undefined): string | null => {
    if (!node) return null;
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node.type === 'TemplateLiteral') return templateText(node, false);
    if (node.type === 'TaggedTemplateExpression') {
      const tag = node.tag as Node;
      const raw = tag.type === 'MemberExpression' && (tag.object as Node & { name?: string }).name === 'String' && (tag.property as Node & { name?: string }).name === 'raw';
      return raw ? templateText(node.quasi as Node, true) : null;
    }
    if (node.type === 'Identifier') return constants.get(node.name as string) ?? null;
    return null;
  };
  const templateText = (node: Node, raw: boolean): string | null => {
    const quasis = node.quasis as Array<{ value: { raw: string; cooked: string } }>;
    const expressions = node.expressions as Node[];
    let out = '';
    for (let i = 0; i < quasis.length; i++) {
      out += raw ? quasis[i]!.value.raw : quasis[i]!.value.cooked;
      if (i < expressions.length) {
        const part = constantText(expressions[i]);
        if (part === null) return null;
        out += part;
      }
    }
    return out;
  };
  new Visitor({
    VariableDeclarator(node: Node) {
      const id = node.id as Node & { name?: string };
      const value = id.type === 'Identifier' ? constantText(node.init as Node) : null;
      if (value !== null) constants.set(id.name!, value);
    },
  } as never).visit(result.program);
  const built = (node: Node) => {
    const callee = node.callee as Node & { name?: string };
    if (callee.type !== 'Identifier' || callee.name !== 'RegExp') return;
    const [source, flags] = node.arguments as Node[];
    const s = constantText(source);
    const f = flags ? constantText(flags) : '';
    if (s === null || f === null) unresolved.push(file);
    else found.push({ where: `${file}:${lineOf(node.start)}`, source: s, flags: f });
  };
  new Visitor({
    Literal(node: Node) {
      const regex = node.regex as { pattern: string; flags: string } | undefined;
      if (regex) found.push({ where: `${file}:${lineOf(node.start)}`, source: regex.pattern, flags: regex.flags });
    },
    NewExpression: built,
    CallExpression: built,
  } as never).visit(result.program);
  return { found, unresolved };
}

describe('regular expressions', () => {
  it('every pattern in server/ and client/ is linear (recheck)', () => {
    const found: Found[] = [];
    const unresolved = new Set<string>();
    for (const path of [...sourceFiles(join(ROOT, 'server')), ...sourceFiles(join(ROOT, 'client'))]) {
      const r = patternsOf(path);
      found.push(...r.found);
      r.unresolved.forEach((f) => unresolved.add(f));
    }
    for (const file of unresolved) {
      expect(DYNAMIC[file], `${file} builds a RegExp from a value only known at run time: list the values it takes in DYNAMIC`).toBeDefined();
      found.push(...DYNAMIC[file]!.map(([source, flags]) => ({ where: `${file} (run time)`, source, flags })));
    }
    expect(found.length).toBeGreaterThan(100);
    const unique = new Map<string, Found[]>();
    for (const f of found) unique.set(`/${f.source}/${f.flags}`, [...(unique.get(`/${f.source}/${f.flags}`) ?? []), f]);
    const failures: string[] = [];
    for (const [key, uses] of unique) {
      const { source, flags } = uses[0]!;
      const d = checkSync(source, flags, { timeout: 20_000, randomSeed: 1 }) // a fixed seed: the fuzzer's verdict is the same on every run;
      if (d.status === 'safe') continue;
      const why = d.status === 'vulnerable' ? `${d.complexity.summary}, e.g. ${JSON.stringify(d.attack.pattern)}` : `not decided (${d.error.kind})`;
      failures.push(`${key} at ${uses.map((u) => u.where).join(', ')}: ${why}`);
    }
    console.log(`[redos] ${found.length} regular expressions (${unique.size} distinct) checked, ${failures.length} not linear`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
