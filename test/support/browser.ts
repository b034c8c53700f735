// Launches Debian's headless Chromium through playwright-core (never a downloaded browser), with
// WebGL by SwiftShader so that MapLibre renders. The test setup (test/setup/global.ts) has made sure it
// is there, installing Debian's chromium when root; the benchmarks do the same through launchBrowser().
import { chromium, type Browser } from 'playwright-core';
import { type DebianProgram, provideDebianPrograms } from '../../scripts/system/debian-program.ts';

/** Chromium: $NTM_CHROMIUM, else Debian's `chromium` (or Ubuntu's `chromium-browser`) on PATH. */
export const CHROMIUM: DebianProgram = {
  label: 'Chromium',
  aptPackage: 'chromium',
  envVar: 'NTM_CHROMIUM',
  commands: ['chromium', 'chromium-browser'],
};

/** Starts a headless Chromium (finding it, or installing Debian's package when root). */
export function launchBrowser(): Promise<Browser> {
  const [executablePath] = provideDebianPrograms([CHROMIUM]);
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
