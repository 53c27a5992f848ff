/**
 * The embed route inside real iframes of a host page on the same origin: chrome-less, options obeyed,
 * a legend that leaves the map visible in a small frame, and guided tours driven by keys and postMessage
 * under the documented origin policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { open, mapReady, mapSettled, close, OUT, pixelStats, shareBrowserInFile, type Session } from './harness';
import { decode } from '$lib/state/url';
import type { Tour } from '$lib/tours/schema';

const BUILD = join(import.meta.dirname, '..', '..', 'build');

shareBrowserInFile();
let s: Session | null = null;
afterEach(async () => {
	if (s) await close(s);
	s = null;
});

interface HostFrame {
	id: string;
	src: string;
	width: number;
	height: number;
}

/**
 * A host page on the test origin (fulfilled by the test, not in the build) holding iframes; it records
 * every message it receives with the index of the iframe that sent it, except the test's own barrier
 * replies (see barrier below), which it counts apart.
 */
async function hostPage(sess: Session, frames: HostFrame[]): Promise<Frame[]> {
	const url = `${sess.base}/__host.html`;
	const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	const html = `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head>
<body style="margin:0;padding:10px;background:#ddd;font-family:sans-serif">
${frames.map((f) => `<iframe id="${f.id}" src="${esc(f.src)}" width="${f.width}" height="${f.height}" style="border:0;display:block;margin-bottom:10px" title="atlas ${f.id}" allow="fullscreen"></iframe>`).join('\n')}
<script>
window.__msgs = [];
window.__barriers = [];
addEventListener('message', (e) => {
	const from = [...document.querySelectorAll('iframe')].findIndex((f) => f.contentWindow === e.source);
	if (e.data && e.data.type === 'e2e:barrier-reply') window.__barriers.push({ from, id: e.data.id });
	else window.__msgs.push({ from, origin: e.origin, data: e.data });
});
</script></body></html>`;
	await sess.page.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
	await sess.page.goto(url);
	const out: Frame[] = [];
	for (const f of frames) {
		const frame = await (await sess.page.locator(`#${f.id}`).elementHandle())!.contentFrame();
		out.push(frame!);
	}
	await Promise.all(out.map((fr) => mapReady(fr)));
	return out;
}

let barrierId = 0;
/**
 * Resolves once the frame of iframe #id has handled every message posted to it before this call,
 * and the host has received every message the frame sent while handling them. Messages posted to one
 * window are delivered in the order they were posted, and the frame's replies reach the host in the
 * order it sent them: so a marker posted last, answered by the frame, arrives after all of them.
 */
async function barrier(page: Page, frame: Frame, id: string) {
	const n = ++barrierId;
	// the marker's listener is the test's own, installed in the frame
	await frame.evaluate((n) => {
		const on = (e: MessageEvent) => {
			if (e.data?.type !== 'e2e:barrier' || e.data.id !== n) return;
			removeEventListener('message', on);
			parent.postMessage({ type: 'e2e:barrier-reply', id: n }, '*');
		};
		addEventListener('message', on);
	}, n);
	await page.evaluate(([id, n]) => (document.getElementById(id as string) as HTMLIFrameElement).contentWindow!.postMessage({ type: 'e2e:barrier', id: n }, '*'), [id, n] as const);
	await page.waitForFunction((n) => (window as unknown as { __barriers: { id: number }[] }).__barriers.some((b) => b.id === n), n, { timeout: 30_000 });
}

type Cam = { lon: number; lat: number; zoom: number; bearing: number; pitch: number };
const camera = (target: Page | Frame) =>
	target.evaluate((): Cam => {
		const m = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
		const c = m.getCenter();
		return { lon: c.lng, lat: c.lat, zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
	});
const sameCam = (a: Cam, b: Cam) =>
	Math.abs(a.lon - b.lon) < 1e-4 && Math.abs(a.lat - b.lat) < 1e-4 && Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.bearing - b.bearing) < 0.1 && Math.abs(a.pitch - b.pitch) < 0.1;

/** Drag across the middle of an element with the mouse (page coordinates); then the map settles (inertia included). */
async function drag(page: Page, map: Page | Frame, box: { x: number; y: number; width: number; height: number }) {
	const x = box.x + box.width / 2, y = box.y + box.height / 2;
	await page.mouse.move(x, y);
	await page.mouse.down();
	for (let k = 1; k <= 8; k++) await page.mouse.move(x + k * 15, y + k * 8);
	await page.mouse.up();
	await mapSettled(map);
}

const area = (b: { width: number; height: number }) => b.width * b.height;
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

describe('the embed route in a host page', () => {
	it('shows title, compact legend and a link to the same view in the full atlas, without app chrome', async () => {
		s = await open({ width: 900, height: 620 });
		const view = 'c=114.3,30.6,8.5,0,0&k=airport,port&sel=wuhan-tianhe-airport&lang=en';
		const [f] = await hostPage(s, [{ id: 'a', src: `${s.base}/embed/?${view}&legend=compact&title=Test%20map`, width: 800, height: 500 }]);

		expect((await f.locator('.titlebox h1').textContent())?.trim()).toBe('Test map');
		expect(await f.evaluate(() => document.title)).toBe('Test map');
		expect(await f.locator('.selbox').textContent()).toContain('Tianhe');

		// compact legend: a small toggle that opens a list of only the groups in view, no switches
		expect(await f.locator('.embed').getAttribute('data-legend')).toBe('compact');
		const legend = f.locator('.embed .legend').first();
		expect(await legend.count()).toBe(1);
		const toggle = f.locator('.legend-toggle');
		if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
		const compact = f.locator('.legend-body section.legend.compact');
		await compact.waitFor({ timeout: 60_000 });
		const items = await compact.locator('li').allTextContents();
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThan(5); // airports and ports only, not every group
		expect(await f.locator('.legend-body input[type=checkbox]').count()).toBe(0);
		expect(await f.locator('.legend-body h2').count()).toBe(0);

		// the link to the full atlas carries the same view and none of the embed options
		const full = f.locator('a.full');
		expect(await full.textContent()).toContain('Open in the full atlas');
		const href = new URL((await full.getAttribute('href'))!, f.url());
		expect(href.origin).toBe(new URL(s.base).origin);
		expect(href.pathname).toBe('/');
		expect(await full.getAttribute('target')).toBe('_blank');
		const want = decode(view, 'zh').state;
		const got = decode(href.search, 'zh').state;
		expect(got.camera).toEqual(want.camera);
		expect(got.filters).toEqual(want.filters);
		expect(got.layers).toEqual(want.layers);
		expect(got.selected).toBe('wuhan-tianhe-airport');
		expect(got.lang).toBe('en');
		for (const k of ['legend', 'title', 'interaction', 'controls']) expect(href.searchParams.has(k), k).toBe(false);

		await s.page.locator('#a').screenshot({ path: join(OUT, 'embed-compact-800x500.png') });

		// no app chrome inside the frame
		expect(await f.locator('header .brand').count()).toBe(0);
		expect(await f.locator('.side').count()).toBe(0);
		expect(await f.locator('.list-toggle').count()).toBe(0);
		expect(await f.locator('dialog').count()).toBe(0);

		// defaults: controls shown, the map can be dragged (the controls for the static test below)
		expect(await f.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
		const before = await camera(f);
		await drag(s.page, f, (await s.page.locator('#a').boundingBox())!);
		const after = await camera(f);
		expect(sameCam(before, after), 'a cooperative embed pans with the mouse').toBe(false);

		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});

	it('obeys legend=none, interaction=static and controls=0', async () => {
		s = await open({ width: 800, height: 500 });
		await s.page.goto(`${s.base}/embed/?c=114.3,30.6,8,0,0&legend=none&interaction=static&controls=0&lang=en`);
		await mapReady(s.page);
		const page = s.page;
		expect(await page.locator('.embed').getAttribute('data-legend')).toBe('none');
		expect(await page.locator('.embed .legend').count()).toBe(0);
		expect(await page.locator('.legend-toggle').count()).toBe(0);
		expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
		expect(await page.locator('.maplibregl-ctrl-group').count()).toBe(0);
		// the map is there and drawn
		const canvas = page.locator('.maplibregl-canvas');
		const box = (await canvas.boundingBox())!;
		const st = pixelStats(await page.screenshot({ clip: box }));
		expect(st.colours).toBeGreaterThan(200);

		const before = await camera(page);
		expect(sameCam(before, { lon: 114.3, lat: 30.6, zoom: 8, bearing: 0, pitch: 0 })).toBe(true);
		// any camera change at all, however brief, fires movestart
		await page.evaluate(() => {
			const w = window as unknown as { __atlasMap: import('maplibre-gl').Map; __moves: number };
			w.__moves = 0;
			w.__atlasMap.on('movestart', () => w.__moves++);
		});
		await drag(page, page, box);
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.wheel(0, -600);
		await page.mouse.dblclick(box.x + box.width / 3, box.y + box.height / 3);
		// the inputs are handled when the mouse calls return; whatever they started would keep the map busy
		await mapSettled(page);
		const after = await camera(page);
		expect(after, 'a static embed does not move').toEqual(before);
		expect(await page.evaluate(() => (window as unknown as { __moves: number }).__moves), 'a static embed never starts a move').toBe(0);

		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});

	it('keeps the legend to less than half of the map in a 400×300 frame', async () => {
		s = await open({ width: 1320, height: 1080 });
		const q = 'legend=full&title=Test%20map&caption=Open%20platforms%20of%20the%20Wuhan%20area&lang=en';
		const frames = await hostPage(s, [
			{ id: 'big', src: `${s.base}/embed/?${q}`, width: 1280, height: 720 },
			{ id: 'small', src: `${s.base}/embed/?${q}`, width: 400, height: 300 }
		]);
		await s.page.locator('#big').screenshot({ path: join(OUT, 'embed-1280x720.png') });
		await s.page.locator('#small').screenshot({ path: join(OUT, 'embed-400x300.png') });

		for (const [name, f] of [['1280x720', frames[0]], ['400x300', frames[1]]] as const) {
			const map = (await f.locator('.embed > .map').boundingBox())!;
			const legend = (await f.locator('.embed .legend').first().boundingBox())!;
			expect(map.height, `${name}: the map keeps most of the frame below the title`).toBeGreaterThan(name === '400x300' ? 200 : 600);
			const share = overlap(map, legend) / area(map);
			expect(share, `${name}: legend covers ${(share * 100).toFixed(0)}% of the map`).toBeLessThan(0.5);
			// the legend stays inside the frame and clear of the link to the full atlas
			expect(legend.y + legend.height).toBeLessThanOrEqual(map.y + map.height + 0.5);
			expect(legend.x + legend.width).toBeLessThanOrEqual(map.x + map.width + 0.5);
			const link = (await f.locator('a.full').boundingBox())!;
			expect(overlap(link, legend), `${name}: legend and "Open in the full atlas" overlap`).toBe(0);
			expect(link.x + link.width).toBeLessThanOrEqual(map.x + map.width + 0.5);
			// …and clear of the basemap credits
			const attrib = (await f.locator('.maplibregl-ctrl-attrib').boundingBox())!;
			expect(overlap(link, attrib), `${name}: "Open in the full atlas" covers the attribution`).toBe(0);
			expect(overlap(legend, attrib), `${name}: the legend covers the attribution`).toBe(0);
		}
		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});
});

describe('tours in an embed', () => {
	it('moves with the arrow keys and with postMessage from the embedding page, under the origin policy', async () => {
		const tours = JSON.parse(readFileSync(join(BUILD, 'data', 'tours.json'), 'utf8')) as Tour[];
		if (!Array.isArray(tours) || tours.length === 0)
			throw new Error('build/data/tours.json has no tours: write geodata/tours.json and run `npm run build`');
		const tour = tours[0];
		const n = tour.steps.length;
		if (n < 3) throw new Error(`tour "${tour.id}" has ${n} steps; this test needs at least 3`);
		const camOf = (k: number): Cam => decode(tour.steps[k].state, 'en').state.camera;
		expect(sameCam(camOf(0), camOf(1)), 'steps 1 and 2 of the first tour have different cameras').toBe(false);
		expect(sameCam(camOf(1), camOf(2)), 'steps 2 and 3 of the first tour have different cameras').toBe(false);

		s = await open({ width: 1360, height: 520 });
		const src = `${s.base}/embed/?tour=${tour.id}&step=0&lang=en`;
		const [a, b] = await hostPage(s, [
			{ id: 'a', src, width: 640, height: 480 },
			{ id: 'b', src: `${src}&host=${encodeURIComponent('https://other.example')}`, width: 640, height: 480 }
		]);
		const page = s.page;
		const counter = (f: Frame) => f.locator('[data-testid=tour-step]').textContent().then((t) => t?.trim());
		const msgs = () => page.evaluate(() => (window as unknown as { __msgs: { from: number; data: unknown }[] }).__msgs);
		// a step is fitted to the frame it is in (#11): its camera is the one the player framed it with
		const stepCam = async (f: Frame, k: number): Promise<Cam> => {
			await f.waitForFunction((k) => document.querySelector('[data-testid=tour-box]')?.getAttribute('data-framed')?.startsWith(`${k}:`), k, { timeout: 30_000 });
			const state = () => f.evaluate(() => (window as unknown as { __atlas: { get(): { camera: Cam } } }).__atlas.get().camera);
			await expect.poll(async () => sameCam(await camera(f), await state()), { timeout: 60_000 }).toBe(true);
			return camera(f);
		};
		await expect.poll(() => counter(a)).toBe(`1 / ${n}`);
		expect(await counter(b)).toBe(`1 / ${n}`);
		// the first framing can be redone once the overlays (legend, caption) have their final size: take the settled one
		await stepCam(a, 0);
		await mapSettled(a);
		const a0 = await stepCam(a, 0);
		await page.locator('#a').screenshot({ path: join(OUT, 'embed-tour-640x480.png') });
		// the tour box hides neither the link to the full atlas nor the credits
		const tourBox = (await a.locator('.tour').boundingBox())!;
		for (const sel of ['a.full', '.maplibregl-ctrl-attrib', '.maplibregl-ctrl-zoom-in'])
			expect(overlap(tourBox, (await a.locator(sel).boundingBox())!), `the tour box covers ${sel}`).toBe(0);

		// keys: → to step 2, ← back to step 1 (the counter and the camera follow)
		await a.locator('[data-testid=tour-step]').click();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => counter(a)).toBe(`2 / ${n}`);
		expect(sameCam(await stepCam(a, 1), a0)).toBe(false);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => counter(a)).toBe(`1 / ${n}`);
		const back0 = await stepCam(a, 0);
		expect(sameCam(back0, a0), `${JSON.stringify(back0)} vs ${JSON.stringify(a0)}`).toBe(true);
		expect(await counter(b), 'the keys moved only the focused frame').toBe(`1 / ${n}`);

		// every step change was announced to the host; the host=other.example frame never spoke to this origin
		await expect.poll(async () => (await msgs()).filter((m) => m.from === 0).length).toBe(3);
		expect((await msgs()).filter((m) => m.from === 0).map((m) => (m.data as { step: number }).step)).toEqual([0, 1, 0]);
		expect((await msgs()).filter((m) => m.from !== 0)).toEqual([]);
		// the rewritten address of that frame still names its host (a reload keeps the policy)
		expect(await b.evaluate(() => new URLSearchParams(location.search).get('host'))).toBe('https://other.example');
		await page.evaluate(() => ((window as unknown as { __msgs: unknown[] }).__msgs.length = 0));

		const post = (id: string, data: unknown) =>
			page.evaluate(([id, data]) => (document.getElementById(id as string) as HTMLIFrameElement).contentWindow!.postMessage(data, '*'), [id, data] as const);

		// malformed or foreign messages change nothing
		await post('a', { type: 'atlas:tour', action: 'goto', step: '2' });
		await post('a', { type: 'atlas:tour', action: 'goto', step: 2.5 });
		await post('a', { type: 'atlas:tour', action: 'goto', step: 2, extra: true });
		await post('a', { type: 'atlas:tour', action: 'jump', step: 2 });
		await post('a', JSON.stringify({ type: 'atlas:tour', action: 'goto', step: 2 }));
		// a message from the embed to itself is not from its parent
		await a.evaluate(() => window.postMessage({ type: 'atlas:tour', action: 'goto', step: 2 }, '*'));
		// the frame that accepts only https://other.example ignores this origin
		await post('b', { type: 'atlas:tour', action: 'goto', step: 2 });
		await post('b', { type: 'atlas:tour', action: 'next' });
		// both frames have handled all of the above, and any reply they sent has reached the host
		await barrier(page, a, 'a');
		await barrier(page, b, 'b');
		expect(await counter(a)).toBe(`1 / ${n}`);
		expect(await counter(b)).toBe(`1 / ${n}`);
		expect(sameCam(await stepCam(a, 0), a0)).toBe(true);
		expect(sameCam(await stepCam(b, 0), a0), 'the same step in a frame of the same size is framed the same').toBe(true);
		expect(await msgs()).toEqual([]);

		// a well-formed goto from the parent moves to step 3 and is acknowledged
		await post('a', { type: 'atlas:tour', action: 'goto', step: 2 });
		await expect.poll(() => counter(a)).toBe(`3 / ${n}`);
		expect(sameCam(await stepCam(a, 2), a0)).toBe(false);
		await expect.poll(async () => (await msgs()).length).toBe(1);
		const [reply] = await msgs();
		expect(reply.from).toBe(0);
		// no host= in the URL: the reply goes to any origin, so it carries only the step number
		expect(reply.data).toEqual({ type: 'atlas:tour-step', step: 2 });
		expect(await counter(b)).toBe(`1 / ${n}`);

		// next / prev from the parent
		await post('a', { type: 'atlas:tour', action: 'prev' });
		await expect.poll(() => counter(a)).toBe(`2 / ${n}`);
		await post('a', { type: 'atlas:tour', action: 'next' });
		await expect.poll(() => counter(a)).toBe(`3 / ${n}`);

		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	});
});
