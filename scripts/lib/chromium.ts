/**
 * Finding and launching Chromium, shared by the real-browser tests (tests/e2e) and the benchmark
 * (scripts/bench.ts): neither imports the other.
 * Order: CHROMIUM_PATH, /usr/bin/chromium (Debian), Playwright's own cache. None found → a clear error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	'--enable-unsafe-swiftshader'
];

export function findChromium(): string {
	const candidates: string[] = [];
	if (process.env.CHROMIUM_PATH) candidates.push(process.env.CHROMIUM_PATH);
	candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser');
	const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
	if (existsSync(cache))
		for (const d of readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse())
			candidates.push(join(cache, d, 'chrome-linux', 'chrome'), join(cache, d, 'chrome-linux64', 'chrome'));
	const found = candidates.find((c) => existsSync(c));
	if (!found)
		throw new Error(
			'No Chromium found for the browser tests. Install one: `sudo apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu), ' +
				'or set CHROMIUM_PATH to a Chrome/Chromium binary. Looked in: ' + candidates.join(', ')
		);
	return found;
}

export function launch(extraArgs: string[] = [], opts: LaunchOptions = {}): Promise<Browser> {
	return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS, ...extraArgs], ...opts });
}

/**
 * The app exposes window.__atlas, __atlasMap and __atlasDeck only when this flag is set before its
 * scripts run. An init script on the context sets it in every page and iframe of that context.
 */
export async function enableTestHooks(context: BrowserContext) {
	await context.addInitScript(() => {
		(window as unknown as { __ATLAS_TEST_HOOKS__: boolean }).__ATLAS_TEST_HOOKS__ = true;
	});
}
