/** @module CLI: npm run data:vendor -- --from <folder> [--to data/sources] — copy and checksum the upstream data. */
import { parseArgs } from 'node:util';
import { vendor, VendorError } from './data/vendor.ts';

try {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string', default: 'data/sources' } } });
  if (!values.from) throw new VendorError('--from <folder> is required (the folder holding boundaries/, boundaries-2025/ and facts/, e.g. ../shared/data)');
  console.log(`Vendoring ${values.from} → ${values.to}`);
  const manifest = vendor(values.from, values.to, (line) => console.log(line));
  console.log(`Done: ${manifest.files.length} files verified (${values.to}/MANIFEST.json)`);
} catch (error) {
  console.error(`data:vendor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
