/**
 * Browser-test harness: one Chromium per test file, a fresh context (own storage, cookies, routes) per
 * test. In each context every request is checked (any host other than the site's fails the test),
 * console errors are collected, and the app's test handles are switched on. Screenshots go to
 * test-output/. Waits are on events and page state, never on a fixed time.
 *
 * Speed (issue #10): under SwiftShader most of a map load's CPU is compiling WebGL shaders. The shared
 * browser is therefore started on a persistent profile (test-output/chromium-profile), whose GPU shader
 * cache survives from test to test and from file to file (two files run at a time, each vitest worker
 * on a profile of its own: chromium-profile-<pool id>); each test
 * still gets a fresh incognito context of that browser, so storage, cookies and routes stay isolated.
 * For new files: call shareBrowserInFile() once, then open() per test, as before; reuse one page for
 * several checks of the same URL rather than loading the map again.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';
import { launch, enableTestHooks, findChromium, CHROMIUM_FLAGS } from '../../scripts/lib/chromium';

export const OUT = join(import.meta.dirname, '..', '..', 'test-output');
mkdirSync(OUT, { recursive: true });

export interface Session {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	external: string[];
	errors: string[];
	base: string;
	/** true when this session launched a browser of its own (other launch flags), closed with it */
	ownBrowser: boolean;
}

/** Console noise from SwiftShader/luma.gl that is not an app error. */
const NOISE = [/GPU stall due to ReadPixels/, /uniform block/i, /WebGL-0x/, /Automatic fallback to software WebGL/];

let shared: Browser | null = null;
let sharedProfile: BrowserContext | null = null;

/** Where the shared browser keeps its profile: only its GPU shader cache is of use across tests. */
const PROFILE = join(OUT, `chromium-profile-${process.env.VITEST_POOL_ID ?? '1'}`);

/**
 * The shared browser, on the persistent profile so compiled shaders are cached. A profile already in use
 * (another run in this checkout) falls back to a plain browser: slower, never wrong.
 */
async function launchShared(): Promise<Browser> {
	try {
		sharedProfile = await chromium.launchPersistentContext(PROFILE, { executablePath: findChromium(), args: CHROMIUM_FLAGS });
		const b = sharedProfile.browser();
		if (b) return b;
		await sharedProfile.close();
	} catch {
		// fall through
	}
	sharedProfile = null;
	return launch();
}

/**
 * One browser for every test of the calling file: launched before its first test, closed after its
 * last. Tests stay isolated because each gets its own context (see open).
 */
export function shareBrowserInFile() {
	beforeAll(async () => {
		shared = await launchShared();
	});
	afterAll(async () => {
		if (sharedProfile) await sharedProfile.close();
		else await shared?.close();
		shared = null;
		sharedProfile = null;
	});
}

export async function open(opts: { width?: number; height?: number; locale?: string; args?: string[]; base?: string } = {}): Promise<Session> {
	const base = opts.base ?? inject('baseUrl');
	// other launch flags need a browser of their own
	const ownBrowser = !shared || (opts.args?.length ?? 0) > 0;
	const browser = ownBrowser ? await launch(opts.args ?? []) : shared!;
	const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, locale: opts.locale ?? 'en-US', acceptDownloads: true });
	await enableTestHooks(context);
	const origin = new URL(base).origin;
	const external: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
		external.push(url);
		return route.abort();
	});
	// the context's events cover every page and frame in it
	context.on('console', (m) => {
		if (m.type() === 'error' && !NOISE.some((n) => n.test(m.text()))) errors.push(m.text());
	});
	context.on('weberror', (e) => errors.push(`pageerror: ${e.error().message}`));
	const page = await context.newPage();
	return { browser, context, page, external, errors, base, ownBrowser };
}

let settleToken = 0;

/**
 * Wait until the map and the deck.gl overlay have settled after a change (a click, a filter, a camera
 * move) made before the call: deck.gl has no redraw pending and every layer loaded; MapLibre is not
 * moving, has every source loaded, and its last event was 'idle' (it drew everything it had to, fades
 * included), where that idle came at least 3 animation frames into the wait or was followed by 3
 * frames without a draw. Why 3: the longest step the app takes unseen is the labels, applied two
 * frames after the markers (AtlasMap.svelte) and drawn by MapLibre a frame later; an idle before that
 * could belong to the state before the change. (Today the app re-applies the label filter every few
 * frames even when nothing changed, so the map never stays quiet: the 'idle' after each of those
 * draws is what ends the wait.)
 */
export async function mapSettled(target: Page | Frame, timeout = 90_000) {
	await target.waitForFunction(
		(token) => {
			type Watch = { token: number; frame: number; renders: number; seen: number; quiet: number; last: 'render' | 'idle'; idleAt: number };
			const w = window as unknown as {
				__atlasMap?: import('maplibre-gl').Map;
				// the Deck inside the MapLibreOverlay (a private field: read-only use, as in the benchmark)
				__atlasDeck?: { _deck?: { isInitialized: boolean; needsRedraw(o: object): unknown; layerManager: { getLayers(): { isLoaded: boolean }[] } | null } };
				__e2eSettle?: WeakMap<object, Watch>;
			};
			const map = w.__atlasMap;
			const deck = w.__atlasDeck?._deck;
			if (!map || !deck || !deck.isInitialized || !deck.layerManager) return false;
			const watches = (w.__e2eSettle ??= new WeakMap());
			let st = watches.get(map);
			if (!st) {
				const fresh: Watch = { token: -1, frame: 0, renders: 0, seen: 0, quiet: 0, last: map.loaded() && !map.isMoving() ? 'idle' : 'render', idleAt: -1 };
				map.on('render', () => {
					fresh.renders++;
					fresh.last = 'render';
				});
				map.on('idle', () => {
					fresh.last = 'idle';
					fresh.idleAt = fresh.frame;
				});
				watches.set(map, (st = fresh));
			}
			// the first call of a wait arms it; each later call runs in an animation frame and counts it
			if (st.token !== token) {
				Object.assign(st, { token, frame: 0, seen: st.renders, quiet: 0, idleAt: -1 });
				return false;
			}
			st.frame++;
			st.quiet = st.renders === st.seen ? st.quiet + 1 : 0;
			st.seen = st.renders;
			return (
				st.frame >= 4 &&
				st.last === 'idle' &&
				(st.idleAt >= 3 || st.quiet >= 3) &&
				map.loaded() &&
				!map.isMoving() &&
				!deck.needsRedraw({ clearRedrawFlags: false }) &&
				deck.layerManager.getLayers().every((l) => l.isLoaded)
			);
		},
		++settleToken,
		{ polling: 'raf', timeout }
	);
}

/** Run a change in the page, then wait until the map has drawn it (see mapSettled). */
export async function afterChangeSettled<T>(target: Page | Frame, change: () => Promise<T>, timeout = 90_000): Promise<T> {
	const r = await change();
	await mapSettled(target, timeout);
	return r;
}

/** Wait until the map has loaded its style and sources for the first time and everything is drawn. */
/** null once the map is there (created, or idle), else what the shell shows instead (its [data-boot] message) */
const bootShows = (target: Page | Frame, until: 'created' | 'idle') =>
	target.evaluate(
		(u) =>
			(u === 'idle' ? performance.getEntriesByName('atlas:map-idle').length > 0 : !!(window as unknown as { __atlasMap?: unknown }).__atlasMap)
				? null
				: (document.querySelector('[data-boot]')?.textContent?.replace(/\s+/g, ' ').trim() ?? 'no shell yet'),
		until
	);

/**
 * Wait for the map (created, or idle), or for the shell's message saying why there is none: then the
 * failure names that message (an error, no WebGL), and at the time limit what the page shows, instead
 * of a bare timeout. who names the page or frame in the error.
 */
export async function mapOrBootMessage(target: Page | Frame, until: 'created' | 'idle', timeout: number, who = 'the page') {
	await target
		.waitForFunction(
			(u) =>
				(u === 'idle' ? performance.getEntriesByName('atlas:map-idle').length > 0 : !!(window as unknown as { __atlasMap?: unknown }).__atlasMap) ||
				!!document.querySelector('[data-boot=error], [data-boot=no-webgl]'),
			until,
			{ timeout, polling: 250 }
		)
		.catch(async (e: Error) => {
			throw new Error(`${who}: no map after ${timeout / 1000} s; it shows "${await bootShows(target, until).catch(() => '?')}" (${e.message.split('\n')[0]})`);
		});
	const why = await bootShows(target, until);
	if (why !== null) throw new Error(`${who} has no map: "${why}"`);
}

export async function mapReady(target: Page | Frame, timeout = 90_000) {
	await mapOrBootMessage(target, 'idle', timeout);
	await mapSettled(target, timeout);
}

/** Switch to Chinese with the header button; done when the page, its URL and the map all show it. */
export async function toChinese(page: Page) {
	await page.click('button[lang="zh-CN"]');
	await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && /[?&]lang=zh/.test(location.search));
	await mapSettled(page);
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
	await s.context.close();
	if (s.ownBrowser) await s.browser.close();
}
