/**
 * npm run bench, exports (#14 item 10): the CSV and GeoJSON export of the whole set at 1440×900, on the
 * real data, with the embed preview loading beside them. Prints each export's main-thread work (the sum
 * of its slices, share/export-run.ts), its slice count and longest slice, the long tasks that overlap it
 * (the preview iframe shares the thread, so they need not be the export's), and how many distance
 * columns the page built itself (0 when data/proximity.json was used).
 */
import type { Browser } from 'playwright-core';
import { enableTestHooks } from './chromium';

export async function exportFigures(base: string, browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
	await enableTestHooks(context);
	const page = await context.newPage();
	await page.goto(`${base}/?lang=en`);
	await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, 'atlas:map-idle', { timeout: 300_000, polling: 200 });
	await page.evaluate(`(() => { window.__long = []; new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' }); })()`);
	await page.click('.actions .primary');
	await page.locator('dialog.share[open] .preview iframe').waitFor({ timeout: 60_000 });
	const lines: string[] = [];
	for (const kind of ['csv', 'geojson'] as const) {
		await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(`export-${kind}`).click({ timeout: 120_000 })]);
		const r = (await page.evaluate(`(() => {
			const e = performance.getEntriesByName('atlas:export-${kind}').at(-1);
			const long = window.__long.filter(([s, d]) => s < e.startTime + e.duration && s + d > e.startTime).map(([, d]) => Math.round(d));
			return { ...e.detail, span: e.duration, long };
		})()`)) as { workMs: number; slices: number; longestMs: number; features: number; span: number; long: number[] };
		lines.push(`  ${kind.padEnd(8)}${r.features} features: ${r.workMs.toFixed(1)} ms main-thread work in ${r.slices} slices (longest ${r.longestMs.toFixed(1)} ms), ${r.span.toFixed(0)} ms end to end; long tasks overlapping: ${r.long.length ? r.long.map((d) => `${d} ms`).join(', ') : 'none'}`);
	}
	const built = (await page.evaluate(`performance.getEntriesByName('atlas:proximity-column').length`)) as number;
	console.log([`\nExports of the whole set, 1440×900, real data, embed preview loading`, ...lines, `  distance columns built on the page: ${built}`].join('\n'));
	await context.close();
}
