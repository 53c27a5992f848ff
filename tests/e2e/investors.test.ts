/**
 * Investors and planners (#12): the proximity filter lists exactly the set computed here in Node from
 * the compiled data, with distances straight from turf (no typed columns); the list shows the nearest hubs.
 */
import { describe, it, expect, afterEach, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, mapReady, mapSettled, shot, close, shareBrowserInFile, toChinese, type Session } from './harness';
import { featuresFromTopology } from '../../src/lib/data/load';
import { featureKm, isKnown } from '../../src/lib/analysis/proximity';
import { groupOf } from '../../src/lib/legend';
import type { CompiledFeature } from '../../src/lib/data/types';

const root = join(import.meta.dirname, '..', '..');
let features: CompiledFeature[] = [];
beforeAll(() => {
	features = featuresFromTopology(JSON.parse(readFileSync(join(root, 'build/data/atlas.topojson'), 'utf8')));
});

/** The definition, written out: every term has a feature of its group (not itself) within km. */
function nearSet(groups: string[], terms: { group: string; km: number }[], known = false): string[] {
	const ok = (f: CompiledFeature) => !!f.geometry && (!known || isKnown(f.properties.location.precision));
	return features
		.filter((f) => groups.includes(groupOf(f.properties.kind).id) && ok(f))
		.filter((f) => terms.every((t) => features.some((g) => g !== f && ok(g) && groupOf(g.properties.kind).id === t.group && featureKm(f, g) <= t.km)))
		.map((f) => f.properties.id)
		.sort();
}

shareBrowserInFile();

let s: Session | null = null;
afterEach(async () => {
	if (s) {
		expect(s.external, 'no request leaves the origin').toEqual([]);
		await close(s);
	}
	s = null;
});

async function listIds(page: Session['page']) {
	if ((await page.locator('.list-toggle').getAttribute('aria-expanded')) !== 'true') await page.click('.list-toggle');
	await page.waitForSelector('.list table');
	return (await page.locator('.list tbody button.rowbtn').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!))).sort();
}

describe('proximity filter and distance columns', () => {
	it('near=airports:30,rail:20 lists exactly the set computed in Node, in both languages', async () => {
		const want = nearSet(['bonded'], [{ group: 'airports', km: 30 }, { group: 'rail', km: 20 }]);
		expect(want.length, 'the query is not empty').toBeGreaterThan(0);
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&l=bonded&near=airports:30,rail:20`);
		await mapReady(s.page);
		expect(await listIds(s.page)).toEqual(want);
		// the filter panel shows the terms and how many matches rest on imprecise places
		await s.page.click('#tab-filters');
		await s.page.waitForSelector('[data-near-summary]');
		expect(await s.page.locator('[data-near-term]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.nearTerm))).toEqual(['airports', 'rail']);
		expect(await s.page.textContent('[data-near-summary]')).toContain(String(want.length));
		// every listed row shows its nearest airport within 30 km
		const kms = await s.page.locator('.list td[data-near="airports"]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.km)));
		expect(kms.length).toBe(want.length);
		for (const k of kms) expect(k).toBeLessThanOrEqual(30);
		await shot(s.page, 'investors-near-en');
		// "known site or area only" narrows it to the Node set with the same rule
		await s.page.check('[data-filter="near-known"]');
		// the URL is written from the state, so once it says nk=1 the filter has been applied
		await s.page.waitForFunction(() => /[?&]nk=1/.test(location.search));
		expect(await listIds(s.page)).toEqual(nearSet(['bonded'], [{ group: 'airports', km: 30 }, { group: 'rail', km: 20 }], true));
		await toChinese(s.page);
		await shot(s.page, 'investors-near-zh');
		expect(s.errors).toEqual([]);
	});

	it('a bad term is ignored and named; the good ones stay', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&near=ports:10,moon:5`);
		await mapReady(s.page);
		const want = nearSet(['ftz', 'bonded', 'ports', 'airports', 'rail', 'entry', 'rail-corridors', 'river-corridors', 'sea-routes', 'air-routes', 'road-corridors', 'dev-zones', 'parks', 'logistics', 'ecommerce', 'innovation', 'exhibition', 'exchange', 'overseas'], [{ group: 'ports', km: 10 }]);
		expect(await listIds(s.page)).toEqual(want);
		expect(await s.page.locator('.notices').textContent()).toContain('near (moon:5)');
		expect(s.errors).toEqual([]);
	});

	it('the list sorts by distance to the nearest airport', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&l=bonded`);
		await mapReady(s.page);
		await listIds(s.page);
		await s.page.click('.list th button:has-text("Nearest airport")');
		await s.page.locator('.list th[aria-sort="ascending"]:has-text("Nearest airport")').waitFor();
		const kms = await s.page.locator('.list td[data-near="airports"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.km).filter(Boolean).map(Number));
		expect(kms.length).toBeGreaterThan(3);
		expect([...kms].sort((a, b) => a - b)).toEqual(kms);
		expect(s.errors).toEqual([]);
	});
});

describe('compare, corridor table, time to market', () => {
	it('cmp= renders the side-by-side view, one column per feature, targets aligned; the link reproduces it', async () => {
		const ids = ['wuhan-china-europe-rail', 'hefei-china-europe-rail', 'wuhan-tianhe-airport'];
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&cmp=${ids.join(',')}`);
		await mapReady(s.page);
		await s.page.waitForSelector('[data-compare]');
		expect(await s.page.locator('[data-compare-col]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.compareCol))).toEqual(ids);
		// 1,300 and 1,000 trains a year share one row
		const row = s.page.locator('[data-row="target-trains-per-year-trains"] td');
		expect(await row.count()).toBe(3);
		expect(await row.nth(0).textContent()).toContain('1,300');
		expect(await row.nth(1).textContent()).toContain('1,000');
		expect((await row.nth(2).textContent())!.trim()).toBe('');
		expect(await s.page.locator('[data-row="near-airports"] td').count()).toBe(3);
		// the map is framed to all of them (Wuhan to Europe is wide: a low zoom); wait for the camera to stop
		await mapSettled(s.page);
		const b = await s.page.evaluate(() => (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.getBounds().toArray());
		// Duisburg (the Wuhan line's far end) and Hefei both in view
		expect(b[0][0]).toBeLessThan(6.8);
		expect(b[1][0]).toBeGreaterThan(117.2);
		expect(s.page.url()).toContain(`cmp=${ids.join(',')}`);
		await shot(s.page, 'investors-compare-en');
		const dl = s.page.waitForEvent('download');
		await s.page.click('[data-compare-csv]');
		const csv = readFileSync(await (await dl).path(), 'utf8');
		expect(csv.split('\r\n')[0]).toContain('China–Europe');
		await toChinese(s.page);
		await shot(s.page, 'investors-compare-zh');
		expect(s.errors).toEqual([]);
	});

	it('add to compare from the detail panel and the list; time to market shows recorded figures only', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&sel=wuhan-tianhe-airport`);
		await mapReady(s.page);
		await s.page.waitForSelector('[data-market]');
		const eu = (await s.page.textContent('[data-market-route="wuhan-china-europe-rail"]'))!;
		expect(eu).toContain('length not stated');
		expect(eu).toContain('travel time not stated');
		expect(eu).toContain('1,300 trains a year');
		await shot(s.page, 'investors-market-en');
		await s.page.click('[data-compare-add]');
		await listIds(s.page);
		await s.page.check('[data-compare-toggle="ezhou-huahu-airport"]');
		await s.page.waitForSelector('[data-compare]');
		expect(s.page.url()).toContain('cmp=wuhan-tianhe-airport,ezhou-huahu-airport');
		expect(s.errors).toEqual([]);
	});

	it('the corridor table sorts by length and colours lines by origin city', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=zh`);
		await mapReady(s.page);
		await s.page.click('.list-toggle');
		await s.page.click('[data-list-view="corridors"]');
		await s.page.waitForSelector('[data-corridor-table]');
		await s.page.click('[data-sort="length"]');
		const lens = await s.page.locator('td[data-length]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.length).filter(Boolean).map(Number));
		expect(lens.length).toBeGreaterThan(10);
		expect([...lens].sort((a, b) => a - b)).toEqual(lens);
		await s.page.check('[data-corridor-colour]');
		await s.page.waitForFunction(() => /[?&]cc=city/.test(location.search));
		await mapSettled(s.page);
		await shot(s.page, 'investors-corridors-zh');
		expect(s.errors).toEqual([]);
	});
});

describe('measure and radius', () => {
	it('reads a known distance within 0.5% (keyboard: Enter adds the map centre, Backspace undoes, Escape cancels)', async () => {
		// Wuhan Tianhe to Hefei Xinqiao airports, hand-computed with the spherical law of cosines (R = 6371.0088 km)
		const a: [number, number] = [114.2, 30.78], b: [number, number] = [116.97, 31.99];
		const rad = Math.PI / 180;
		const want = 6371.0088 * Math.acos(Math.sin(a[1] * rad) * Math.sin(b[1] * rad) + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.cos((b[0] - a[0]) * rad));
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&c=${a[0]},${a[1]},8`);
		await mapReady(s.page);
		await s.page.click('[data-measure-path]');
		await s.page.click('[data-measure-centre]');
		const centre = async (p: [number, number]) => {
			await s!.page.evaluate((p) => (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.jumpTo({ center: p }), p);
			await mapSettled(s!.page);
		};
		await centre([115, 31]);
		await s.page.locator('.maplibregl-canvas').focus();
		await s.page.keyboard.press('Enter');
		await s.page.keyboard.press('Backspace'); // undo the detour point
		await centre(b);
		await s.page.keyboard.press('Enter');
		const got = Number(await s.page.getAttribute('[data-measure-km]', 'data-measure-km'));
		expect(Math.abs(got - want) / want).toBeLessThan(0.005);
		await shot(s.page, 'investors-measure-en');
		await s.page.keyboard.press('Escape');
		expect(await s.page.locator('[data-measure-km]').count()).toBe(0);
		// radius round Tianhe lists what lies inside with distances
		await centre(a);
		await s.page.click('[data-measure-radius]');
		await s.page.click('[data-measure-centre]');
		await s.page.waitForSelector('[data-measure-inside] li');
		expect(await s.page.locator('[data-measure-inside] li').count()).toBeGreaterThan(0);
		await toChinese(s.page);
		await shot(s.page, 'investors-radius-zh');
		expect(s.errors).toEqual([]);
	}, 300_000);
});
