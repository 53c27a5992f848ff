import { describe, it, expect, afterEach, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { open, mapReady, mapSettled, afterChangeSettled, shot, pixelDiff, close, shareBrowserInFile, toChinese, type Session } from './harness';
import { featuresFromTopology } from '../../src/lib/data/load';
import { applyFilters } from '../../src/lib/state/filters';
import { EMPTY_FILTERS } from '../../src/lib/state/state';
import { GROUP_IDS, GROUPS } from '../../src/lib/legend';
import type { CompiledFeature } from '../../src/lib/data/types';
import { PLAN_IDS } from '../../src/lib/data/plans';
import { synthetic } from '../../scripts/lib/synthetic';
import { prepareLayers, isCityOnly } from '../../src/lib/map/prepare';

const root = join(import.meta.dirname, '..', '..');
let features: CompiledFeature[] = [];
const en = JSON.parse(readFileSync(join(root, 'src/lib/i18n/messages/en.json'), 'utf8')) as Record<string, string>;
beforeAll(() => {
	features = featuresFromTopology(JSON.parse(readFileSync(join(root, 'build/data/atlas.topojson'), 'utf8')));
});
const defaultLayers = GROUPS.filter((g) => g.defaultOn).map((g) => g.id);
function expected(f: Partial<typeof EMPTY_FILTERS>, layers = defaultLayers) {
	const r = applyFilters(features.map((x) => x.properties), { ...structuredClone(EMPTY_FILTERS), ...f }, layers);
	return features.filter((_, i) => r.mask[i] === 1).map((x) => x.properties.id).sort();
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

const mapShot = async (page: Session['page']) => page.screenshot({ clip: (await page.locator('.maplibregl-canvas').boundingBox())! });
async function listIds(page: Session['page']) {
	if ((await page.locator('.list-toggle').getAttribute('aria-expanded')) !== 'true') await page.click('.list-toggle');
	await page.waitForSelector('.list table');
	return (await page.locator('.list tbody button.rowbtn').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!))).sort();
}

describe('exploring the atlas', () => {
	it('toggling a layer changes what is drawn and the list; isolating shows one group', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		const before = await mapShot(s.page);
		expect(await listIds(s.page)).toEqual(expected({}));
		await afterChangeSettled(s.page, () => s!.page.click('#layer-ports'));
		const after = await mapShot(s.page);
		expect(pixelDiff(before, after), 'ports off changes the map').toBeGreaterThan(0.001);
		expect(await listIds(s.page)).toEqual(expected({}, defaultLayers.filter((l) => l !== 'ports')));
		await afterChangeSettled(s.page, () => s!.page.click('button.name[data-group="airports"]'));
		expect(await listIds(s.page)).toEqual(expected({}, ['airports']));
		await shot(s.page, 'explore-isolate-airports');
		expect(s.errors).toEqual([]);
	});

	it('the map draws exactly what the filters let through (the GPU filter, checked by picking)', async () => {
		s = await open();
		// Wuhan to Hefei in one view
		await s.page.goto(`${s.base}/?lang=en&c=115.6,31.2,6.4,0,0`);
		await mapReady(s.page);
		const page = s.page;
		// every deck.gl object drawn anywhere on the map (occluded ones aside: picking sees the top one)
		const picked = async (f: Partial<typeof EMPTY_FILTERS>) => {
			await afterChangeSettled(page, () =>
				page.evaluate((flt) => {
					const a = (window as unknown as { __atlas: { clearFilters(): void; patchFilters(f: unknown): void } }).__atlas;
					a.clearFilters();
					a.patchFilters(flt);
				}, f)
			);
			const idx = await page.evaluate(() => {
				const deck = (window as unknown as { __atlasDeck: { pickObjects(o: object): { object?: { i?: number } }[] } }).__atlasDeck;
				const c = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
				return deck.pickObjects({ x: 0, y: 0, width: c.width, height: c.height, layerIds: ['markers', 'corridors'] }).map((p) => p.object?.i ?? -1);
			});
			return [...new Set(idx)].map((i) => features[i].properties.id).sort();
		};
		// features the plans place only in a city have no marker: their city's group symbol counts them
		const drawable = (ids: string[]) =>
			ids.filter((id) => {
				const x = features.find((y) => y.properties.id === id)!;
				return x.geometry !== null && !isCityOnly(x.properties);
			});
		const groupsDrawn = () =>
			page.evaluate(() => {
				const deck = (window as unknown as { __atlasDeck: { pickObjects(o: object): { object?: { count: number; members: number[] } }[] } }).__atlasDeck;
				const c = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
				return deck.pickObjects({ x: 0, y: 0, width: c.width, height: c.height, layerIds: ['city-groups'] }).map((p) => ({ count: p.object!.count, members: p.object!.members }));
			});
		// sparse enough that nothing hides another: the drawn set is exactly the filtered set
		const airports = await picked({ kinds: ['airport'] });
		expect(airports).toEqual(drawable(expected({ kinds: ['airport'] })));
		expect(airports).toContain('ezhou-huahu-airport');
		for (const f of [{ cities: ['hefei'] }, { plans: [PLAN_IDS[4]] }, { kinds: ['port'], cities: ['ezhou', 'huangshi'] }, { statusYear: 2016 }, { industries: ['logistics'], hasTargets: true }] as Partial<typeof EMPTY_FILTERS>[]) {
			const want = new Set(expected(f));
			const got = await picked(f);
			expect(got.length, JSON.stringify(f)).toBeGreaterThan(0);
			expect(got.filter((id) => !want.has(id)), `${JSON.stringify(f)}: drawn but filtered out`).toEqual([]);
			// each city symbol shows exactly how many of its features pass, and none shows 0
			const groups = await groupsDrawn();
			// Hefei has features the plan places only in the city: its symbol must be there
			if (f.cities?.includes('hefei')) expect(groups.length).toBeGreaterThan(0);
			for (const g of groups) {
				expect(g.count, JSON.stringify(f)).toBe(g.members.filter((i) => want.has(features[i].properties.id)).length);
				expect(g.count).toBeGreaterThan(0);
			}
		}
		// layer toggles go through the same GPU categories
		await page.evaluate(() => (window as unknown as { __atlas: { clearFilters(): void } }).__atlas.clearFilters());
		await afterChangeSettled(page, () => page.click('#layer-airports'));
		const noAirports = await picked({});
		expect(noAirports.some((id) => id.endsWith('-airport'))).toBe(false);
		expect(s.errors).toEqual([]);
	});

	it('main hubs are labelled and drawn on top; a selected feature is always labelled', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&c=114.45,30.6,9,0,0`);
		// ready: the labels are placed and faded in
		await mapReady(s.page);
		const page = s.page;
		// where the app draws each main hub: its position plus the side-by-side pixel offset
		const hubPts = prepareLayers(features).points.filter((p) => p.rank === 0).map((p) => ({ i: p.i, position: p.position, offset: p.offset }));
		const hubs = await page.evaluate((pts) => {
			const m = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
			const placed = new Set(m.queryRenderedFeatures({ layers: ['atlas-labels-hubs'] }).map((f) => f.properties.i as number));
			const { width, height } = m.getCanvas().getBoundingClientRect();
			return pts
				.map((p) => {
					const pt = m.project(p.position);
					return { i: p.i, x: pt.x + p.offset[0], y: pt.y + p.offset[1], labelled: placed.has(p.i) };
				})
				.filter((h) => h.x > 30 && h.y > 30 && h.x < width - 30 && h.y < height - 30);
		}, hubPts);
		expect(hubs.length, 'main hubs in view').toBeGreaterThan(4);
		expect(hubs.filter((h) => !h.labelled).map((h) => features[h.i].properties.id), 'unlabelled main hubs').toEqual([]);
		// hovering a hub's own spot names that hub: nothing is drawn over it
		const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
		for (const h of hubs) {
			// two hubs on one spot would hide one another: none may be closer than a marker's size
			const near = hubs.filter((o) => o !== h && Math.hypot(o.x - h.x, o.y - h.y) < 12);
			expect(near.map((o) => features[o.i].properties.id), `${features[h.i].properties.id} shares its spot`).toEqual([]);
			await page.mouse.move(box.x + h.x, box.y + h.y);
			await expect.poll(() => page.locator('[role="tooltip"] strong').textContent(), { timeout: 60_000 }).toBe(features[h.i].properties.name_en);
		}
		await shot(page, 'explore-hubs-z9');
		// a minor feature, once selected, is labelled before everything else
		const minor = features.find((f) => f.properties.id === 'wuhan-huashan-port-area') ?? features.find((f) => f.geometry?.type === 'Point' && f.properties.city === 'wuhan' && f.properties.kind === 'logistics-park')!;
		await page.evaluate((id) => (window as unknown as { __atlas: { select(id: string): void } }).__atlas.select(id), minor.properties.id);
		await expect
			.poll(async () => page.evaluate((id) => (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.queryRenderedFeatures({ layers: ['atlas-label-selected'] }).some((f) => f.properties.name_en === id), minor.properties.name_en), { timeout: 15_000 })
			.toBe(true);
		expect(s.errors).toEqual([]);
	});

	it('the list pages large data sets and always renders the selected row', async () => {
		s = await open();
		await s.page.route('**/data/atlas.topojson', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: synthetic(1000) }));
		await s.page.goto(`${s.base}/?lang=en&sel=syn-999`);
		await mapReady(s.page);
		await s.page.click('.list-toggle');
		const rows = s.page.locator('.list tbody tr');
		// 300 rows, plus the selected one if it sorts after them
		const n = await rows.count();
		expect(n === 300 || n === 301, `rows: ${n}`).toBe(true);
		await expect.poll(() => s!.page.locator('#row-syn-999').getAttribute('aria-selected')).toBe('true');
		const more = s.page.locator('.list button.more');
		expect(await more.textContent()).toMatch(/Show 300 more \((\d+) not shown yet\)/);
		await more.click();
		expect(await rows.count()).toBeGreaterThanOrEqual(600);
		// a filter keeps the paging and the numbers true
		await s.page.evaluate(() => (window as unknown as { __atlas: { patchFilters(f: unknown): void } }).__atlas.patchFilters({ kinds: ['port'] }));
		const kindColumn = () => s!.page.locator('.list tbody td:nth-child(2)').allTextContents();
		await expect.poll(async () => new Set(await kindColumn()), { timeout: 30_000 }).toEqual(new Set([en.kind_port]));
		const ports = await kindColumn();
		expect(ports.length).toBeGreaterThan(0);
		expect(new Set(ports)).toEqual(new Set([en.kind_port]));
		await shot(s.page, 'explore-list-synthetic');
		expect(s.errors).toEqual([]);
	});

	it('each filter narrows list and map to exactly the right features, and one action clears all', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		await s.page.click('role=tab[name="Filters"]');
		await s.page.check('input[data-filter="kind"][value="bonded-zone"]');
		await s.page.check('input[data-filter="kind"][value="port"]');
		expect(await listIds(s.page)).toEqual(expected({ kinds: ['bonded-zone', 'port'] }));
		await s.page.check('input[data-filter="city"][value="wuhan"]');
		expect(await listIds(s.page)).toEqual(expected({ kinds: ['bonded-zone', 'port'], cities: ['wuhan'] }));
		const base = { kinds: ['bonded-zone', 'port'] as never, cities: ['wuhan'] as never };
		await s.page.selectOption('select[data-filter="status-year"]', '2016');
		expect(await listIds(s.page)).toEqual(expected({ ...base, statusYear: 2016 }));
		await s.page.selectOption('select[data-filter="status-year"]', '');
		await s.page.check('input[data-filter="has-targets"]');
		expect(await listIds(s.page)).toEqual(expected({ ...base, hasTargets: true }));
		await shot(s.page, 'explore-filters');
		// the summary counts what is shown
		expect(await s.page.locator('.filters .summary').textContent()).toContain(`Showing ${expected({ ...base, hasTargets: true }).length} of ${features.length}`);
		await s.page.click('text=Clear all');
		expect(await listIds(s.page)).toEqual(expected({}));
		// plan filter and industry filter
		await s.page.click('summary:has-text("Plan document")');
		await s.page.check('input[data-filter="plan"][value="004_929622d460b1a9b5"]');
		const ids = await listIds(s.page);
		expect(ids).toEqual(expected({ plans: ['004_929622d460b1a9b5'] }));
		expect(ids.length).toBeGreaterThan(10);
		await s.page.click('text=Clear all');
		// status values, level, industry: each alone, then combined
		await s.page.check('input[data-filter="status"][value="under-construction"]');
		const building = await listIds(s.page);
		expect(building).toEqual(expected({ statuses: ['under-construction'] }));
		expect(building.length).toBeGreaterThan(5);
		await s.page.click('text=Clear all');
		await s.page.click('summary:has-text("Level")');
		await s.page.check('input[data-filter="level"][value="national"]');
		const national = await listIds(s.page);
		expect(national).toEqual(expected({ levels: ['national'] }));
		expect(national.length).toBeGreaterThan(5);
		await s.page.click('summary:has-text("Industry")');
		await s.page.check('input[data-filter="industry"][value="aviation"]');
		const both = await listIds(s.page);
		expect(both).toEqual(expected({ levels: ['national'], industries: ['aviation'] }));
		expect(both.length).toBeGreaterThan(0);
		expect(both.length).toBeLessThan(national.length);
		await s.page.uncheck('input[data-filter="level"][value="national"]');
		expect(await listIds(s.page)).toEqual(expected({ industries: ['aviation'] }));
		expect(s.errors).toEqual([]);
	});

	it('the list sorts by each column, from the keyboard, and keeps the filter', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&city=wuhan,ezhou`);
		await mapReady(s.page);
		const want = expected({ cities: ['wuhan', 'ezhou'] });
		expect(await listIds(s.page)).toEqual(want);
		const col = (n: number) => s!.page.locator(`.list tbody td:nth-child(${n})`).allTextContents();
		const collator = new Intl.Collator('en');
		const sorted = (xs: string[], dir = 1) => [...xs].sort((a, b) => dir * collator.compare(a, b));
		// Tab onto the "City" header and press Enter: ascending, again: descending
		const header = s.page.locator('.list th button', { hasText: 'City' });
		await header.focus();
		await s.page.keyboard.press('Enter');
		expect(await s.page.locator('.list th[aria-sort="ascending"]').textContent()).toContain('City');
		const cities = await col(3);
		expect(cities).toEqual(sorted(cities));
		expect(new Set(cities)).toEqual(new Set(['Wuhan', 'Ezhou']));
		await s.page.keyboard.press('Enter');
		expect(await s.page.locator('.list th[aria-sort="descending"]').textContent()).toContain('City');
		const citiesDown = await col(3);
		expect(citiesDown).toEqual(sorted(citiesDown, -1));
		await s.page.keyboard.press('Shift+Tab');
		await s.page.keyboard.press('Shift+Tab');
		await s.page.keyboard.press('Enter');
		expect(await s.page.locator('.list th[aria-sort="ascending"]').textContent()).toContain('Name');
		const names = (await s.page.locator('.list tbody button.rowbtn').allTextContents()).map((x) => x.trim());
		expect(names).toEqual(sorted(names));
		// sorting never changes which features are listed
		expect(await listIds(s.page)).toEqual(want);
		await shot(s.page, 'explore-list-sorted');
		expect(s.errors).toEqual([]);
	});

	it('search finds Huahu airport and Yangluo port in Chinese, English and pinyin; choosing selects and flies', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		const box = s.page.locator('input[role="combobox"]');
		for (const [q, name] of [['花湖', 'Huahu'], ['Huahu', 'Huahu'], ['huahu', 'Huahu'], ['阳逻', 'Yangluo'], ['yangluo', 'Yangluo'], ['Yangluo Port', 'Yangluo']]) {
			await box.fill(q);
			const first = s.page.locator('#search-results [role="option"]').first();
			await first.waitFor();
			expect(await s.page.locator('#search-results').textContent(), q).toContain(name);
		}
		await box.fill('huahu');
		await s.page.locator('#search-results [role="option"]').first().waitFor();
		await box.press('ArrowDown');
		await box.press('ArrowUp');
		await box.press('Enter');
		await s.page.waitForSelector('#detail-title');
		expect(await s.page.locator('#detail-title').textContent()).toContain('Huahu');
		// choosing starts the flight at once; settled means it has landed
		await mapSettled(s.page);
		const z = await s.page.evaluate(() => (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.getZoom());
		expect(z).toBeGreaterThan(8.5);
		await s.page.waitForFunction(() => location.search.includes('sel=ezhou-huahu-airport'));
		await shot(s.page, 'explore-search-huahu');
	});

	it('selection opens the detail panel with citations, targets, precision and nearest hubs; the list follows', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&sel=wuhan-tianhe-airport`);
		await mapReady(s.page);
		const d = s.page.locator('.detail');
		await d.waitFor();
		expect(await d.locator('h2').textContent()).toContain('Tianhe');
		expect(await d.locator('.cites li').count()).toBeGreaterThan(0);
		expect(await d.locator('.targets tbody tr').count()).toBeGreaterThan(0);
		const text = await d.textContent();
		expect(text).toContain('Where the plans name it');
		expect(text).toMatch(/Site|Area|City only/);
		expect(text).toContain('Nearest airport, port and rail hub');
		expect(text).toMatch(/\d+(\.\d)? km/);
		// the list highlights the selection; choosing another row selects it on the map
		await listIds(s.page);
		expect(await s.page.locator('tr.sel').getAttribute('id')).toBe('row-wuhan-tianhe-airport');
		const other = s.page.locator('.list tbody button.rowbtn[data-id="ezhou-huahu-airport"]');
		await other.focus();
		await s.page.keyboard.press('Enter');
		await s.page.waitForFunction(() => document.querySelector('#detail-title')?.textContent?.includes('Huahu'));
		await shot(s.page, 'explore-detail');
		await s.page.keyboard.press('Escape');
		await s.page.waitForFunction(() => !document.querySelector('.detail'));
	});

	it('the language switch changes every visible string', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&sel=wuhan-tianhe-airport`);
		await mapReady(s.page);
		await listIds(s.page);
		// interface strings only: names and aliases in the other language are data, marked with their lang
		const visible = () =>
			s!.page.evaluate(() => {
				const clone = document.body.cloneNode(true) as HTMLElement;
				const pageLang = document.documentElement.lang.slice(0, 2);
				clone.querySelectorAll('[lang]').forEach((e) => {
					if (e.getAttribute('lang')!.slice(0, 2) !== pageLang) e.remove();
				});
				document.body.appendChild(clone);
				clone.style.cssText = 'position:absolute;left:-99999px;top:0';
				const t = clone.innerText;
				clone.remove();
				return t;
			});
		const enText = await visible();
		const shown = Object.entries(en).filter(([k, v]) => k !== '$schema' && v.length > 3 && !/[{}]/.test(v) && enText.includes(v));
		expect(shown.length).toBeGreaterThan(40);
		await toChinese(s.page);
		const zhText = await visible();
		const word = (v: string) => new RegExp(`(^|[^A-Za-z])${v.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`);
		const stillEnglish = shown.filter(([, v]) => word(v).test(zhText)).map(([k, v]) => `${k}: ${v}`);
		expect(stillEnglish).toEqual([]);
		// nor any English word that is not a message (hard-coded text, untranslated units): what Latin
		// is left is proper names of sources, unit symbols and plan file ids (hex)
		const names = new Set(['Natural', 'Earth', 'OurAirports', 'GeoNames', 'CC', 'BY', 'TEU', 'km', 'CBD']); // CBD: part of a name as the plan writes it (骆岗中央公园科创CBD, plan 004)
		const latinIn = (text: string, more: string[] = []) =>
			[...new Set(text.match(/[A-Za-z][A-Za-z]+/g) ?? [])].filter((w) => !names.has(w) && !more.includes(w) && !/^[0-9a-f]+$/.test(w));
		expect(latinIn(zhText), 'English words left in the Chinese interface').toEqual([]);
		// and the English interface showed no Chinese outside data marked lang="zh"
		expect(enText.match(/[\u4e00-\u9fff]+/g) ?? [], 'Chinese left in the English interface').toEqual([]);
		expect(zhText).toContain('开放平台地图');
		expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		// remembered
		await s.page.goto(`${s.base}/`);
		await s.page.waitForSelector('header .brand');
		expect(await s.page.locator('header .brand').textContent()).toContain('开放平台地图');
		// the screenshot waits for the map: before that the basemap is still being drawn
		await mapReady(s.page);
		await shot(s.page, 'explore-zh');
		// the share dialog and the about page too (file formats and package names are names)
		await s.page.click('.actions .primary');
		await s.page.waitForSelector('dialog.share[open]');
		expect(latinIn(await visible(), ['PNG', 'GeoJSON', 'CSV', 'Excel', 'BOM', 'UTF']), 'share dialog').toEqual([]);
		await s.page.keyboard.press('Escape');
		await s.page.goto(`${s.base}/about/?lang=zh`);
		await s.page.waitForSelector('li >> text=武汉');
		expect(latinIn(await visible(), ['npm', 'admin', 'world', 'atlas', 'geojson', 'places', 'cities', 'json', 'airports', 'iso', 'countries', 'MIT', 'CLDR']), 'about page').toEqual([]);
		await s.page.click('main button[lang="en"]');
		await s.page.waitForSelector('h1 >> text=About');
		expect((await visible()).match(/[\u4e00-\u9fff]+/g) ?? [], 'about page in English').toEqual([]);
		// the about page's switch is remembered by the atlas too
		await s.page.goto(`${s.base}/`);
		await s.page.waitForSelector('header .brand');
		expect(await s.page.locator('header .brand').textContent()).toContain('Open Platforms Atlas');
	});

	/** axe on the page as it is now: no serious or critical violation, and a real page was checked */
	const axeCheck = async (page: Session['page'], state: string) => {
		// every node of a violation is reported; of passes and incomplete one node each (axe's resultTypes):
		// fewer selectors to build: ~1.7 s instead of ~2.1 s a pass on the detail view (test-output probe, 3 runs each)
		const r = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
		const serious = r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
		expect(serious, `${state}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
		// axe looked at a real page, not an empty one
		expect(r.passes.length, state).toBeGreaterThan(10);
	};

	// one test per viewport: each axe pass is seconds of CPU, and three of them in one test came close to its limit
	it('axe finds no serious or critical accessibility violations, in each main state; the map has an accessible name', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&sel=wuhan-tianhe-airport`);
		await mapReady(s.page);
		await listIds(s.page);
		await axeCheck(s.page, 'detail and list open (en)');
		expect(await s.page.locator('[role="region"].map').getAttribute('aria-label')).toBeTruthy();
		expect(await s.page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBeTruthy();
		await s.page.click('button[lang="zh-CN"]');
		await s.page.click('role=tab[name="筛选"]');
		await s.page.waitForSelector('.filters');
		await axeCheck(s.page, 'filters tab (zh)');
		await s.page.click('.actions .primary');
		await s.page.waitForSelector('dialog.share[open]');
		await axeCheck(s.page, 'share dialog (zh)');
	});

	it('axe finds no serious or critical accessibility violations on a phone, layers sheet open', async () => {
		s = await open({ width: 375, height: 740 });
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		await s.page.click('.mobile-bar button >> nth=0');
		await s.page.waitForSelector('.side.sheet-open');
		await axeCheck(s.page, 'phone, layers sheet');
	});

	it('keyboard focus is always visible', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&sel=wuhan-tianhe-airport`);
		await mapReady(s.page);
		await listIds(s.page);
		const seen: string[] = [];
		const hidden: string[] = [];
		for (let k = 0; k < 60; k++) {
			await s.page.keyboard.press('Tab');
			const f = await s.page.evaluate(() => {
				const e = document.activeElement as HTMLElement | null;
				if (!e || e === document.body) return null;
				const cs = getComputedStyle(e);
				const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || /\d+px \d+px 0px [1-9]/.test(cs.boxShadow);
				return { what: `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}"`, ring };
			});
			if (!f) continue;
			seen.push(f.what);
			if (!f.ring) hidden.push(f.what);
		}
		// the tab order reaches the header, the panels, the map's controls, the list and the detail
		expect(new Set(seen).size).toBeGreaterThan(30);
		expect(hidden, 'focused without a visible ring').toEqual([]);
	});

	it('works on a 375 px phone: panels become sheets', async () => {
		s = await open({ width: 375, height: 740 });
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		expect(await s.page.locator('.side').isVisible()).toBe(false);
		await shot(s.page, 'phone-map');
		await s.page.click('.mobile-bar button >> nth=0');
		await s.page.waitForSelector('.side.sheet-open');
		await s.page.click('#layer-ports');
		await shot(s.page, 'phone-layers-sheet');
		await s.page.click('.mobile-bar button >> nth=1');
		await s.page.waitForSelector('.list.sheet-open table');
		await s.page.locator('.list tbody button.rowbtn').first().click();
		await s.page.waitForSelector('.detail-pane');
		expect(await s.page.locator('.detail-pane').isVisible()).toBe(true);
		await shot(s.page, 'phone-detail');
		// nothing scrolls sideways
		expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	});

	it('lays out on a 1920 px screen', async () => {
		s = await open({ width: 1920, height: 1080 });
		await s.page.goto(`${s.base}/?lang=en&sel=wuhan-tianhe-airport`);
		await mapReady(s.page);
		const map = (await s.page.locator('.mapwrap').boundingBox())!;
		expect(map.width).toBeGreaterThan(1100);
		await shot(s.page, 'desktop-1920');
	});
});

describe('bad input gets a clear message, never a crash or a blank page', () => {
	it('text from data and URLs is text, never HTML', async () => {
		s = await open();
		const raw = JSON.parse(readFileSync(join(root, 'build/data/atlas.topojson'), 'utf8'));
		const first = Object.values(raw.objects as Record<string, { geometries: { properties: Record<string, unknown> }[] }>)
			.flatMap((o) => o.geometries)
			.find((g) => g.properties.kind === 'airport')!;
		const id = first.properties.id as string;
		first.properties.name_en = '<img src=x onerror="window.__xss=1">Evil';
		first.properties.aliases = ['<script>window.__xss=2</script>'];
		(first.properties.citations as { summary_en: string }[])[0].summary_en = '<img src=y onerror="window.__xss=3">summary';
		await s.page.route('**/data/atlas.topojson', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(raw) }));
		let dialogs = 0;
		s.page.on('dialog', (d) => {
			dialogs++;
			d.dismiss();
		});
		await s.page.goto(`${s.base}/?lang=en&sel=${id}`);
		await mapReady(s.page);
		await s.page.waitForSelector('.detail');
		const detail = await s.page.locator('.detail').textContent();
		expect(detail).toContain('<img src=x onerror="window.__xss=1">Evil');
		expect(detail).toContain('<img src=y onerror="window.__xss=3">summary');
		await s.page.locator('input[role="combobox"]').fill('Evil');
		await s.page.locator('#search-results').waitFor();
		// embed title and caption from the URL
		await s.page.goto(`${s.base}/embed/?lang=en&title=${encodeURIComponent('<img src=z onerror="window.__xss=4">T')}&caption=${encodeURIComponent('<script>window.__xss=5</script>')}`);
		await s.page.waitForSelector('.titlebox h1');
		expect(await s.page.locator('.titlebox h1').textContent()).toContain('<img src=z');
		expect(await s.page.locator('.titlebox p').textContent()).toContain('<script>window.__xss=5</script>');
		// an injected image would run its onerror once its load has failed: wait until every image in
		// the page has finished loading or failed
		await s.page.waitForFunction(() => [...document.images].every((i) => i.complete));
		expect(await s.page.locator('.titlebox img, .detail img, .titlebox script').count()).toBe(0);
		expect(await s.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		// payloads in URL parts are refused by the codec and named in the notice, never rendered
		await s.page.unroute('**/data/atlas.topojson');
		await s.page.goto(`${s.base}/?lang=en&sel=${encodeURIComponent('<img src=w onerror="window.__xss=6">')}&k=${encodeURIComponent("<script>window.__xss=7</script>")}`);
		await s.page.waitForSelector('.notices');
		await expect.poll(() => s!.page.locator('.notices').textContent(), { timeout: 30_000 }).toContain('k, sel');
		expect(await s.page.locator('.notices img, .notices script').count()).toBe(0);
		expect(await s.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(dialogs).toBe(0);
	});

	it('a browser without WebGL is told so and still gets every feature as a list', async () => {
		s = await open({ args: ['--disable-webgl', '--disable-3d-apis', '--disable-gpu'] });
		await s.page.goto(`${s.base}/?lang=en`);
		await s.page.waitForSelector('text=This browser cannot show the map (no WebGL)');
		await s.page.waitForSelector('.list table tbody tr');
		const rows = await s.page.locator('.list tbody tr').count();
		expect(rows).toBe(expected({}).length);
		await shot(s.page, 'no-webgl');
	});

	it('a missing or broken data file gives a clear message naming the file', async () => {
		s = await open();
		await s.page.route('**/data/atlas.topojson', (r) => r.fulfill({ status: 404, body: 'not found' }));
		await s.page.goto(`${s.base}/?lang=en`);
		await s.page.waitForSelector('role=alert');
		expect(await s.page.locator('role=alert').textContent()).toMatch(/atlas\.topojson.*404/s);
		await shot(s.page, 'error-missing-data');
		await s.page.unroute('**/data/atlas.topojson');
		await s.page.route('**/data/atlas.topojson', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"type":"Topology","objects":{"x":' }));
		await s.page.goto(`${s.base}/?lang=en`);
		await s.page.waitForSelector('role=alert');
		expect(await s.page.locator('role=alert').textContent()).toMatch(/atlas\.topojson.*not valid JSON/s);
	});

	it('a malformed link falls back part by part and says what it ignored', async () => {
		s = await open();
		await s.page.goto(`${s.base}/?lang=en&c=1,2,3,4,5,6&l=ports,nonsense&city=hefei&sel=no-such-feature`);
		await mapReady(s.page);
		const notes = await s.page.locator('.notices').textContent();
		expect(notes).toContain('c, l');
		expect(notes).toContain('no-such-feature');
		expect(await listIds(s.page)).toEqual(expected({ cities: ['hefei'] }));
		expect(GROUP_IDS.length).toBeGreaterThan(5);
	});
});
