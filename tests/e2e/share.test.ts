/**
 * Sharing in a real browser: the URL restores the whole view and follows it without flooding the
 * history; a hostile URL is shrugged off; the Share dialog's link, embed code, preview and exports
 * (GeoJSON, CSV, PNG 1×/2×) match what the atlas shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { open, mapReady, shot, pixelStats, close, shareBrowserInFile, type Session } from './harness';
import { featuresFromTopology } from '$lib/data/load';
import { applyFilters } from '$lib/state/filters';
import { decode } from '$lib/state/url';

const BUILD = join(import.meta.dirname, '..', '..', 'build');

shareBrowserInFile();
let s: Session | null = null;
afterEach(async () => {
	if (s) await close(s);
	s = null;
});

/** The ids the atlas should list for a query string, computed from the built data without the UI. */
function expectedIds(query: string): string[] {
	const feats = featuresFromTopology(JSON.parse(readFileSync(join(BUILD, 'data', 'atlas.topojson'), 'utf8')));
	const props = feats.map((f) => f.properties);
	const { state } = decode(query, 'en');
	const { mask } = applyFilters(props, state.filters, state.layers);
	return props.filter((_, i) => mask[i] === 1).map((p) => p.id);
}

type Cam = { lon: number; lat: number; zoom: number; bearing: number; pitch: number };
const camera = (page: Page) =>
	page.evaluate((): Cam => {
		const m = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
		const c = m.getCenter();
		return { lon: c.lng, lat: c.lat, zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
	});

async function mapShot(page: Page) {
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	return page.screenshot({ clip: box });
}

async function downloadOf(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
	const [dl]: [Download, void] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testid).click()]);
	const path = await dl.path();
	return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
}

/** RFC 4180: quoted cells, doubled quotes, CRLF rows (a quoted cell may hold a line break). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(cell), (cell = '');
		else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		} else cell += ch;
	}
	if (cell !== '' || row.length) row.push(cell), rows.push(row);
	return rows;
}

describe('a link is the whole view', () => {
	it('restores camera, filters and selection exactly, and follows the map without new history entries', async () => {
		s = await open();
		const query = 'c=114.31,30.52,9.5,20,30&k=port,airport&city=wuhan&sel=wuhan-tianhe-airport&lang=en';
		await s.page.goto(`${s.base}/?${query}`);
		await mapReady(s.page);
		const page = s.page;

		const cam = await camera(page);
		expect(Math.abs(cam.lon - 114.31), `lon ${cam.lon}`).toBeLessThan(1e-4);
		expect(Math.abs(cam.lat - 30.52), `lat ${cam.lat}`).toBeLessThan(1e-4);
		expect(Math.abs(cam.zoom - 9.5), `zoom ${cam.zoom}`).toBeLessThan(0.01);
		expect(Math.abs(cam.bearing - 20), `bearing ${cam.bearing}`).toBeLessThan(0.01);
		expect(Math.abs(cam.pitch - 30), `pitch ${cam.pitch}`).toBeLessThan(0.01);

		await page.getByRole('tab', { name: 'Filters' }).click();
		const checked = (filter: string, value: string) => page.locator(`input[data-filter=${filter}][value="${value}"]`).isChecked();
		expect(await checked('kind', 'port')).toBe(true);
		expect(await checked('kind', 'airport')).toBe(true);
		expect(await checked('kind', 'rail-hub')).toBe(false);
		expect(await checked('city', 'wuhan')).toBe(true);
		expect(await checked('city', 'hefei')).toBe(false);

		const ids = expectedIds(query);
		expect(ids.length, 'the filter leaves some features').toBeGreaterThan(0);
		expect(ids).toContain('wuhan-tianhe-airport');
		expect((await page.locator('.list-toggle').textContent())?.trim()).toBe(`List (${ids.length})`);
		expect(await page.locator('.summary').textContent()).toContain(`Showing ${ids.length} of`);

		await expect.poll(() => page.locator('#detail-title').textContent()).toContain('Tianhe');

		// the address bar keeps the state (after the data version is added)
		await page.waitForFunction(() => /[?&]v=/.test(location.search), null, { timeout: 30_000 });
		const search = await page.evaluate(() => decodeURIComponent(location.search));
		expect(search).toContain('c=114.31,30.52,9.5,20,30');
		expect(search).toContain('sel=wuhan-tianhe-airport');
		expect(search).toContain('k=port,airport');
		expect(search).toContain('city=wuhan');

		// panning rewrites the address in place, with no history entry per move: each move shows in the
		// address before the next (and the map stays where the address says), and after a burst of moves
		// in one go the address shows the last of them
		const before = await page.evaluate(() => history.length);
		const jump = (centers: number[][]) =>
			page.evaluate((cs) => {
				const m = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
				for (const c of cs) m.jumpTo({ center: c as [number, number] });
			}, centers);
		const addressShows = (lon: number, lat: number) =>
			page.waitForFunction((want) => decodeURIComponent(location.search).includes(want), `c=${lon},${lat},9.5,20,30`, { timeout: 30_000 });
		for (const [lon, lat] of [[114.5, 30.6], [114.42, 30.55], [114.6, 30.7]]) {
			await jump([[lon, lat]]);
			await addressShows(lon, lat);
			const cam = await camera(page);
			expect([cam.lon, cam.lat], 'the map is where the address says').toEqual([expect.closeTo(lon, 4), expect.closeTo(lat, 4)]);
		}
		await jump([[114.2, 30.4], [114.25, 30.45], [114.3, 30.5]]);
		await addressShows(114.3, 30.5);
		expect(await page.evaluate(() => history.length)).toBe(before);
		expect(await page.evaluate(() => decodeURIComponent(location.search))).toContain('sel=wuhan-tianhe-airport');

		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});

	it('ignores a malformed or hostile URL, says which parts, and still draws the map', async () => {
		s = await open();
		const dialogs: string[] = [];
		s.page.on('dialog', (d) => {
			dialogs.push(`${d.type()}: ${d.message()}`);
			void d.dismiss();
		});
		await s.page.goto(`${s.base}/?c=abc&k=spaceship&lang=en&sel=<script>alert(1)</script>`);
		await mapReady(s.page);
		const page = s.page;

		const notice = page.locator('.notice', { hasText: 'could not be used' });
		await expect.poll(() => notice.count()).toBe(1);
		const text = (await notice.textContent())!;
		const parts = text.split(':').pop()!.replace('×', '').split(',').map((x) => x.trim());
		expect(parts.sort()).toEqual(['c', 'k', 'sel']);

		const st = pixelStats(await mapShot(page));
		expect(st.colours, 'map canvas has content').toBeGreaterThan(200);
		expect(st.stddev, 'map canvas is not flat').toBeGreaterThan(8);
		await shot(page, 'share-malformed-url');

		// defaults in place of the bad parts; nothing of the script survives into the page or the address
		// the bad c= leaves the opening view: Wuhan and Hefei both in the map
		const inView = await page.evaluate(() => {
			const m = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
			const c = m.getCanvas();
			return [[114.26667, 30.58333], [117.28083, 31.86389]].map(([lon, lat]) => {
				const p = m.project([lon, lat]);
				return p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight;
			});
		});
		expect(inView).toEqual([true, true]);
		expect(await page.locator('#detail-title').count()).toBe(0);
		expect(await page.evaluate(() => document.documentElement.outerHTML.includes('alert(1)')), 'the hostile value is not in the page').toBe(false);
		await page.waitForFunction(() => /[?&]v=/.test(location.search), null, { timeout: 30_000 });
		const search = await page.evaluate(() => decodeURIComponent(location.search));
		expect(search).not.toContain('script');
		expect(search).not.toContain('spaceship');
		expect(search).toContain('lang=en');

		expect(dialogs).toEqual([]);
		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});
});

describe('the Share / Embed / Export dialog', () => {
	it('gives the view link, an embed snippet with a live preview, and exports exactly the listed features', async () => {
		s = await open();
		const query = 'k=airport&lang=en';
		await s.page.goto(`${s.base}/?${query}`);
		await mapReady(s.page);
		const page = s.page;
		await page.waitForFunction(() => /[?&]v=/.test(location.search), null, { timeout: 30_000 });

		// what the list shows
		const ids = expectedIds(query);
		expect(ids.length).toBeGreaterThan(1);
		await page.locator('.list-toggle').click();
		await page.locator('.rowbtn[data-id]').first().waitFor();
		const listed = await page.locator('.rowbtn[data-id]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id!));
		expect([...listed].sort()).toEqual([...ids].sort());

		const mapSize = await page.evaluate(() => {
			const c = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.getCanvas();
			return { cssW: c.clientWidth, cssH: c.clientHeight, w: c.width, h: c.height, dpr: devicePixelRatio };
		});
		expect(mapSize.dpr).toBe(1);
		expect([mapSize.w, mapSize.h]).toEqual([mapSize.cssW, mapSize.cssH]);

		await page.getByRole('button', { name: 'Share / Embed / Export' }).click();
		const dialog = page.locator('dialog.share');
		await dialog.waitFor();
		expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);

		const link = await page.getByTestId('share-link').inputValue();
		expect(link).toBe(await page.evaluate(() => location.href));
		expect(decodeURIComponent(new URL(link).search)).toContain('k=airport');

		const code = await page.getByTestId('embed-code').inputValue();
		expect(code).toMatch(/^<iframe /);
		const src = code.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
		expect(new URL(src).pathname).toBe('/embed/');
		expect(new URL(src).origin).toBe(new URL(s.base).origin);
		expect(new URL(src).searchParams.get('k')).toBe('airport');

		// the live preview is a working embed of the same view
		const preview = dialog.locator('.preview iframe');
		await preview.waitFor({ timeout: 30_000 });
		expect(await preview.getAttribute('src')).toBe(src);
		const pf = (await (await preview.elementHandle())!.contentFrame())!;
		await pf.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, null, { timeout: 90_000, polling: 200 });
		expect(await pf.locator('.embed').count()).toBe(1);
		expect(await pf.locator('.maplibregl-canvas').count()).toBe(1);
		await shot(page, 'share-dialog');

		// GeoJSON: exactly the listed features
		const gj = await downloadOf(page, 'export-geojson');
		expect(gj.name).toMatch(/\.geojson$/);
		const fc = JSON.parse(gj.bytes.toString('utf8'));
		expect(fc.type).toBe('FeatureCollection');
		const gjIds: string[] = fc.features.map((f: { properties: { id: string } }) => f.properties.id);
		expect([...gjIds].sort()).toEqual([...listed].sort());
		expect(fc.features.every((f: { properties: { kind: string } }) => f.properties.kind === 'airport')).toBe(true);
		expect(fc.metadata.count).toBe(listed.length);

		// CSV: BOM, bilingual names, one row per feature
		const csv = await downloadOf(page, 'export-csv');
		expect(csv.name).toMatch(/\.csv$/);
		expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
		const head = rows[0];
		expect(head).toContain('name_zh');
		expect(head).toContain('name_en');
		const body = rows.slice(1);
		expect(body.length).toBe(listed.length);
		expect(body.every((r) => r.length === head.length)).toBe(true);
		const col = (n: string) => head.indexOf(n);
		expect(body.map((r) => r[col('id')]).sort()).toEqual([...listed].sort());
		expect(body.every((r) => /[\u4e00-\u9fff]/.test(r[col('name_zh')]) && r[col('name_en')].length > 0)).toBe(true);

		// PNG at 1× and 2×: the map's size, exactly doubled, not blank
		const p1 = await downloadOf(page, 'png1');
		const p2 = await downloadOf(page, 'png2');
		const i1 = PNG.sync.read(p1.bytes), i2 = PNG.sync.read(p2.bytes);
		expect([i1.width, i1.height]).toEqual([mapSize.cssW, mapSize.cssH]);
		expect([i2.width, i2.height]).toEqual([2 * i1.width, 2 * i1.height]);
		for (const [name, b] of [['1x', p1.bytes], ['2x', p2.bytes]] as const) {
			const st = pixelStats(b);
			expect(st.colours, `PNG ${name} has content`).toBeGreaterThan(200);
			expect(st.stddev, `PNG ${name} is not flat`).toBeGreaterThan(8);
		}
		// the map is back at its own pixel ratio afterwards
		expect(await page.evaluate(() => (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.getCanvas().width)).toBe(mapSize.w);

		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});
});
