import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The page, built once and shipped in the package (dist/app): `roster studio` serves these
 * files as they are, so a user's machine needs no build step. No source maps in the package:
 * they would double its size for a page nobody debugs from the tarball.
 */
export default defineConfig({
  root: 'app',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/app',
    emptyOutDir: true,
    target: 'es2022',
    // The studio server sends a strict CSP (script-src 'self'): no inline module preload helper.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
