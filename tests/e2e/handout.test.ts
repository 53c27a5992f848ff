/**
 * Tour handouts and videos in a real browser (issue #11 items 6 and 7), on one page load: the ZIP of one
 * tour holds one PNG per step at 2× the map's CSS size with the caption band drawn in; the print view has
 * one page per step with the caption and plan titles, and prints to a PDF of that many pages; a short
 * video of the first two steps is a non-empty WebM. After each export the reader's view is back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import { open, mapReady, close, shareBrowserInFile, OUT, type Session } from './harness';
import type { Tour } from '$lib/tours/schema';
import { isWebm } from '$lib/tours/video-plan';
import { fitMaxZoom, stepTargets } from '$lib/tours/framing';

const BUILD = join(import.meta.dirname, '..', '..', 'build');
const tours = JSON.parse(readFileSync(join(BUILD, 'data', 'tours.json'), 'utf8')) as Tour[];
const plans = JSON.parse(readFileSync(join(BUILD, 'data', 'plans.json'), 'utf8')) as { id: string; title_en: string }[];
// the shortest tour keeps the test cheap: every step is drawn at 2× in software WebGL
const TOUR = [...tours].sort((a, b) => a.steps.length - b.steps.length)[0];
const LONG = 10 * 60_000;
// a tour whose steps show a corridor across Eurasia and several places at once: the fit shows in its images
const WIDE = tours.find((t) => t.id === 'wuhan-hefei')!;

shareBrowserInFile();
let s: Session;
let page: Page;
let before: Snap;
let mapCss = { w: 0, h: 0 };

beforeAll(async () => {
	s = await open({ width: 1000, height: 680 });
	page = s.page;
	await page.goto(`${s.base}/?lang=en`);
	await mapReady(page, LONG);
	// every step of the tour selects a feature, so the detail pane is open while it is captured: measure
	// the map's CSS size that way (and give the selection back)
	expect(TOUR.steps.every((x) => new URLSearchParams(x.state).has('sel'))).toBe(true);
	const sel = new URLSearchParams(TOUR.steps[0].state).get('sel')!;
	await page.evaluate((id) => (window as unknown as { __atlas: { select(id: string | null): void } }).__atlas.select(id), sel);
	await page.locator('.detail-pane').waitFor();
	mapCss = await page.evaluate(() => {
		// the container follows the layout at once; the canvas follows it on MapLibre's next resize
		const c = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.getContainer().getBoundingClientRect();
		return { w: Math.round(c.width), h: Math.round(c.height) };
	});
	await page.evaluate(() => (window as unknown as { __atlas: { select(id: string | null): void } }).__atlas.select(null));
	await page.locator('.detail-pane').waitFor({ state: 'detached' });
	before = await snapshot();
	await page.locator('#tab-tours').click();
}, LONG);
afterAll(async () => {
	if (s) await close(s);
});

type Snap = { camera: { lon: number; lat: number; zoom: number }; tour: unknown } & Record<string, unknown>;
/** Exports step the map in replace mode: no history entry per step (#11). */
const historyLength = () => page.evaluate(() => history.length);

// every position of the features a step shows (every waypoint of a corridor), from the source data
const GEO = new Map<string, number[][]>();
const flat = (c: unknown): number[][] => (typeof (c as unknown[])[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(flat));
for (const l of ['zones', 'transport-nodes', 'corridors', 'parks', 'cities'])
	for (const ft of JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', `${l}.geojson`), 'utf8')).features)
		if (ft.geometry) GEO.set(ft.properties.id, flat(ft.geometry.coordinates));
/** Web Mercator, 512 px tiles (MapLibre's): a position in CSS px of a w×h map at the camera. */
function project(lon: number, lat: number, cam: { lon: number; lat: number; zoom: number }, w: number, h: number) {
	const ws = 512 * 2 ** cam.zoom;
	const x = (l: number) => ((l + 180) / 360) * ws;
	const y = (p: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * ws;
	return { x: x(lon) - x(cam.lon) + w / 2, y: y(lat) - y(cam.lat) + h / 2 };
}

/**
 * Each step framed as the player frames it, to its image (not the stored camera): every point of what it
 * shows inside the map part of the image (the caption band is drawn under it), and filling it on one axis
 * unless the zoom is capped (one place keeps its stored zoom, a wider view stops at 11).
 */
function expectFitted(tour: Tour, steps: { file: string; camera: { lon: number; lat: number; zoom: number; width: number; height: number } }[]) {
	for (const [k, st] of steps.entries()) {
		const cam = st.camera;
		expect(cam, `${st.file} camera`).toBeTruthy();
		const sel = new URLSearchParams(tour.steps[k].state).get('sel');
		const geo = stepTargets(tour.steps[k].show, sel).flatMap((id) => GEO.get(id) ?? []);
		expect(geo.length, `${st.file} has points to show`).toBeGreaterThan(0);
		const pts = geo.map(([lon, lat]) => project(lon, lat, cam, cam.width, cam.height));
		expect(pts.filter((p) => p.x < 0 || p.x > cam.width || p.y < 0 || p.y > cam.height), `${st.file}: points outside the map image`).toEqual([]);
		const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
		const span = Math.max((Math.max(...xs) - Math.min(...xs)) / cam.width, (Math.max(...ys) - Math.min(...ys)) / cam.height);
		const lons = geo.map((p) => p[0]), lats = geo.map((p) => p[1]);
		const stored = Number(new URLSearchParams(tour.steps[k].state).get('c')?.split(',')[2]);
		const cap = fitMaxZoom([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], Number.isFinite(stored) ? stored : null);
		if (cam.zoom < cap - 0.01) expect(span, `${st.file}: the features fill the image (fitted, not the stored camera)`).toBeGreaterThan(0.8);
	}
}

const snapshot = () => page.evaluate(() => (window as unknown as { __atlas: { get(): Snap } }).__atlas.get());
/** The reader's view is back: everything as before the export, the camera to within float noise, no tour. */
async function viewGivenBack() {
	const now = await snapshot();
	const { camera: c0, ...rest0 } = before;
	const { camera: c1, ...rest1 } = now;
	expect(rest1).toEqual(rest0);
	expect(now.tour).toBeNull();
	expect(Math.abs(c1.lon - c0.lon) + Math.abs(c1.lat - c0.lat) + Math.abs(c1.zoom - c0.zoom)).toBeLessThan(1e-6);
}

/** A ZIP export done: no history entry per step, the dialog says saved, and closing it gives the view back. */
async function savedAndGivenBack(h0: number) {
	expect(await historyLength(), 'no history entry per exported step').toBe(h0);
	await page.getByTestId('tour-export-status').filter({ hasText: 'Saved' }).waitFor();
	await page.getByTestId('tour-export-close').click();
	await viewGivenBack();
}

async function exportDownload(mode: 'zip' | 'video', prepare?: () => Promise<void>, tourId = TOUR.id): Promise<{ name: string; bytes: Buffer }> {
	await page.locator(`button[data-tour-export="${mode}"][data-tour-id="${tourId}"]`).click();
	await page.getByTestId('tour-export').waitFor();
	await prepare?.();
	const [dl]: [Download, void] = await Promise.all([
		page.waitForEvent('download', { timeout: LONG }),
		mode === 'video' ? page.getByTestId('video-record').click() : Promise.resolve()
	]);
	return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), read without a decoder. */
const pngSize = (b: Uint8Array) => {
	const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
	return { sig: [...b.slice(0, 8)].join(','), w: v.getUint32(16), h: v.getUint32(20) };
};

describe('tour exports', () => {
	it('ZIP: one 2× PNG per step with the caption band, a manifest, each step fitted to its image; no history entries; the view given back', async () => {
		const h0 = await historyLength();
		const { name, bytes } = await exportDownload('zip');
		expect(name).toMatch(new RegExp(`^open-platforms-atlas-tour-${TOUR.id}-en-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
		// the end-of-central-directory record says how many entries the archive holds
		const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
		expect(eocd).toBeGreaterThan(0);
		expect(bytes.readUInt16LE(eocd + 10)).toBe(TOUR.steps.length + 1);
		const files = unzipSync(new Uint8Array(bytes));
		const pngs = Object.keys(files).filter((f) => f.endsWith('.png')).sort();
		expect(pngs).toEqual(TOUR.steps.map((_, k) => `${TOUR.id}-en-step-${String(k + 1).padStart(2, '0')}.png`));
		const manifest = JSON.parse(strFromU8(files['manifest.json']));
		writeFileSync(join(OUT, 'handout-manifest.json'), JSON.stringify({ mapCss, manifest }, null, 1));
		expect(manifest.steps.map((x: { file: string }) => x.file)).toEqual(pngs);
		for (const [k, f] of pngs.entries()) {
			const { sig, w, h } = pngSize(files[f]);
			expect(sig).toBe('137,80,78,71,13,10,26,10');
			// the map at 2× its CSS size, the caption band under it
			expect(w, f).toBe(2 * mapCss.w);
			expect(h, f).toBeGreaterThan(2 * mapCss.h);
			expect({ w, h }).toEqual({ w: manifest.steps[k].width, h: manifest.steps[k].height });
			expect(manifest.steps[k].caption).toBe(TOUR.steps[k].caption_en);
			const png = PNG.sync.read(Buffer.from(files[f]));
			// the map part is a drawn map, not a blank canvas: many colours and some contrast
			const colours = new Set<number>();
			for (let y = 0; y < 2 * mapCss.h; y += 7) for (let x = 0; x < w; x += 7) {
				const i = (y * w + x) * 4;
				colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
			}
			expect(colours.size, `${f} map colours`).toBeGreaterThan(40);
			// the band holds dark text on white (caption, plans, attribution): count dark pixels in it
			let dark = 0;
			for (let y = 2 * mapCss.h + 4; y < h; y++) for (let x = 0; x < w; x++) {
				const i = (y * w + x) * 4;
				if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 200) dark++;
			}
			expect(dark, `${f} text pixels in the band`).toBeGreaterThan(2000);
			expect(manifest.steps[k].camera, `${f} camera`).toMatchObject({ width: mapCss.w, height: mapCss.h });
		}
		expectFitted(TOUR, manifest.steps);
		await savedAndGivenBack(h0);
	}, LONG);

	it('ZIP of a tour of corridors and several places: each step fitted to its image; no history entries', async () => {
		const h0 = await historyLength();
		const { bytes } = await exportDownload('zip', undefined, WIDE.id);
		const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(bytes))['manifest.json']));
		writeFileSync(join(OUT, 'handout-manifest-wide.json'), JSON.stringify(manifest, null, 1));
		expect(manifest.steps.length).toBe(WIDE.steps.length);
		expectFitted(WIDE, manifest.steps);
		await savedAndGivenBack(h0);
	}, LONG);

	it('print view: one page per step with caption and plan titles; prints to that many PDF pages; no history entries', async () => {
		const h0 = await historyLength();
		await page.locator(`button[data-tour-export="print"][data-tour-id="${TOUR.id}"]`).click();
		await page.getByTestId('handout').waitFor({ timeout: LONG });
		const pages = page.locator('.hpage');
		expect(await pages.count()).toBe(TOUR.steps.length);
		// every image has loaded and has the 2× map's size
		const imgs = await page.$$eval('.hpage img', (els) => els.map((e) => ({ ok: (e as HTMLImageElement).complete, w: (e as HTMLImageElement).naturalWidth })));
		expect(imgs.every((i) => i.ok && i.w > 0)).toBe(true);
		const titles = new Map(plans.map((p) => [p.id, p.title_en]));
		for (let k = 0; k < TOUR.steps.length; k++) {
			const p = pages.nth(k);
			expect(await p.getByTestId('handout-caption').textContent()).toBe(TOUR.steps[k].caption_en);
			const items = await p.locator('.plans li').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-plan')!, title: e.querySelector('.ptitle')!.textContent!, text: e.textContent! })));
			expect(items.length, `step ${k + 1} plans`).toBeGreaterThan(0);
			for (const it of items) {
				expect(it.title).toBe(titles.get(it.id));
				// a title, never a bare code
				expect(it.text).not.toMatch(/^\s*\d{3}\s*$/);
			}
		}
		await page.screenshot({ path: join(OUT, 'handout-print-screen-en.png') });
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.app').isVisible()).toBe(false);
		expect(await page.locator('.handout-root .toolbar').isVisible()).toBe(false);
		expect(await pages.first().isVisible()).toBe(true);
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
		expect(pageCount).toBe(TOUR.steps.length);
		await page.emulateMedia({ media: 'screen' });
		await page.getByTestId('handout-close').click();
		await page.getByTestId('handout').waitFor({ state: 'detached' });
		await viewGivenBack();
		expect(await historyLength(), 'no history entry per printed step').toBe(h0);
	}, LONG);

	it('video: the first two steps recorded as a WebM with a progress bar; the view given back', async () => {
		const h0 = await historyLength();
		let sawProgress = false;
		const { name, bytes } = await exportDownload('video', async () => {
			expect(await page.getByTestId('video-unsupported').count()).toBe(0);
			await page.getByTestId('video-from').fill('1');
			await page.getByTestId('video-to').fill('2');
			await page.getByTestId('video-dwell').selectOption('2');
			await page.getByTestId('video-size').selectOption('1280x720');
			page.getByTestId('tour-export-progress').waitFor({ timeout: LONG }).then(() => (sawProgress = true), () => {});
		});
		expect(name).toMatch(new RegExp(`^open-platforms-atlas-tour-${TOUR.id}-en-1280x720-\\d{4}-\\d{2}-\\d{2}\\.webm$`));
		expect(isWebm(new Uint8Array(bytes))).toBe(true);
		expect(bytes.length).toBeGreaterThan(10_000);
		expect(sawProgress).toBe(true);
		await page.getByTestId('tour-export-status').filter({ hasText: 'Saved' }).waitFor();
		await viewGivenBack();
		expect(await historyLength(), 'no history entry per recorded step').toBe(h0);
		expect(s.errors).toEqual([]);
		expect(s.external).toEqual([]);
	}, LONG);
});
