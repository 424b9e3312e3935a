/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web console. `vite build` writes dist/ (served by the embedded host at /); `vite` (nx serve
 * console) serves the sources with hot reload and sends /api to the embedded host (CONSOLE_API_TARGET,
 * default http://127.0.0.1:3000, where `npm start` listens).
 */
export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@/': fileURLToPath(new URL('./src/', import.meta.url)),
      '@police/api-client': fileURLToPath(new URL('../../libs/api-client/src', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The bench holds the initial download to 250 kB gzip; a warning here means a chunk grew past it.
    chunkSizeWarningLimit: 800,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: process.env.CONSOLE_API_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
