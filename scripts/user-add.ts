/** @module CLI: npm run user:add -- --email <e-mail> --role admin|province|district|commune [--unit <GSO code>] [--structure today|pre2025|2025-07] [--name <name>]
 * Creates an official's account in the database named by DATABASE_URL. The password is never an
 * argument (it would stay in the shell history and the process list): it is prompted for on a
 * terminal, or read from the first line of standard input when piped. The unit is read among today's units
 * unless --structure names another (the district role: the pre-2025 units, the only ones with districts); a
 * code whose meaning changed on 1/7/2025 is refused without --structure, naming what it means today. */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { cliActor } from '../server/audit/audit.ts';
import { NewUserSchema, createUser, UserError } from '../server/auth/users.ts';
import { readEnv } from '../server/config/env.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

const USAGE = 'usage: npm run user:add -- --email <e-mail> --role admin|province|district|commune [--unit <GSO code>] [--structure today|pre2025|2025-07] [--name <name>]  (password from the prompt or stdin)';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing of what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const again = await ask('Password again: ');
  if (first !== again) throw new UserError('the two passwords differ');
  return first;
}

try {
  if (process.argv.some((a) => a === '--password' || a.startsWith('--password='))) {
    throw new UserError('--password is not accepted (it would stay in the shell history): type it at the prompt or pipe it on stdin');
  }
  let values;
  try {
    ({ values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, structure: { type: 'string' }, name: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.email || !values.role) throw new UserError(`--email and --role are required\n${USAGE}`);
  const env = readEnv();
  const password = await readPassword();
  const parsed = NewUserSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'input');
    throw new UserError(`${field === 'password' ? 'password' : `--${field}`}: ${issue.message}`);
  }
  const ndb = await openDatabase(env.DATABASE_URL);
  try {
    await migrateToLatest(ndb.db);
    const user = await createUser(ndb.db, parsed.data, cliActor('user:add'));
    const where = user.unit ? ` for unit ${user.unit} (${user.unitName ?? '?'}, ${user.structure === 'pre2025' ? 'pre-2025 units' : `units of ${user.structure}`})` : ' (whole country)';
    console.log(`Created ${user.role} account ${user.email}${where} (id ${user.id}) in the ${ndb.engine} database`);
  } finally {
    await ndb.close();
  }
} catch (error) {
  console.error(`user:add: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof UserError ? 2 : 1);
}
