/**
 * Issue #11 (presenters) in the real browser, in cross-origin host pages (a server of the test's own on
 * another port): every step of every tour, in both languages, in frames of 1280×720, 640×400, 560×315,
 * 400×300 and a phone host (375×740, iframe 319 px wide at 16:10), has the features it shows inside the
 * visible map (inside the map, under none of the overlays); the clicker keys, the presenter view and its
 * notes; autoplay with loop, held on hover, play/pause messages, reduced motion; the Share dialog's tour
 * picker. Figures (visible map height per size, steps in view) go to test-output/presenters-figures.json.
 */
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { open, close, mapReady, mapSettled, mapOrBootMessage, shareBrowserInFile, OUT, type Session } from './harness';
import type { Tour } from '$lib/tours/schema';

shareBrowserInFile();

const BUILD = join(import.meta.dirname, '..', '..', 'build');
const tours = JSON.parse(readFileSync(join(BUILD, 'data', 'tours.json'), 'utf8')) as Tour[];
if (tours.length < 5) throw new Error('build/data/tours.json: run `npm run build`');

const hostPages = new Map<string, string>();
let hostServer: Server;
let HOST = '';
beforeAll(async () => {
	hostServer = createServer((req, res) => {
		const html = hostPages.get(req.url ?? '');
		res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
	});
	await new Promise<void>((ok) => hostServer.listen(0, '127.0.0.1', ok));
	HOST = `http://127.0.0.1:${(hostServer.address() as { port: number }).port}`;
});
afterAll(() => {
	hostServer.closeAllConnections();
	hostServer.close();
});

interface HostFrame {
	id: string;
	src: string;
	width: number;
	height: number;
}
const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A page on the other origin holding the frames (side by side where they fit: all stay on screen and drawn). */
async function crossOriginHost(sess: Session, path: string, frames: HostFrame[], bodyStyle = 'margin:0;padding:8px'): Promise<Frame[]> {
	hostPages.set(
		path,
		`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>host</title></head>
<body style="${bodyStyle};display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start;background:#ddd">
${frames.map((f) => `<iframe id="${f.id}" name="${f.id}" src="${esc(f.src)}" width="${f.width}" height="${f.height}" style="border:0" title="atlas ${f.id}" allow="fullscreen"></iframe>`).join('\n')}
<script>window.__msgs = []; addEventListener('message', (e) => window.__msgs.push({ origin: e.origin, data: e.data }));</script>
</body></html>`
	);
	// the host shares its renderer's main thread with the frames (one site: 127.0.0.1), whose map starts
	// hold it for seconds at a time: a locator action may wait behind them longer than Playwright's 30 s
	sess.page.setDefaultTimeout(180_000);
	await sess.page.route(`${HOST}/**`, (r) => r.continue());
	await sess.page.goto(`${HOST}${path}`, { waitUntil: 'domcontentloaded' });
	// the frames from Playwright's frame tree, by name (no query on the host's busy thread: CI once timed
	// out after 30 s on locator('#f400').elementHandle() while three frames were starting their maps)
	const named = () => frames.map((f) => sess.page.frames().find((fr) => fr.name() === f.id));
	await expect.poll(() => named().filter((fr) => !fr).length, { timeout: 180_000, message: 'every frame of the host attached' }).toBe(0);
	const out = named() as Frame[];
	// the checks need the map's camera and the overlays, not its tiles: wait until the first step is framed
	await Promise.all(
		out.map(async (fr, i) => {
			// the map, or the shell's message saying why there is none (then the test says it, not a timeout)
			await mapOrBootMessage(fr, 'created', 180_000, `frame ${frames[i].id}`);
			if (frames[i].src.includes('tour=')) await framed(fr, Number(new URL(frames[i].src).searchParams.get('step') ?? 0), 180_000);
			if (process.env.PRESENTERS_DEBUG) appendFileSync(join(OUT, 'presenters-debug.log'), `${new Date().toISOString()} frame ${frames[i].id} framed\n`);
		})
	);
	if (process.env.PRESENTERS_DEBUG) appendFileSync(join(OUT, 'presenters-debug.log'), `${new Date().toISOString()} frames ready ${path}\n`);
	return out;
}

const counter = (f: Frame) => f.getByTestId('tour-step').textContent().then((t) => t?.trim());

/** Wait until step k is framed and the map stands at the state's camera. */
async function framed(f: Frame, k: number, timeout = 60_000) {
	await f.waitForFunction(
		(k) => {
			const box = document.querySelector('[data-testid=tour-box]');
			const w = window as unknown as { __atlas: { get(): { camera: { lon: number; lat: number; zoom: number } } }; __atlasMap: import('maplibre-gl').Map };
			const m = w.__atlasMap;
			if (!m || !w.__atlas) return false;
			const c = w.__atlas.get().camera;
			const at = m.getCenter();
			return box?.getAttribute('data-framed')?.startsWith(`${k}:`) && !m.isMoving() && Math.abs(at.lng - c.lon) < 1e-4 && Math.abs(at.lat - c.lat) < 1e-4 && Math.abs(m.getZoom() - c.zoom) < 0.01;
		},
		k,
		{ timeout, polling: 100 }
	);
}

interface StepResult {
	outside: string[];
	mapH: number;
	visibleH: number;
	by: string;
	/** MapLibre controls drawn over one another (the two right-hand columns meeting in a short frame) */
	clash: number;
}

/**
 * In the frame: project every position of every feature the step shows (every waypoint of a corridor)
 * and check it lies in the map and under none of the overlays: the tour box, the legend, MapLibre's
 * controls (zoom, fullscreen, scale, credits, the corner link).
 */
const GEO = new Map<string, unknown>();
for (const l of ['zones', 'transport-nodes', 'corridors', 'parks', 'cities'])
	for (const ft of JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', `${l}.geojson`), 'utf8')).features) GEO.set(ft.properties.id, ft.geometry?.coordinates ?? null);

function checkInView(f: Frame, ids: string[]): Promise<StepResult> {
	const coords = ids.map((id) => [id, GEO.get(id) ?? null] as const);
	return f.evaluate((coords) => {
		const w = window as unknown as { __atlasMap: import('maplibre-gl').Map };
		const m = w.__atlasMap;
		const mr = m.getContainer().getBoundingClientRect();
		const overlays = [
			...document.querySelectorAll('[data-testid=tour-box], .legend'),
			...m.getContainer().querySelectorAll('[class*=maplibregl-ctrl-] > .maplibregl-ctrl')
		]
			.map((e) => e.getBoundingClientRect())
			.filter((r) => r.width > 0 && r.height > 0);
		const flat = (c: unknown): number[][] => (typeof (c as unknown[])[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(flat));
		const outside: string[] = [];
		for (const [id, c] of coords) {
			if (!c) continue;
			for (const [lon, lat] of flat(c)) {
				const p = m.project([lon, lat]);
				const x = mr.left + p.x,
					y = mr.top + p.y;
				const inMap = x >= mr.left && x <= mr.right && y >= mr.top && y <= mr.bottom;
				const under = overlays.some((r) => x > r.left && x < r.right && y > r.top && y < r.bottom);
				if (!inMap || under) outside.push(`${id}@${lon.toFixed(2)},${lat.toFixed(2)}${inMap ? ' under an overlay' : ' off the map'}`);
			}
		}
		const ctrls = [...m.getContainer().querySelectorAll('[class*=maplibregl-ctrl-] > .maplibregl-ctrl')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
		let clash = 0;
		for (let i = 0; i < ctrls.length; i++)
			for (let j = i + 1; j < ctrls.length; j++) {
				const a = ctrls[i], b = ctrls[j];
				if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) clash++;
			}
		const bar = document.querySelector('[data-testid=tour-box]')!.getBoundingClientRect();
		const by = document.querySelector('[data-testid=tour-box]')!.getAttribute('data-framed') ?? '';
		return { outside, mapH: Math.round(mr.height), visibleH: Math.round(Math.min(bar.top, mr.bottom) - mr.top), by, clash };
	}, coords as unknown as [string, unknown][]);
}

const targetsOf = (t: Tour, k: number) => {
	const s = t.steps[k];
	const sel = new URLSearchParams(s.state).get('sel');
	return s.show ?? (sel ? [sel] : []);
};

/** Step through every tour in one frame (tour switched with the test handle, steps with the → button). */
async function sweep(page: Page, f: Frame, size: string, lang: 'en' | 'zh', shots: Set<string>, figures: Record<string, unknown>[]) {
	await f.evaluate((l) => (window as unknown as { __atlas: { patch(p: object): void } }).__atlas.patch({ lang: l }), lang);
	for (const t of tours) {
		await f.evaluate((id) => (window as unknown as { __atlas: { patch(p: object): void } }).__atlas.patch({ tour: { id, step: 0 } }), t.id);
		for (let k = 0; k < t.steps.length; k++) {
			if (k > 0) await f.getByTestId('tour-next').click();
			await expect.poll(() => counter(f)).toBe(`${k + 1} / ${t.steps.length}`);
			await framed(f, k);
			const r = await checkInView(f, targetsOf(t, k));
			if (process.env.PRESENTERS_DEBUG) appendFileSync(join(OUT, 'presenters-debug.log'), `${new Date().toISOString()} ${size} ${lang} ${t.id} ${k} ${JSON.stringify(r)}\n`);
			figures.push({ size, lang, tour: t.id, step: k + 1, ...r });
			if (shots.has(`${lang}:${t.id}:${k}`)) {
				await mapSettled(f, 300_000);
				const el = await f.frameElement();
				await el.screenshot({ path: join(OUT, `presenters-${size}-${lang}-${t.id}-${k + 1}.png`) });
			}
		}
	}
	void page;
}

const SIZES = [
	{ id: 'f1280', width: 1280, height: 720 },
	{ id: 'f640', width: 640, height: 400 },
	{ id: 'f560', width: 560, height: 315 },
	{ id: 'f400', width: 400, height: 300 }
];
// one shot per language of the steps that were hardest to clear (the phone host's long corridors)
const SHOTS = new Set(['en:air-cargo:2', 'en:wuhan-hefei:3', 'zh:china-europe-rail:2', 'zh:air-cargo:0']);

describe('presenters (#11)', () => {
	it('every step of every tour is inside the visible map at 1280×720, 640×400, 560×315, 400×300 and in a phone host, zh and en', async () => {
		const first = tours[0];
		const s = await open({ width: 1300, height: 1480 });
		const p = await open({ width: 375, height: 740 });
		try {
			// the phone asks for reduced motion: the link's autoplay must not run there
			await p.page.emulateMedia({ reducedMotion: 'reduce' });
			const src = (extra = '') => `${s.base}/embed/?tour=${first.id}&step=0&lang=en${extra}`;
			const [frames, [phone]] = await Promise.all([
				crossOriginHost(s, '/sizes.html', SIZES.map((z) => ({ ...z, src: src() }))),
				crossOriginHost(p, '/phone.html', [{ id: 'phone', src: src('&autoplay=2'), width: 319, height: 199 }], 'margin:0;padding:12px 28px')
			]);
			expect(await phone.getByTestId('tour-box').getAttribute('data-running'), 'reduced motion holds the autoplay of the link').toBe('false');
			// …and its button offers play (one press starts it), not a pause that would need two
			expect(await phone.getByTestId('tour-play').getAttribute('aria-pressed')).toBe('false');
			const figures: Record<string, unknown>[] = [];
			for (const lang of ['en', 'zh'] as const) {
				await Promise.all([
					...frames.map((f, i) => sweep(s.page, f, `${SIZES[i].width}x${SIZES[i].height}`, lang, SHOTS, figures)),
					sweep(p.page, phone, 'phone-319x199', lang, SHOTS, figures)
				]);
			}
			writeFileSync(join(OUT, 'presenters-figures.json'), JSON.stringify(figures, null, 1));
			const sizes = [...new Set(figures.map((x) => `${x.size} ${x.lang}`))];
			const summary = sizes.map((z) => {
				const rows = figures.filter((x) => `${x.size} ${x.lang}` === z);
				const inView = rows.filter((x) => (x.outside as string[]).length === 0).length;
				const vis = rows.map((x) => x.visibleH as number);
				return `${z}: map ${rows[0].mapH} px, visible above the caption ${Math.min(...vis)}–${Math.max(...vis)} px, steps in view ${inView}/${rows.length}`;
			});
			console.log(summary.join('\n'));
			const bad = figures.filter((x) => (x.outside as string[]).length).map((x) => `${x.size} ${x.lang} ${x.tour} step ${x.step}: ${(x.outside as string[]).slice(0, 3).join('; ')}`);
			// every point of every step clear of every overlay and on the map, at every size, the phone host too
			expect(bad).toEqual([]);
			// no control drawn over another (zoom, full screen, link, credits, scale)
			expect(figures.filter((x) => (x.clash as number) > 0).map((x) => `${x.size} ${x.lang} ${x.tour} ${x.step}`)).toEqual([]);
			// every step with something to show was framed by its features, not by the stored camera
			expect(figures.filter((x) => !(x.by as string).endsWith(':features')).map((x) => `${x.size} ${x.tour} ${x.step}`)).toEqual([]);
			expect(await phone.getByTestId('tour-box').getAttribute('data-running')).toBe('false');
			expect([...s.errors, ...p.errors]).toEqual([]);
			expect([...s.external, ...p.external]).toEqual([]);
		} finally {
			await close(s);
			await close(p);
		}
	}, 900_000);

	it('clicker keys, jump by number, presenter view with notes; autoplay loops, holds on hover, obeys play/pause', async () => {
		const t = tours[0];
		const n = t.steps.length;
		const s = await open({ width: 1300, height: 760 });
		try {
			const base = `${s.base}/embed/?tour=${t.id}&lang=en`;
			const [big, auto] = await crossOriginHost(s, '/keys.html', [
				{ id: 'big', src: `${base}&step=0`, width: 800, height: 560 },
				{ id: 'auto', src: `${base}&step=${n - 1}&autoplay=2&loop=1&notes=1`, width: 400, height: 300 }
			]);
			// autoplay from the last step wraps to the first (loop=1); waits on the counter, not on time
			await expect.poll(() => counter(auto), { timeout: 30_000 }).toBe(`1 / ${n}`);
			const box = auto.getByTestId('tour-box');
			expect(await box.getAttribute('data-running')).toBe('true');
			// hovering the frame holds it; leaving lets it go on
			const fr = (await s.page.locator('#auto').boundingBox())!;
			await s.page.mouse.move(fr.x + fr.width / 2, fr.y + fr.height / 2);
			await expect.poll(() => box.getAttribute('data-running')).toBe('false');
			await s.page.mouse.move(2, fr.y + fr.height + 4);
			await expect.poll(() => box.getAttribute('data-running')).toBe('true');
			// play / pause from the host page
			const post = (id: string, data: unknown) => s.page.evaluate(([id, d]) => (document.getElementById(id as string) as HTMLIFrameElement).contentWindow!.postMessage(d, '*'), [id, data] as const);
			await post('auto', { type: 'atlas:tour', action: 'pause' });
			await expect.poll(() => box.getAttribute('data-running')).toBe('false');
			expect(await auto.getByTestId('tour-play').getAttribute('aria-pressed')).toBe('false');
			await post('auto', { type: 'atlas:tour', action: 'play', extra: 1 });
			await post('auto', { type: 'atlas:tour', action: 'play' });
			await expect.poll(() => box.getAttribute('data-running')).toBe('true');
			await post('auto', { type: 'atlas:tour', action: 'pause' });
			await expect.poll(() => box.getAttribute('data-running')).toBe('false');
			// notes=1: the notes show once the folded caption is opened
			expect(await auto.getByTestId('tour-notes').count()).toBe(0);
			await auto.getByTestId('tour-fold').click();
			await expect.poll(() => auto.getByTestId('tour-notes').count()).toBe(1);

			// clicker keys in the big frame (focus inside it: the map canvas)
			await big.locator('.maplibregl-canvas').click({ position: { x: 5, y: 5 } });
			const keys: [string, number][] = [
				['PageDown', 2],
				['Space', 3],
				['ArrowRight', 4],
				['PageUp', 3],
				['ArrowLeft', 2],
				['Shift+Space', 1],
				['End', n],
				['Home', 1]
			];
			for (const [key, want] of keys) {
				await s.page.keyboard.press(key);
				await expect.poll(() => counter(big), { message: key }).toBe(`${want} / ${n}`);
			}
			// a step number typed and Enter jumps there
			await s.page.keyboard.type(String(n - 1));
			await s.page.keyboard.press('Enter');
			await expect.poll(() => counter(big)).toBe(`${n - 1} / ${n}`);
			await framed(big, n - 2);
			// no notes without the presenter view; the presenter view shows them
			expect(await big.getByTestId('tour-notes').count()).toBe(0);
			await big.getByTestId('tour-presenter').click();
			await expect.poll(() => big.getByTestId('tour-notes').count()).toBe(1);
			const notes = await big.getByTestId('tour-notes').innerText();
			const want = t.steps[n - 2].notes_en;
			if (want) expect(notes).toContain(want);
			await big.getByTestId('tour-jump').fill('2');
			await big.getByTestId('tour-jump').press('Enter');
			await expect.poll(() => counter(big)).toBe(`2 / ${n}`);
			await mapSettled(big);
			await (await big.frameElement()).screenshot({ path: join(OUT, 'presenters-presenter-view-en.png') });
			expect(s.errors).toEqual([]);
		} finally {
			await close(s);
		}
	}, 300_000);

	it('the Share dialog embeds a tour: picker, start step, autoplay, loop; link, snippet and preview carry them', async () => {
		const s = await open({ width: 1280, height: 800 });
		try {
			await s.page.goto(`${s.base}/?lang=en&tour=air-cargo&step=2`);
			await mapReady(s.page);
			await expect.poll(() => counter(s.page.mainFrame())).toBe('3 / 6');
			await s.page.getByRole('button', { name: 'Share / Embed / Export' }).click();
			const link = s.page.getByTestId('share-link');
			const code = s.page.getByTestId('embed-code');
			// while a tour plays, the link and the snippet carry it at its step
			await expect.poll(() => link.inputValue()).toMatch(/tour=air-cargo&step=2/);
			expect(await code.inputValue()).toMatch(/tour=air-cargo&amp;step=2/);
			// another tour, from step 4, 5 s a step, looping
			await s.page.getByTestId('share-tour-pick').selectOption('china-europe-rail');
			await s.page.getByTestId('share-tour-step').fill('4');
			await s.page.getByTestId('share-autoplay').fill('5');
			await s.page.getByTestId('share-loop').check();
			await expect.poll(() => code.inputValue()).toMatch(/tour=china-europe-rail&amp;step=3.*autoplay=5&amp;loop=1/);
			expect(await link.inputValue()).toMatch(/tour=china-europe-rail&step=3.*autoplay=5&loop=1/);
			// the live preview plays it from that step
			const preview = s.page.getByTestId('share-preview');
			await expect.poll(() => preview.getAttribute('src'), { timeout: 60_000 }).toMatch(/tour=china-europe-rail&step=3.*autoplay=5&loop=1/);
			const pf = (await (await preview.elementHandle())!.contentFrame())!;
			await pf.getByTestId('tour-step').waitFor({ timeout: 60_000 });
			expect(await pf.evaluate(() => (window as unknown as { __atlas: { get(): { tour: { id: string } | null } } }).__atlas.get().tour?.id)).toBe('china-europe-rail');
			expect(await pf.getByTestId('tour-play').getAttribute('aria-pressed'), 'the preview autoplays').toBe('true');
			await s.page.screenshot({ path: join(OUT, 'presenters-share-dialog-en.png') });
			// none: no tour and no play options
			await s.page.getByTestId('share-tour-pick').selectOption('');
			await expect.poll(() => code.inputValue()).not.toMatch(/tour=|autoplay=|loop=/);
			expect(await link.inputValue()).not.toMatch(/tour=|autoplay=|loop=/);
			expect(s.errors).toEqual([]);
		} finally {
			await close(s);
		}
	}, 300_000);
});
