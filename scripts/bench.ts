/**
 * npm run bench — measures the production build in real Chromium with synthetic data sets of
 * 1k / 10k / 100k features (served in place of data/atlas.topojson), and the same data on a bare
 * MapLibre + deck.gl page (scripts/bench-page, built into build/__bench/ for the run only). Prints:
 *   - time to first full render (navigation → map idle with the data drawn)
 *   - filter change → next rendered frame latency, p50 / p95 over 40 changes: the kind filter (app
 *     and bare page, both as deck.gl GPU categories) and the plan filter (app: an attribute)
 *   - one frame of the map at that size (camera nudge → rendered), the yardstick for "a filter
 *     change costs no more than a frame", and each filter latency divided by it
 *   - JS and data bytes shipped, gzip
 *   - start-up on the real data at 1440×900 (scripts/lib/startup.ts), atlas and bare page, median of
 *     BENCH_RUNS (5) loads each: time to canvas, to map idle, total blocking time, longest task, bytes
 * A benchmark, not a test: it reports figures and never fails on them.
 *   BENCH_SIZES=1000,10000,100000 npm run bench   to choose sizes (default 1000,10000)
 *   BENCH_RUNS=5 BENCH_ONLY=startup|filters|exports
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { serve } from './serve';
import { launch, enableTestHooks } from './lib/chromium';
import { synthetic } from './lib/synthetic';
import { measureStartup, medianSample, type StartupSample } from './lib/startup';
import { chunkReport } from './chunk-report';
import { exportFigures } from './lib/export-bench';
import { PLAN_IDS } from '../src/lib/data/plans';
import { DEFAULT_CAMERA } from '../src/lib/state/state';

const root = join(import.meta.dirname, '..');
const build = join(root, 'build');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

/**
 * One frame of the map at this data size, the yardstick for "a filter change costs no more than a
 * frame": a camera nudge (a fraction of a pixel, so the same features are drawn) timed to the end of
 * the second animation frame after it, exactly as the filter changes are timed.
 */
async function frameLatency(page: Page, mode: 'app' | 'bare', count: number): Promise<number[]> {
	return page.evaluate(`(async () => {
		const map = ${mode === 'app' ? 'window.__atlasMap' : 'window.__bare.map'};
		const out = [];
		for (let k = 0; k < ${count}; k++) {
			const c = map.getCenter();
			const t0 = performance.now();
			map.jumpTo({ center: [c.lng + (k % 2 ? 1e-6 : -1e-6), c.lat] });
			await new Promise((r) => requestAnimationFrame(r));
			await new Promise((r) => requestAnimationFrame(r));
			out.push(performance.now() - t0);
		}
		return out;
	})()`);
}

export interface FilterSample {
	/** change → end of the second animation frame after it */
	total: number;
	/** main-thread JavaScript of the change itself: store, filter pass, Svelte updates (sync + microtasks) */
	js: number;
	/** change → map idle again (app: labels re-placed and faded in after the markers' frame) */
	settled: number;
	/**
	 * deck.gl's own counters for the window: CPU time of its frames (JS that builds and submits them),
	 * attribute work in milliseconds and attributes recomputed. null when deck.gl reset its stats inside
	 * the window (it does every 60 frames), so they cannot be read.
	 */
	deckCpu: number | null;
	attrMs: number | null;
	attrs: number | null;
}

/**
 * Filter changes, each timed from the change to the end of the second animation frame after it,
 * with deck.gl's own counters read around it. 'kind' changes the kind filter (a GPU category in the
 * app and on the bare page: a uniform); 'plan' changes the plan filter (app only: one 0/1 attribute
 * is recomputed for every feature).
 */
async function filterLatency(page: Page, mode: 'app' | 'bare', what: 'kind' | 'plan', count: number): Promise<FilterSample[]> {
	// passed as source text: tsx would otherwise wrap the in-page functions in helpers the page lacks
	return page.evaluate(`(async () => {
		const mode = ${JSON.stringify(mode)};
		const what = ${JSON.stringify(what)};
		// the Deck inside the MapLibreOverlay (a private field: read-only use, for its counters)
		const stats = (mode === 'app' ? window.__atlasDeck : window.__bare.overlay)._deck.stats;
		// deck.gl zeroes these every 60 frames: a window that spans that reset has no valid counters
		const read = () => ({ frames: stats.get('CPU Time').samples, cpu: stats.get('CPU Time').time, attrMs: stats.get('Update Attributes').time, attrs: stats.get('Attributes updated').count });
		const map = mode === 'app' ? window.__atlasMap : window.__bare.map;
		// Svelte flushes in microtasks: a few turns of the microtask queue, no rendering in between
		const microtasks = async () => { for (let i = 0; i < 10; i++) await Promise.resolve(); };
		const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
		const out = [];
		const kindSets = [['port'], ['airport', 'bonded-zone'], [], ['dev-zone', 'industrial-park', 'logistics-park'], ['rail-corridor']];
		const planSets = [[${JSON.stringify(PLAN_IDS[0])}], [${JSON.stringify(PLAN_IDS[1])}, ${JSON.stringify(PLAN_IDS[2])}], [], [${JSON.stringify(PLAN_IDS[4])}]];
		for (let k = 0; k < ${count}; k++) {
			const kinds = kindSets[k % kindSets.length];
			const before = read();
			const t0 = performance.now();
			if (what === 'plan') window.__atlas.patchFilters({ plans: planSets[k % planSets.length] });
			else if (mode === 'app') window.__atlas.patchFilters({ kinds });
			else window.__bare.setKinds(kinds);
			const idle = mode === 'app' ? new Promise((r) => map.once('idle', r)) : null;
			await microtasks();
			const js = performance.now() - t0;
			await new Promise((r) => requestAnimationFrame(r));
			await new Promise((r) => requestAnimationFrame(r));
			const total = performance.now() - t0;
			const after = read();
			// each change starts from a quiet map: wait for the labels to follow (app) before the next
			if (idle) await Promise.race([idle, sleep(Math.max(2000, 4 * total))]);
			const settled = performance.now() - t0;
			await sleep(50);
			const valid = after.frames >= before.frames;
			out.push({ total, js, settled, deckCpu: valid ? after.cpu - before.cpu : null, attrMs: valid ? after.attrMs - before.attrMs : null, attrs: valid ? after.attrs - before.attrs : null });
		}
		return out;
	})()`);
}

async function run() {
	if (!statSync(join(build, 'index.html'), { throwIfNoEntry: false })) throw new Error('No build/: run npm run build first (npm run bench does).');
	// the bare baseline page, built beside the site for this run only
	await viteBuild({ configFile: join(root, 'scripts', 'bench-page', 'vite.config.ts') });
	const server = await serve(build, 0);
	const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	const browser = await launch();
	console.log(`Open Platforms Atlas benchmark — Chromium ${browser.version()}, viewport 1280×800, ${new Date().toISOString()}`);

	// bytes shipped: every JS file the app page loads, gzip; the real data set, gzip
	const js = readdirSync(join(build, '_app', 'immutable'), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && /\.m?js$/.test(d.name))
		.map((d) => join(d.parentPath, d.name));
	const gz = (f: string) => gzipSync(readFileSync(f)).length;
	const realData = ['atlas.topojson', 'plans.json', 'tours.json'].map((f) => join(build, 'data', f)).filter((f) => statSync(f, { throwIfNoEntry: false }));
	// the basemap's files, its tile folders included
	const basemap = readdirSync(join(build, 'basemap'), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name));
	console.log(`\nBytes (gzip): all JS chunks ${kb(js.reduce((s, f) => s + gz(f), 0))} (${js.length} files); atlas data ${kb(realData.reduce((s, f) => s + gz(f), 0))}; offline basemap ${kb(basemap.reduce((s, f) => s + gz(f), 0))}`);

	const only = process.env.BENCH_ONLY;
	const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
	console.log(`Load average at start: ${load}${Number(load.split(' ')[0]) > 1.5 ? ' (a busy machine: absolute figures are noisy, ratios less so)' : ''}`);
	console.log('\n' + chunkReport(build).text);
	if (!only || only === 'exports') await exportFigures(base, browser);
	if (only === 'exports') return void (await browser.close(), server.close());
	if (only !== 'filters') await startup(base, browser);
	for (const n of only === 'startup' ? [] : sizes) {
		const data = synthetic(n);
		const dataGz = gzipSync(data).length;
		// fewer samples where one software-rendered frame takes seconds
		const changes = n >= 100_000 ? 10 : n >= 10_000 ? 20 : 40;
		const nudges = n >= 100_000 ? 10 : 20;
		type R = { first: number; frame: number; kind: FilterSample[]; plan?: FilterSample[] };
		const result: Record<string, R> = {};
		for (const mode of ['app', 'bare'] as const) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			await enableTestHooks(context);
			const page = await context.newPage();
			await page.route('**/data/atlas.topojson', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: data }));
			await page.goto(mode === 'app' ? `${base}/?lang=en&c=${DEFAULT_CAMERA.lon},${DEFAULT_CAMERA.lat},${DEFAULT_CAMERA.zoom},0,0` : `${base}/__bench/`);
			const mark = mode === 'app' ? 'atlas:map-idle' : 'bare:idle';
			// a function, not a string: the site's CSP forbids eval of a string predicate
			await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 300_000, polling: 100 });
			const first = (await page.evaluate(`performance.getEntriesByName('${mark}')[0].startTime`)) as number;
			await page.waitForTimeout(500);
			const frames = await frameLatency(page, mode, nudges);
			await page.waitForTimeout(300);
			result[mode] = { first, frame: pct(frames, 50), kind: await filterLatency(page, mode, 'kind', changes) };
			if (mode === 'app') {
				await page.evaluate('window.__atlas.patchFilters({ kinds: [] })');
				await page.waitForTimeout(300);
				result[mode].plan = await filterLatency(page, mode, 'plan', changes);
			}
			await context.close();
		}
		const a = result.app, b = result.bare;
		// unreadable counters (null) are left out
		const values = (xs: FilterSample[], k: keyof FilterSample) => xs.map((x) => x[k]).filter((v): v is number => v !== null);
		const p = (xs: FilterSample[], k: keyof FilterSample, q = 50) => pct(values(xs, k), q);
		const sum = (xs: FilterSample[], k: keyof FilterSample) => values(xs, k).reduce((t, v) => t + v, 0);
		const valid = (xs: FilterSample[]) => `${values(xs, 'deckCpu').length} of ${xs.length} windows`;
		const col = (s: string) => s.padEnd(44);
		console.log(
			[
				`\n${n} features — synthetic data ${kb(dataGz)} gzip; ${changes} filter changes and ${nudges} camera nudges per page`,
				`  ${col('first render (navigation → map idle)')}app ${ms(a.first)}   bare ${ms(b.first)}   ×${(a.first / b.first).toFixed(2)}`,
				`  ${col('one map frame (camera nudge → drawn), p50')}app ${ms(a.frame)}   bare ${ms(b.frame)}`,
				`  ${col('kind filter → frame, p50 / p95')}app ${ms(p(a.kind, 'total'))} / ${ms(p(a.kind, 'total', 95))}   bare ${ms(p(b.kind, 'total'))} / ${ms(p(b.kind, 'total', 95))}   ×${(p(a.kind, 'total') / p(b.kind, 'total')).toFixed(2)}   = ${(p(a.kind, 'total') / a.frame).toFixed(2)} of a frame (bare ${(p(b.kind, 'total') / b.frame).toFixed(2)})`,
				`  ${col('  main-thread JS of the change, p50')}app ${ms(p(a.kind, 'js'))}   bare ${ms(p(b.kind, 'js'))}`,
				`  ${col('  deck.gl frame CPU in the window, p50')}app ${ms(p(a.kind, 'deckCpu'))}   bare ${ms(p(b.kind, 'deckCpu'))}`,
				`  ${col('  attributes recomputed, all changes')}app ${sum(a.kind, 'attrs')} (${ms(sum(a.kind, 'attrMs'))})   bare ${sum(b.kind, 'attrs')} (${ms(sum(b.kind, 'attrMs'))})   [deck.gl counters: app ${valid(a.kind)}, bare ${valid(b.kind)}]`,
				`  ${col('  labels follow: change → map idle, p50')}app ${ms(p(a.kind, 'settled'))}`,
				`  ${col('plan filter → frame, p50 / p95 (app)')}${ms(p(a.plan!, 'total'))} / ${ms(p(a.plan!, 'total', 95))}   = ${(p(a.plan!, 'total') / a.frame).toFixed(2)} of a frame`,
				`  ${col('  main-thread JS / deck.gl CPU, p50')}${ms(p(a.plan!, 'js'))} / ${ms(p(a.plan!, 'deckCpu'))}`,
				`  ${col('  attributes recomputed per change, p50')}${p(a.plan!, 'attrs')} (${ms(p(a.plan!, 'attrMs'))})   [deck.gl counters: ${valid(a.plan!)}]`,
				`  ${col('  labels follow: change → map idle, p50')}${ms(p(a.plan!, 'settled'))}`
			].join('\n')
		);
	}
	await browser.close();
	server.close();
}

/** Start-up on the real data: the atlas against the bare page with the same data and basemap. */
async function startup(base: string, browser: import('playwright-core').Browser) {
	const runs = Number(process.env.BENCH_RUNS ?? 5);
	const samples: Record<'app' | 'bare', StartupSample[]> = { app: [], bare: [] };
	// alternate the two pages, so a change in the machine's load hits both alike
	for (let k = 0; k < runs; k++) {
		samples.app.push(await measureStartup(browser, `${base}/?lang=en`, { idle: 'atlas:map-idle', fetched: 'atlas:fetched' }));
		samples.bare.push(await measureStartup(browser, `${base}/__bench/`, { idle: 'bare:idle', fetched: 'bare:fetched' }));
	}
	const a = medianSample(samples.app), b = medianSample(samples.bare);
	const row = (name: string, x: number, y: number, f: (n: number) => string) =>
		`  ${name.padEnd(40)}${f(x).padStart(10)}${f(y).padStart(10)}${(y > 0 ? `×${(x / y).toFixed(2)}` : '—').padStart(9)}`;
	console.log(
		[
			`\nStart-up on the real data, 1440×900, median of ${runs} loads each (load average now ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`,
			`  ${''.padEnd(40)}${'atlas'.padStart(10)}${'bare'.padStart(10)}${'ratio'.padStart(9)}`,
			row('time to canvas', a.canvas, b.canvas, ms),
			row('data arrived', a.fetched, b.fetched, ms),
			row('time to map idle, data drawn', a.idle, b.idle, ms),
			row('total blocking time', a.tbt, b.tbt, ms),
			row('  of it after the data arrived', a.tbtAfterData, b.tbtAfterData, ms),
			row('longest task', a.longest, b.longest, ms),
			row('bytes transferred', a.bytes, b.bytes, kb),
			`  long tasks per load (atlas): ${samples.app.map((s) => s.tasks.length).join(', ')}; bare: ${samples.bare.map((s) => s.tasks.length).join(', ')}`
		].join('\n')
	);
}

run().catch((e) => {
	console.error(e);
	process.exit(1);
});
