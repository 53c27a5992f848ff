/**
 * Labels (#15 item 4, #12): at the opening view the basemap's city names for Wuhan and Hefei are drawn
 * (placed by MapLibre, not collided away by feature labels), district names are drawn at zoom 10 over
 * Wuhan (their file fetched only then), and the search flies to a district.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { ATLAS_CITY_NAMES } from '../../src/lib/map/basemap';
import { open, mapReady, afterChangeSettled, shot, close, shareBrowserInFile, type Session } from './harness';

shareBrowserInFile();

let s: Session | null = null;
afterEach(async () => {
	if (s) {
		expect(s.external, 'no request leaves the origin').toEqual([]);
		expect(s.errors, 'no page errors').toEqual([]);
		await close(s);
	}
	s = null;
});

type W = { __atlasMap: import('maplibre-gl').Map };
/** names of the placed (drawn) symbols of a layer, in the given language's field */
const rendered = (page: Session['page'], layer: string, field: 'name_en' | 'name_zh') =>
	page.evaluate(
		([l, f]) => {
			const map = (window as unknown as W).__atlasMap;
			if (!map.getLayer(l)) return [];
			return [...new Set(map.queryRenderedFeatures({ layers: [l] }).map((x) => String(x.properties[f])))];
		},
		[layer, field] as const
	);

/**
 * Feature labels that sit on a marker or a city-group ring (#14 item 9). Markers: every shown marker's
 * box (projected position plus its side-by-side offset, at the largest marker size of its rank, 1 px
 * in), found through its "space" symbol. Rings: read from deck.gl's own layer (position and count, the
 * radius as city-groups.ts draws it), and asked at boxes that lie inside the circle. Every feature-label
 * layer is asked, main hubs' names included.
 */
const labelsOnMarkers = (page: Session['page']) =>
	page.evaluate((atlasCities) => {
		const map = (window as unknown as W).__atlasMap;
		const has = (l: string) => !!map.getLayer(l);
		// the feature labels, and the basemap's names of the other cities (Shanghai, …), which give way to
		// markers too (the atlas cities' transparent copies are drawn by deck.gl above the markers: not asked)
		const labels = ['atlas-label-selected', 'atlas-labels-hubs', 'atlas-labels', 'city-labels', 'city-labels-other'].filter(has);
		const asked = (f: { layer: { id: string }; properties: Record<string, unknown> }) => !(f.layer.id === 'city-labels' && atlasCities.includes(String(f.properties.name_en)));
		const PX = [22, 18, 15];
		const out: string[] = [];
		for (const m of map.queryRenderedFeatures({ layers: ['atlas-marker-space-hubs', 'atlas-marker-space'].filter(has) })) {
			const px = PX[Math.min(Number(m.properties.rank), 2)];
			const [ox, oy] = String(m.properties.off).split(',').map((n) => (Number(n) * px) / 16);
			const p = map.project((m.geometry as GeoJSON.Point).coordinates as [number, number]);
			const r = px / 2 - 1;
			const x = p.x + ox;
			const y = p.y + oy;
			for (const f of map.queryRenderedFeatures([[x - r, y - r], [x + r, y + r]], { layers: labels }).filter(asked)) out.push(`${f.properties.name_en} on ${m.properties.name_en}`);
		}
		type G = { position: [number, number]; count: number; city: string };
		type DL = { id: string; props: { data: G[]; visible: boolean } };
		const deck = (window as unknown as { __atlasDeck: { _deck: { layerManager: { getLayers(): DL[] } } } }).__atlasDeck;
		const rings = deck._deck.layerManager.getLayers().find((l) => l.id === 'city-groups');
		const { width, height } = map.getCanvas().getBoundingClientRect();
		let ringsInView = 0;
		for (const g of rings && rings.props.visible ? rings.props.data : []) {
			const p = map.project(g.position);
			if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
			ringsInView++;
			const r = Math.min(22, 11 + 2.2 * Math.sqrt(g.count)) - 1;
			const q = r * 0.7;
			// the inscribed square and a horizontal and a vertical bar across the circle
			const boxes: [[number, number], [number, number]][] = [
				[[p.x - q, p.y - q], [p.x + q, p.y + q]],
				[[p.x - r, p.y - 2], [p.x + r, p.y + 2]],
				[[p.x - 2, p.y - r], [p.x + 2, p.y + r]]
			];
			for (const b of boxes) for (const f of map.queryRenderedFeatures(b, { layers: labels }).filter(asked)) out.push(`${f.properties.name_en} on the ring of ${g.city} (${g.count})`);
		}
		// the atlas cities' names as deck.gl draws them: anchor, baseline and pixel offset from the layer's own
		// accessors, the width measured in the same font, 1 px in
		type C = { name_en: string; name_zh: string; rank: number; position: [number, number] };
		type NL = { id: string; props: { data: C[]; visible: boolean; getText(c: C): string; getSize(c: C): number; getPixelOffset(c: C): [number, number]; getTextAnchor(c: C): string; getAlignmentBaseline(c: C): string; fontFamily: string; fontWeight: number } };
		const names = (deck._deck.layerManager.getLayers() as unknown as NL[]).find((l) => l.id === 'city-names');
		const ctx = document.createElement('canvas').getContext('2d')!;
		let namesInView = 0;
		const np = names?.props;
		for (const c of np && np.visible ? np.data : []) {
			const p = map.project(c.position);
			if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
			namesInView++;
			const size = np!.getSize(c);
			ctx.font = `${np!.fontWeight} ${size}px ${np!.fontFamily}`;
			const w = ctx.measureText(np!.getText(c)).width;
			const [ox, oy] = np!.getPixelOffset(c);
			const x0 = p.x + ox - (np!.getTextAnchor(c) === 'end' ? w : 0);
			const y0 = p.y + oy - (np!.getAlignmentBaseline(c) === 'bottom' ? size : 0);
			const box: [[number, number], [number, number]] = [[x0 + 1, y0 + 1], [x0 + w - 1, y0 + size - 1]];
			for (const f of map.queryRenderedFeatures(box, { layers: [...labels, 'atlas-corridor-labels'].filter(has) }).filter(asked)) out.push(`${f.properties.name_en} on the city name ${c.name_en}`);
		}
		return { overlaps: [...new Set(out)], ringsInView, namesInView };
	}, ATLAS_CITY_NAMES);

/**
 * The atlas cities' names as deck.gl draws them (#14 item 9): the top-level layer order (the names must
 * come after every marker layer, so they are drawn over the markers) and the names the layer holds; and
 * whether MapLibre's copy of Wuhan's name is transparent (it keeps its place for the collisions).
 */
const deckCityNames = (page: Session['page']) =>
	page.evaluate(() => {
		type L = { id: string; parent: unknown; props: { data: { name_en: string; name_zh: string }[]; visible: boolean; getText: (d: unknown) => string } };
		const w = window as unknown as W & { __atlasDeck: { _deck: { layerManager: { getLayers(): L[] } } } };
		const top = w.__atlasDeck._deck.layerManager.getLayers().filter((l) => !l.parent);
		const names = top.find((l) => l.id === 'city-names');
		const opacity = w.__atlasMap.getPaintProperty('city-labels', 'text-opacity');
		return {
			order: top.map((l) => l.id),
			text: names && names.props.visible ? names.props.data.map((d) => names.props.getText(d)) : [],
			opacity: JSON.stringify(opacity)
		};
	});

/**
 * The atlas cities' names as deck.gl draws them, against every other city's ring and every other drawn
 * name (#14 item 9: on a phone "仙桃" lay across Wuhan's 43 ring). Boxes from the layer's own accessors,
 * the width measured in its font, the plate's padding included; rings as city-groups.ts sizes them.
 */
const namesOnRings = (page: Session['page']) =>
	page.evaluate(() => {
		const map = (window as unknown as W).__atlasMap;
		type C = { name_en: string; rank: number; position: [number, number] };
		type G = { position: [number, number]; count: number; city: string };
		type L = { id: string; parent: unknown; props: { data: unknown[]; visible: boolean; getText(c: C): string; getSize(c: C): number; getPixelOffset(c: C): [number, number]; getTextAnchor(c: C): string; getAlignmentBaseline(c: C): string; fontFamily: string; fontWeight: number } };
		const top = (window as unknown as { __atlasDeck: { _deck: { layerManager: { getLayers(): L[] } } } }).__atlasDeck._deck.layerManager.getLayers().filter((l) => !l.parent);
		const np = top.find((l) => l.id === 'city-names')!.props;
		const rp = top.find((l) => l.id === 'city-groups')!.props;
		const ctx = document.createElement('canvas').getContext('2d')!;
		const names = (np.visible ? (np.data as C[]) : []).map((c) => {
			const p = map.project(c.position);
			const size = np.getSize(c);
			ctx.font = `${np.fontWeight} ${size}px ${np.fontFamily}`;
			const w = ctx.measureText(np.getText(c)).width;
			const [ox, oy] = np.getPixelOffset(c);
			const l = p.x + ox - (np.getTextAnchor(c) === 'end' ? w : 0) - 3;
			const t = p.y + oy - (np.getAlignmentBaseline(c) === 'bottom' ? size : 0) - 1;
			return { c, l, t, r: l + w + 6, b: t + size + 2 };
		});
		const out: string[] = [];
		for (const n of names) {
			if (n.c.rank === 1) continue;
			for (const g of rp.visible ? (rp.data as G[]) : []) {
				const own = g.city === n.c.name_en.toLowerCase() && Math.abs(g.position[0] - n.c.position[0]) < 0.05 && Math.abs(g.position[1] - n.c.position[1]) < 0.05;
				if (own) continue;
				const q = map.project(g.position);
				const r = Math.min(22, 11 + 2.2 * Math.sqrt(g.count));
				const dx = q.x - Math.max(n.l, Math.min(q.x, n.r));
				const dy = q.y - Math.max(n.t, Math.min(q.y, n.b));
				if (dx * dx + dy * dy < r * r) out.push(`${n.c.name_en} on the ${g.city} ring (${g.count})`);
			}
			for (const o of names) if (o !== n && o.l < n.r && n.l < o.r && o.t < n.b && n.t < o.b) out.push(`${n.c.name_en} on ${o.c.name_en}`);
		}
		return { overlaps: out, drawn: names.map((n) => n.c.name_en) };
	});

describe('basemap names', () => {
	it('en, 1440×900: Wuhan and Hefei labelled at the opening view, above the feature labels; districts at zoom 10; search flies to Caidian', async () => {
		s = await open({ width: 1440, height: 900 });
		const { page } = s;
		const towns: string[] = [];
		page.on('request', (r) => r.url().includes('towns.geojson') && towns.push(r.url()));
		await page.goto(`${s.base}/?lang=en`);
		await mapReady(page, 240_000);
		const cities = await rendered(page, 'city-labels', 'name_en');
		expect(cities).toEqual(expect.arrayContaining(['Wuhan', 'Hefei']));
		// city names are placed before every feature label (the top symbol layer)
		const order = await page.evaluate(() => (window as unknown as W).__atlasMap.getLayersOrder());
		expect(order.indexOf('city-labels')).toBeGreaterThan(order.indexOf('atlas-label-selected'));
		// and drawn over the markers: deck.gl's names layer is its last, MapLibre's copies are transparent
		await expect.poll(async () => (await deckCityNames(page)).text, { timeout: 60_000 }).toEqual(expect.arrayContaining(['Wuhan', 'Hefei']));
		const deck = await deckCityNames(page);
		expect(deck.order.at(-1), deck.order.join(' ')).toBe('city-names');
		expect(deck.order).toContain('markers');
		expect(deck.opacity).toContain('Wuhan');
		expect(towns, 'the towns file is not fetched below zoom 9').toEqual([]);
		// the opening view: no feature label on a marker, a ring or a city name as deck.gl draws it
		const atOpen = await labelsOnMarkers(page);
		expect(atOpen.overlaps).toEqual([]);
		expect(atOpen.namesInView, 'atlas city names in view').toBeGreaterThanOrEqual(8);
		expect((await namesOnRings(page)).overlaps).toEqual([]);
		await shot(page, 'labels-open-en-1440');

		await afterChangeSettled(page, () => page.evaluate(() => (window as unknown as W).__atlasMap.jumpTo({ center: [114.25, 30.58], zoom: 10 })));
		await page.waitForFunction(() => !!(window as unknown as W).__atlasMap.getLayer('town-labels'), null, { timeout: 30_000 });
		await afterChangeSettled(page, async () => {});
		const districts = await rendered(page, 'town-labels', 'name_en');
		expect(towns.length).toBe(1);
		expect(districts.filter((d) => / District$/.test(d)).length, districts.join(', ')).toBeGreaterThanOrEqual(4);
		expect(await rendered(page, 'city-labels', 'name_en')).toContain('Wuhan');
		// central Wuhan: no feature label (main hubs' included) sits on a marker
		const markers = await page.evaluate(() => (window as unknown as W).__atlasMap.queryRenderedFeatures({ layers: ['atlas-marker-space-hubs', 'atlas-marker-space'] }).length);
		expect(markers, 'markers in view').toBeGreaterThan(20);
		const en = await labelsOnMarkers(page);
		expect(en.overlaps).toEqual([]);
		expect(en.ringsInView, 'city-group rings in view').toBeGreaterThan(0);
		await shot(page, 'labels-wuhan-z10-en');

		// search: a district flies the map there
		await page.fill('input[role="combobox"]', 'Caidian');
		await page.waitForSelector('[data-testid="search-place"]');
		expect(await page.locator('[data-testid="search-place"]').first().textContent()).toContain('Caidian District');
		await page.keyboard.press('Enter');
		await page.waitForFunction(
			() => {
				const m = (window as unknown as W).__atlasMap;
				const c = m.getCenter();
				return !m.isMoving() && Math.abs(c.lng - 114.0333) < 0.01 && Math.abs(c.lat - 30.5833) < 0.01;
			},
			null,
			{ timeout: 30_000 }
		);
		await afterChangeSettled(page, async () => {});
		expect(await rendered(page, 'town-labels', 'name_en')).toContain('Caidian District');
	}, 420_000);

	it('zh, 1440×900 and phone: 武汉 and 合肥 labelled at the opening view', async () => {
		s = await open({ width: 1440, height: 900, locale: 'zh-CN' });
		const { page } = s;
		await page.goto(`${s.base}/?lang=zh`);
		await mapReady(page, 240_000);
		expect(await rendered(page, 'city-labels', 'name_zh')).toEqual(expect.arrayContaining(['武汉', '合肥']));
		await expect.poll(async () => (await deckCityNames(page)).text, { timeout: 60_000 }).toEqual(expect.arrayContaining(['武汉', '合肥']));
		const atOpen = await labelsOnMarkers(page);
		expect(atOpen.overlaps).toEqual([]);
		expect(atOpen.namesInView, 'atlas city names in view').toBeGreaterThanOrEqual(8);
		await shot(page, 'labels-open-zh-1440');
		// central Wuhan at 1280×720 in zh: no feature label sits on a marker
		await afterChangeSettled(page, () => page.setViewportSize({ width: 1280, height: 720 }));
		await afterChangeSettled(page, () => page.evaluate(() => (window as unknown as W).__atlasMap.jumpTo({ center: [114.3, 30.59], zoom: 10 })));
		const zh = await labelsOnMarkers(page);
		expect(zh.overlaps).toEqual([]);
		expect(zh.ringsInView, 'city-group rings in view').toBeGreaterThan(0);
		await shot(page, 'labels-wuhan-z10-zh-1280');
		await afterChangeSettled(page, () => page.setViewportSize({ width: 375, height: 740 }));
		await page.goto(`${s.base}/?lang=zh`);
		await mapReady(page, 240_000);
		expect(await rendered(page, 'city-labels', 'name_zh')).toEqual(expect.arrayContaining(['武汉', '合肥']));
		// the phone's opening view: the names round Wuhan that have no room give way to the rings
		await expect.poll(async () => (await deckCityNames(page)).text, { timeout: 60_000 }).toEqual(expect.arrayContaining(['武汉', '合肥']));
		const phone = await namesOnRings(page);
		expect(phone.overlaps, phone.drawn.join(', ')).toEqual([]);
		// and MapLibre's transparent copies hold the places of the drawn names only: one left out gives its place back
		const drawnText = (await deckCityNames(page)).text;
		expect(drawnText.length, 'names left out at the phone opening view').toBeLessThan(10);
		await expect.poll(async () => (await rendered(page, 'city-labels', 'name_zh')).filter((n) => !drawnText.includes(n)), { timeout: 60_000 }).toEqual([]);
		// "zoom to results" is a square in the column of the map's buttons, named by its words, and no
		// label lies under it (the worded button covered 合肥新桥国际机场's name here)
		const zoomBtn = page.locator('[data-testid="zoom-results"]');
		expect(await zoomBtn.getAttribute('title')).toBeTruthy();
		expect(await page.getByRole('button', { name: '缩放到结果', exact: true }).getAttribute('data-testid')).toBe('zoom-results');
		const under = await zoomBtn.evaluate((e) => {
			const map = (window as unknown as W).__atlasMap;
			const b = e.getBoundingClientRect();
			const c = map.getCanvas().getBoundingClientRect();
			const nav = document.querySelector('.maplibregl-ctrl-top-right .maplibregl-ctrl-group')!.getBoundingClientRect();
			const labels = map.getStyle().layers.filter((l) => l.type === 'symbol').map((l) => l.id);
			const hits = map.queryRenderedFeatures([[b.left - c.left, b.top - c.top], [b.right - c.left, b.bottom - c.top]], { layers: labels });
			return { w: b.width, h: b.height, right: Math.abs(b.right - nav.right), hits: hits.map((f) => `${f.layer.id}: ${f.properties.name_zh ?? f.properties.name_en}`) };
		});
		expect(under.w, 'a square button').toBeLessThanOrEqual(30);
		expect(under.right, 'in the column of the map buttons').toBeLessThanOrEqual(1);
		expect(under.hits, 'labels under the button').toEqual([]);
		await shot(page, 'labels-open-zh-375');
	}, 420_000);

	it('corridor names along the lines over Central Asia, and the legend of colours by origin city (cc=city)', async () => {
		s = await open({ width: 1440, height: 900 });
		const { page } = s;
		await page.goto(`${s.base}/?lang=en&c=75,45,3.5&cc=city`);
		await mapReady(page, 240_000);
		const names = await rendered(page, 'atlas-corridor-labels', 'name_en');
		expect(names.length, names.join(', ')).toBeGreaterThanOrEqual(2);
		const corridors = await page.evaluate(() =>
			(window as unknown as W).__atlasMap.querySourceFeatures('atlas-labels', { filter: ['==', ['geometry-type'], 'LineString'] }).map((f) => String(f.properties.name_en))
		);
		for (const n of names) expect(corridors).toContain(n);
		// the China end of the rail routes at zoom 2.7 (a rail tour's step): no city name of the basemap
		// lies on a marker ("Shanghai" lay under the rail-hub squares in a 640×400 embed)
		await afterChangeSettled(page, () => page.evaluate(() => (window as unknown as W).__atlasMap.jumpTo({ center: [112, 33], zoom: 2.7 })));
		const china = await labelsOnMarkers(page);
		expect(china.overlaps).toEqual([]);
		const named = [...(await rendered(page, 'city-labels', 'name_en')), ...(await rendered(page, 'city-labels-other', 'name_en'))];
		expect(named, 'other cities named there').toEqual(expect.arrayContaining(['Beijing']));
		await afterChangeSettled(page, () => page.evaluate(() => (window as unknown as W).__atlasMap.jumpTo({ center: [75, 45], zoom: 3.5 })));
		const legend = await page.locator('[data-testid="legend-city-colours"] li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.city));
		expect(legend).toEqual(expect.arrayContaining(['wuhan', 'hefei']));
		await shot(page, 'labels-corridors-en');

		// the language switched while tiles load (a zoom just began fetching them): the basemap's names
		// still follow it. MapLibre's isStyleLoaded() is false then, and a switch guarded by it was lost.
		const loadingAtSwitch = await page.evaluate(async () => {
			const map = (window as unknown as W).__atlasMap;
			map.jumpTo({ center: [70, 47], zoom: 4.6 });
			await new Promise((r) => map.once('render', r));
			const loading = !map.isStyleLoaded();
			(document.querySelector('button[lang="zh-CN"]') as HTMLButtonElement).click();
			return loading;
		});
		expect(loadingAtSwitch, 'tiles were loading when the language changed').toBe(true);
		await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
		await afterChangeSettled(page, async () => {});
		for (const l of ['country-labels', 'city-labels', 'province-labels'])
			expect(JSON.stringify(await page.evaluate((id) => (window as unknown as W).__atlasMap.getLayoutProperty(id, 'text-field'), l)), l).toContain('name_zh');
		expect(await rendered(page, 'country-labels', 'name_zh')).toContain('哈萨克斯坦');
		await shot(page, 'labels-corridors-zh-switched');
	}, 420_000);
});
