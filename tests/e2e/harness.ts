/**
 * Per-test page harness: every request is checked (any host other than the site's fails the test),
 * console errors are collected, screenshots go to test-output/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser, Page, BrowserContext } from 'playwright-core';
import { PNG } from 'pngjs';
import { launch } from './browser';

export const OUT = join(import.meta.dirname, '..', '..', 'test-output');
mkdirSync(OUT, { recursive: true });

export interface Session {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	external: string[];
	errors: string[];
	base: string;
}

/** Console noise from SwiftShader/luma.gl that is not an app error. */
const NOISE = [/GPU stall due to ReadPixels/, /uniform block/i, /WebGL-0x/, /Automatic fallback to software WebGL/];

export async function open(opts: { width?: number; height?: number; locale?: string; args?: string[]; base?: string } = {}): Promise<Session> {
	const base = opts.base ?? inject('baseUrl');
	const browser = await launch(opts.args ?? []);
	const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, locale: opts.locale ?? 'en-US', acceptDownloads: true });
	// the app exposes its test handles (window.__atlas, __atlasMap, __atlasDeck) only when asked (src/lib/testing.ts)
	await context.addInitScript(() => ((window as unknown as { __ATLAS_TEST_HOOKS__: boolean }).__ATLAS_TEST_HOOKS__ = true));
	const page = await context.newPage();
	const origin = new URL(base).origin;
	const external: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
		external.push(url);
		return route.abort();
	});
	page.on('console', (m) => {
		if ((m.type() === 'error' || m.type() === 'warning') && !NOISE.some((n) => n.test(m.text()))) {
			if (m.type() === 'error') errors.push(m.text());
		}
	});
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	return { browser, context, page, external, errors, base };
}

/** Wait until the map has loaded its style and sources and deck.gl has drawn. */
export async function mapReady(page: Page, timeout = 90_000) {
	await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, null, { timeout, polling: 200 });
	await page.waitForTimeout(600);
}

export async function shot(page: Page, name: string) {
	const path = join(OUT, `${name}.png`);
	await page.screenshot({ path });
	return path;
}

/** Pixel statistics of a PNG buffer (optionally a clip): how many distinct colours, how far from blank. */
export function pixelStats(buf: Buffer) {
	const png = PNG.sync.read(buf);
	const colours = new Set<number>();
	let sum = 0,
		sum2 = 0;
	const n = png.width * png.height;
	for (let i = 0; i < png.data.length; i += 4) {
		const v = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
		colours.add(v);
		const l = 0.3 * png.data[i] + 0.59 * png.data[i + 1] + 0.11 * png.data[i + 2];
		sum += l;
		sum2 += l * l;
	}
	const mean = sum / n;
	return { width: png.width, height: png.height, colours: colours.size, stddev: Math.sqrt(sum2 / n - mean * mean) };
}

/** Fraction of pixels that differ between two same-size screenshots. */
export function pixelDiff(a: Buffer, b: Buffer): number {
	const pa = PNG.sync.read(a), pb = PNG.sync.read(b);
	if (pa.width !== pb.width || pa.height !== pb.height) return 1;
	let d = 0;
	for (let i = 0; i < pa.data.length; i += 4)
		if (Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]) > 30) d++;
	return d / (pa.width * pa.height);
}

export async function close(s: Session) {
	await s.browser.close();
}
