/**
 * Start-up under failure: a missing basemap still draws the data (on the plain background, with a
 * notice naming why); a data request that never answers ends in a message naming the file and a
 * retry that works; bytes received are shown while loading.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Route } from 'playwright-core';
import { open, mapReady, close, shot, shareBrowserInFile, type Session } from './harness';

shareBrowserInFile();

let s: Session | null = null;
afterEach(async () => {
	if (s) {
		expect(s.external, 'requests off the origin').toEqual([]);
		await close(s);
	}
	s = null;
});

describe('start-up under failure', () => {
	it('before any script arrives the page shows the shell (a splash in both languages), and the app replaces it', async () => {
		s = await open({ width: 900, height: 600 });
		const held: Route[] = [];
		let hold = true;
		// a network so slow that no script has arrived yet
		await s.page.route('**/_app/**', (r) => {
			if (hold) held.push(r);
			else r.continue();
		});
		await s.page.goto(`${s.base}/?lang=en`, { waitUntil: 'commit' });
		const splash = s.page.locator('#boot-splash');
		await splash.waitFor();
		expect(await splash.innerText()).toMatch(/Open Platforms Atlas[\s\S]*正在加载[\s\S]*Loading/);
		hold = false;
		for (const r of held.splice(0)) await r.continue();
		await mapReady(s.page);
		expect(await splash.count(), 'the app removes the splash').toBe(0);
		expect(s.errors).toEqual([]);
	});

	it('a missing basemap file: the data is drawn on a plain background, with a notice', async () => {
		s = await open({ width: 1000, height: 700 });
		await s.page.route('**/basemap/manifest.json', (r) => r.fulfill({ status: 404, body: 'gone' }));
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		await expect.poll(() => s!.page.locator('.notice').allInnerTexts()).toContainEqual(expect.stringMatching(/basemap could not be loaded \(basemap\/manifest\.json: the server answered 404\)/));
		// the markers are drawn: deck.gl picks features over the whole canvas
		const picked = await s.page.evaluate(() => {
			const deck = (window as unknown as { __atlasDeck: { pickObjects(o: object): unknown[] } }).__atlasDeck;
			const c = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
			return deck.pickObjects({ x: 0, y: 0, width: c.clientWidth, height: c.clientHeight, layerIds: ['markers'] }).length;
		});
		expect(picked).toBeGreaterThan(20);
		await expect.poll(() => s!.page.locator('.list-toggle').innerText()).toMatch(/\d{2,}/);
		await shot(s.page, 'resilience-no-basemap');
	});

	it('a data request that never answers: a message naming the file, progress meanwhile, and a retry that loads', async () => {
		s = await open({ width: 1000, height: 700 });
		let hold = true;
		const held: Route[] = [];
		await s.page.route('**/data/atlas.topojson', (r) => {
			if (hold) held.push(r);
			else r.continue();
		});
		await s.page.goto(`${s.base}/?lang=en`);
		// the basemap arrives while the data hangs: the loading message counts its bytes
		await s.page.getByTestId('load-progress').waitFor({ timeout: 60_000 });
		expect(await s.page.getByTestId('load-progress').innerText()).toMatch(/^[\d,]+ KB received$/);
		// the stall limit (20 s without a byte) ends the wait with a message naming the file
		const alert = s.page.getByRole('alert');
		await alert.waitFor({ timeout: 60_000 });
		expect(await alert.innerText()).toMatch(/data\/atlas\.topojson: (could not be fetched \()?no answer for 20 s/);
		await shot(s.page, 'resilience-stalled');
		hold = false;
		await s.page.getByRole('button', { name: 'Try again' }).click();
		await mapReady(s.page);
		expect(await s.page.getByRole('alert').count()).toBe(0);
		expect(held.length).toBeGreaterThan(0);
	});
});
