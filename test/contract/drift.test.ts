/** @module One contract between server and client (issue 18): the client's types for the API's answers are
 * inferred from the server's zod schemas (client/api/answers.ts), so that an answer changed on the server
 * breaks the client's type-check rather than a browser. This type-checks the client's pages (their entry
 * points as the only roots, with the project's compiler options) through the TypeScript compiler's API, once
 * as the tree is and then with one server schema changed in memory: a field of the status answer renamed, a
 * field of the workspace's board renamed, a field of the health answer retyped. Each change must give an
 * error in the client file that reads the field. Nothing on disk is changed. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { API } from 'typescript/unstable/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config/paths.ts';

/** A project of the client alone: its three pages (and the one declaration file no page imports). */
const CONFIG = join(ROOT, 'tsconfig.client-contract.json');
const CONFIG_TEXT = JSON.stringify({
  extends: './tsconfig.json',
  include: [],
  files: ['client/main.ts', 'client/embed/main.ts', 'client/workspace/main.ts', 'client/compare/maplibre-gl-compare.d.ts'],
});

interface Finding { file: string; text: string }

/** What the compiler reads instead of the file on disk, by absolute path. */
const overrides = new Map<string, string>([[CONFIG, CONFIG_TEXT]]);
let api: API;
let opened = false;

/** The client's type errors, with `edit` applied in memory to one file of the tree (path from the root). */
function clientErrors(edit?: { file: string; from: string; to: string }): Finding[] {
  const changed: string[] = [];
  for (const name of overrides.keys()) if (name !== CONFIG) changed.push(name);
  for (const name of changed) overrides.delete(name);
  if (edit) {
    const name = join(ROOT, edit.file);
    const original = readFileSync(name, 'utf8');
    // The override must change something, or the test would pass on a schema that no longer has the field.
    expect(original, `${edit.file} no longer contains ${edit.from}`).toContain(edit.from);
    overrides.set(name, original.replace(edit.from, edit.to));
    changed.push(name);
  }
  const snapshot = api.updateSnapshot(opened ? { fileChanges: { changed } } : { openProjects: [CONFIG] });
  opened = true;
  const project = snapshot.getProject(CONFIG);
  if (!project) throw new Error('the client project did not load');
  const files = project.program.getSourceFileNames();
  // The roots reach the client and, through answers.ts, the server's schemas: nothing of the server's run time.
  expect(files.some((f) => f.endsWith('/client/api/answers.ts'))).toBe(true);
  expect(files.some((f) => f.endsWith('/server/context/context.ts'))).toBe(false);
  const flat = (d: { text: string; messageChain?: readonly { text: string }[] | undefined }): string => [d.text, ...(d.messageChain ?? []).map(flat)].join(' ');
  return [...project.program.getSyntacticDiagnostics(), ...project.program.getSemanticDiagnostics(), ...project.program.getGlobalDiagnostics()].map((d) => ({
    file: d.fileName ? relative(ROOT, d.fileName) : '',
    text: flat(d),
  }));
}

beforeAll(() => {
  api = new API({ cwd: ROOT, fs: { readFile: (name) => overrides.get(name), fileExists: (name) => (overrides.has(name) ? true : undefined) } });
});
afterAll(() => api?.close());

describe('the client type-checks against the server\'s schemas', () => {
  it('type-checks the client as the tree is', () => {
    expect(clientErrors()).toEqual([]);
  }, 120_000);

  it('fails where the client reads a field of the status answer that the server renamed', () => {
    const errors = clientErrors({ file: 'server/status/schemas.ts', from: '    carried: z.number()', to: '    carried_over: z.number()' });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toContainEqual({ file: 'client/controls/period.ts', text: expect.stringContaining("'carried'") });
  }, 120_000);

  it('fails where the workspace reads a field of the board that the server renamed', () => {
    const errors = clientErrors({ file: 'server/board/schemas.ts', from: '        missing_communes:', to: '        communes_missing:' });
    expect(errors).toContainEqual({ file: 'client/workspace/board/board-reviews.ts', text: expect.stringContaining("'missing_communes'") });
  }, 120_000);

  it('fails where the client uses a field of the health answer that the server retyped', () => {
    // basemap: a URL (or null) the map page fetches its style from; as a number it can no longer be fetched.
    const errors = clientErrors({ file: 'server/health/schemas.ts', from: 'basemap: z.string().nullable()', to: 'basemap: z.number().nullable()' });
    expect(errors).toContainEqual({ file: 'client/main.ts', text: expect.stringMatching(/'number' is not assignable to parameter of type 'string'/) });
  }, 120_000);
});
