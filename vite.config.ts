// Build of the browser client (Vite) and the test runner's configuration (Vitest).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const page = (path: string) => fileURLToPath(new URL(`./client/${path}`, import.meta.url));

export default defineConfig({
  root: 'client',
  publicDir: false,
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json: which chunks each page loads (bench/client.ts counts the map page's own JS).
    manifest: true,
    rolldownOptions: {
      // The pages: the public map, and the officials' workspace (/workspace/).
      input: { main: page('index.html'), workspace: page('workspace/index.html'), embed: page('embed/index.html') },
      output: {
        // maplibre-gl and pmtiles in chunks of their own, so that the app's own code is measurable (and cacheable apart).
        advancedChunks: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }, { name: 'pmtiles', test: /node_modules[\\/](pmtiles|fflate)/ }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/tiles': 'http://127.0.0.1:8080' },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    // A browser test takes 10-45 s on a quiet machine (up to 80 s under load); the limit only catches a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time on a 2-core machine (Vitest's default there): two at a time was measured no faster
    // (1,255 s against ~1,340 s; Chromium's rendering already uses both cores) and made timing races likelier.
  },
});
