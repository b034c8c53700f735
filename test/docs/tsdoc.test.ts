/** @module Docs on declarations (issue #18, item 6): every module of server/, scripts/, bench/ and
 * client/workspace/ opens with a `/** @module … *\/` header, and every declaration it exports carries a TSDoc
 * comment, so that an editor's hover and a reader of the file learn what a thing is for without reading its
 * body. The checker is tested on small files first, so that a green run means the tree is documented and not
 * that the checker sees nothing. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingInFile, undocumented } from './undocumented.ts';

const scratch = mkdtempSync(join(tmpdir(), 'ntm-tsdoc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(source: string): string[] {
  const file = join(scratch, `case-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  return missingInFile(file, scratch).map((m) => m.what);
}

describe('the TSDoc checker', () => {
  it('names a file whose header is a // comment, and exports without a /** */ comment', () => {
    const missing = check(["// A header in the old form.", "/** Documented. */", "export const a = 1;", "// A line comment is not TSDoc.", "export function b(): void {}", "/* Nor a plain block. */", "export interface C { x: number }", "export type D = string;"].join('\n'));
    expect(missing).toEqual(['module header (/** @module … */)', 'b', 'C', 'D']);
  });

  it('does not take the module header, or a comment above other code, for a declaration\'s doc', () => {
    const missing = check(["/** @module The header. */", "export const a = 1;", "/** About x. */", "const x = 2;", "export class E {}"].join('\n'));
    expect(missing).toEqual(['a', 'E']);
  });

  it('accepts a documented overload set, documented once, and leaves re-exports alone', () => {
    const missing = check(["/** @module Overloads. */", "/** Parses. */", "export function p(a: string): string;", "export function p(a: number): number;", "export function p(a: unknown): unknown {", "  return a;", "}", "export { p as q };"].join('\n'));
    expect(missing).toEqual([]);
  });
});

describe('the tree', () => {
  it('documents every module and exported declaration of server/, scripts/, bench/ and client/workspace/', () => {
    const missing = undocumented(process.cwd()).map((m) => `${m.file}:${m.line} ${m.what}`);
    expect(missing).toEqual([]);
  });
});
