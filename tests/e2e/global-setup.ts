/**
 * Browser-test setup: checks the production build exists and Chromium is there (failing loudly,
 * never skipping), then serves build/ on 127.0.0.1 and, for the base-path test, under a sub-path.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve';
import { findChromium } from '../../scripts/lib/chromium';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		subUrl: string;
		chromium: string;
	}
}

export default async function setup(project: TestProject) {
	const root = join(import.meta.dirname, '..', '..');
	const build = join(root, 'build');
	if (!existsSync(join(build, 'index.html')) || !existsSync(join(build, 'data', 'atlas.topojson')))
		throw new Error('No production build in build/: run `npm run build` first (npm test does it for you).');
	const chromium = findChromium();
	const a = await serve(build, 0);
	const b = await serve(build, 0, '127.0.0.1', '/deep/sub/path');
	const port = (s: typeof a) => (s.address() as { port: number }).port;
	project.provide('baseUrl', `http://127.0.0.1:${port(a)}`);
	project.provide('subUrl', `http://127.0.0.1:${port(b)}/deep/sub/path`);
	project.provide('chromium', chromium);
	return async () => {
		a.close();
		b.close();
	};
}
