import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { noCdnUrls, thirdPartyNotices } from './scripts/vite-plugins.ts';

const lib = fileURLToPath(new URL('./src/lib', import.meta.url));

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			// the app switches language in place (no reload); the choice is kept in localStorage
			strategy: ['localStorage', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		noCdnUrls(),
		thirdPartyNotices()
	],
	// BUILD_SOURCEMAP=1: source maps, for scripts/chunk-report.ts --modules (what each chunk is made of)
	build: {
		chunkSizeWarningLimit: 2500,
		sourcemap: process.env.BUILD_SOURCEMAP === '1',
		// Rolldown's plugin-timing notice fires whenever the machine is busy (it measures, it does not warn of a
		// defect); the build's own time is in the bench, so keep the build output free of it
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		// one limit for both projects (vitest wants per-project limits in separate groups, run one after the other)
		maxWorkers: 2,
		// the projects run plain TypeScript: no SvelteKit plugin, only the $lib alias
		projects: [
			{
				resolve: { alias: { $lib: lib } },
				// some unit tests spawn the data build or a server: a loaded 2-core machine needs more than 5 s
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 }
			},
			{
				resolve: { alias: { $lib: lib } },
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 420_000,
					hookTimeout: 180_000,
					// two files at a time (maxWorkers: 2, above): a page load keeps about one core busy (the renderer's
					// main thread), so two browsers use a 2-core machine's both; each worker has its own profile (harness.ts)
					fileParallelism: true,
					globalSetup: ['tests/e2e/global-setup.ts']
				}
			}
		]
	}
});
