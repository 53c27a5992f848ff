/**
 * What a new user hits (issue #14): hostile links never crash the page, and Back steps through
 * what the reader chose (selection, tour steps) while camera moves and filter ticks do not add entries.
 */
import { describe, it, expect, afterEach } from 'vitest';
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

const selOf = () => new URLSearchParams(location.search).get('sel');

describe('hostile links', () => {
	it.each([
		['/?lang=en#%E0%A4%A', 'hash'],
		['/?lang=en&sel=%E0%A4%A', 'sel'],
		['/?lang=en&k=%', 'k'],
		['/embed/?lang=en&title=%E0%A4%A&caption=%', 'title, caption']
	])('%s draws the map and names what it ignored (%s)', async (path, named) => {
		s = await open({ width: 900, height: 600 });
		await s.page.goto(s.base + path);
		await mapReady(s.page);
		await expect.poll(() => s!.page.locator('.notice').allInnerTexts()).toContainEqual(expect.stringContaining(`reset to defaults: ${named}`));
		expect(s.errors).toEqual([]);
	});
});

describe('history', () => {
	it('selecting pushes an entry, Back closes it, Forward reopens it; camera moves and filters replace', async () => {
		s = await open({ width: 1280, height: 800 });
		const { page } = s;
		await page.goto(`${s.base}/?lang=en`);
		await mapReady(page);
		const start = await page.evaluate(() => history.length);
		// a filter tick and a camera move: no new entry
		await page.locator('#tab-filters').click();
		await page.locator('[data-filter="has-targets"]').check();
		await page.waitForFunction(() => location.search.includes('t=1'));
		await page.evaluate(() => (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap.jumpTo({ center: [114.3, 30.6] }));
		await page.waitForFunction(() => location.search.includes('c=114.3,30.6'));
		expect(await page.evaluate(() => history.length)).toBe(start);
		// choosing a feature from the search adds one
		await page.locator('input[role="combobox"]').fill('Tianhe');
		await page.locator('#search-results [role="option"]:not([data-testid="search-place"])').first().click();
		await page.waitForFunction(selOf, null, { timeout: 30_000 });
		const chosen = await page.evaluate(selOf);
		expect(await page.evaluate(() => history.length)).toBe(start + 1);
		await page.locator('#detail-title').waitFor();
		// Back: the detail closes and the filters stay as they were
		await page.goBack();
		await page.waitForFunction(() => !new URLSearchParams(location.search).get('sel'));
		await page.locator('#detail-title').waitFor({ state: 'detached' });
		expect(await page.evaluate(() => location.search)).toContain('t=1');
		await expect.poll(() => page.evaluate(() => (window as unknown as { __atlas: { get(): { selected: string | null; filters: { hasTargets: boolean } } } }).__atlas.get())).toMatchObject({ selected: null, filters: { hasTargets: true } });
		// Forward: it opens again
		await page.goForward();
		await page.locator('#detail-title').waitFor();
		expect(await page.evaluate(selOf)).toBe(chosen);
		expect(s.errors).toEqual([]);
	});

	it('closing a tour gives back the reader’s own view (camera, layers, filters, selection)', async () => {
		s = await open({ width: 1280, height: 800 });
		const { page } = s;
		await page.goto(`${s.base}/?lang=en&c=117.2,31.8,9,0,0&l=ports,rail&k=port&sel=hefei-port`);
		await mapReady(page);
		const view = () => page.evaluate(() => (window as unknown as { __atlas: { get(): object } }).__atlas.get());
		const before = await view();
		await page.locator('#tab-tours').click();
		await page.locator('button[data-tour="air-cargo"]').click();
		await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('tour'))).toBe('air-cargo');
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect.poll(() => page.getByTestId('tour-step').innerText()).toMatch(/^2 \//);
		expect(await view()).not.toEqual(before);
		await page.locator('.tour').getByRole('button', { name: 'Close' }).click();
		await expect.poll(view).toEqual({ ...(before as object), tour: null });
		await page.waitForFunction(() => !location.search.includes('tour=') && location.search.includes('sel=hefei-port') && location.search.includes('k=port'));
		expect(s.errors).toEqual([]);
	});

	it('each tour step is an entry: Back goes to the previous step', async () => {
		s = await open({ width: 1280, height: 800 });
		const { page } = s;
		await page.goto(`${s.base}/?lang=en&tour=air-cargo&step=0`);
		await mapReady(page);
		const counter = page.getByTestId('tour-step');
		await expect.poll(() => counter.innerText()).toMatch(/^1 \//);
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect.poll(() => counter.innerText()).toMatch(/^2 \//);
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect.poll(() => counter.innerText()).toMatch(/^3 \//);
		await page.goBack();
		await expect.poll(() => counter.innerText()).toMatch(/^2 \//);
		expect(await page.evaluate(() => new URLSearchParams(location.search).get('step'))).toBe('1');
		expect(s.errors).toEqual([]);
	});
});

describe('the opening view', () => {
	it.each([
		[1440, 900],
		[1280, 720]
	])('at %i×%i frames Wuhan and Hefei both', async (width, height) => {
		s = await open({ width, height });
		await s.page.goto(`${s.base}/?lang=en`);
		await mapReady(s.page);
		const inView = await s.page.evaluate(() => {
			const m = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
			const c = m.getCanvas();
			const inside = ([lon, lat]: [number, number]) => {
				const p = m.project([lon, lat]);
				return p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight;
			};
			// GeoNames city points of the two capitals
			return { wuhan: inside([114.26667, 30.58333]), hefei: inside([117.28083, 31.86389]) };
		});
		expect(inView).toEqual({ wuhan: true, hefei: true });
		// the camera it opened on is the state's and the link's
		await s.page.waitForFunction(() => /[?&]c=1(1[4-6])\./.test(location.search));
		await shot(s.page, `opening-${width}x${height}`);
	});
});
