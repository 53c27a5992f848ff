// Builds the bare benchmark page into build/__bench/ (npm run bench only; never part of the site).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root: here,
	base: './',
	logLevel: 'warn',
	build: { outDir: fileURLToPath(new URL('../../build/__bench', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 2500 }
});
