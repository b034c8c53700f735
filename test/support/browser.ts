// Launches Debian's headless Chromium through playwright-core (never a downloaded browser), with
// WebGL by SwiftShader so that MapLibre renders.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.NTM_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
