/**
 * Plans over time (#13): the timeline plays through the years with the counts the computation gives,
 * the edition comparison shows the computed change counts, and /plans/ renders every chart with its
 * table twin, in both languages, with no page error and no request leaving the origin.
 */
import { describe, it, expect, afterEach, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { open, mapReady, mapSettled, shot, close, OUT, shareBrowserInFile, type Session } from './harness';
import { featuresFromTopology } from '../../src/lib/data/load';
import { applyFilters } from '../../src/lib/state/filters';
import { EMPTY_FILTERS } from '../../src/lib/state/state';
import { GROUPS } from '../../src/lib/legend';
import { compareEditions, previousYear, timelineMarks, timelineYears } from '../../src/lib/analysis/changes';
import { measures } from '../../src/lib/analysis/targets';
import type { CompiledProperties } from '../../src/lib/data/types';

const root = join(import.meta.dirname, '..', '..');
let props: CompiledProperties[] = [];
beforeAll(() => {
	props = featuresFromTopology(JSON.parse(readFileSync(join(root, 'build/data/atlas.topojson'), 'utf8'))).map((f) => f.properties);
});
const defaultLayers = GROUPS.filter((g) => g.defaultOn).map((g) => g.id);
const shownAt = (year: number | null) => applyFilters(props, { ...structuredClone(EMPTY_FILTERS), statusYear: year }, defaultLayers);

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

describe('timeline', () => {
	it('plays through every year; shown count, marks and URL follow the computed sets', async () => {
		s = await open();
		const { page } = s;
		await page.goto(`${s.base}/?lang=en`);
		await mapReady(page);
		await page.click('#tab-time');
		// the timeline panel is loaded on first use: wait for its years
		await page.locator('[data-testid="tl-year"]').first().waitFor();
		const years = timelineYears(props);
		expect(await page.locator('[data-testid="tl-year"]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.year)))).toEqual(years);
		type Snap = { year: number; playing: boolean; status: string; marks: Record<string, number> };
		// record a snapshot of the panel on every change it makes (a MutationObserver, so no step can be
		// missed however slow the machine); the last one of each year is that year's settled state
		await page.evaluate(() => {
			const w = window as unknown as { __tl: Snap[]; __tlObs: MutationObserver };
			w.__tl = [];
			const snap = () => {
				const play = document.querySelector('[data-testid="tl-play"]');
				if (!play) return; // the panel is not shown (another tab)
				w.__tl.push({
					year: Number((document.querySelector('[data-testid="tl-year"][aria-pressed="true"]') as HTMLElement | null)?.dataset.year ?? NaN),
					playing: play.getAttribute('aria-pressed') === 'true',
					status: document.querySelector('[data-testid="tl-status"]')?.textContent ?? '',
					marks: Object.fromEntries([...document.querySelectorAll('[data-testid="tl-marks"] > li')].map((e) => [(e as HTMLElement).dataset.mark, Number((e as HTMLElement).dataset.count)]))
				});
			};
			// the panel only: the rest of the page (list, labels) changes too and need not be snapshotted
			w.__tlObs = new MutationObserver(snap);
			w.__tlObs.observe(document.querySelector('[data-testid="timeline"]')!, { subtree: true, childList: true, attributes: true, characterData: true });
		});
		await page.click('[data-testid="tl-play"]');
		// it plays through once and stops at the last year
		await page.waitForSelector(`[data-testid="tl-year"][data-year="${years[years.length - 1]}"][aria-pressed="true"]`, { timeout: 120_000 });
		await page.waitForSelector('[data-testid="tl-play"][aria-pressed="false"]', { timeout: 60_000 });
		await page.waitForFunction((yy) => location.search.includes(`y=${yy}`) && !location.search.includes('play=1'), years[years.length - 1]);
		const snaps = await page.evaluate(() => {
			const w = window as unknown as { __tl: Snap[]; __tlObs: MutationObserver };
			w.__tlObs.disconnect();
			return w.__tl;
		});
		const lastOf = new Map<number, Snap>();
		for (const sn of snaps) if (Number.isFinite(sn.year)) lastOf.set(sn.year, sn);
		const seen = new Set(lastOf.keys());
		for (const [y, snap] of lastOf) {
			expect(snap.status, `status at ${y}`).toContain(`${y}`);
			expect(snap.status, `count at ${y}`).toContain(`${shownAt(y).visibleCount} shown`);
			expect(snap.marks, `marks at ${y}`).toEqual(timelineMarks(props, y, previousYear(years, y)).counts);
		}
		expect([...seen].sort((a, b) => a - b), 'every year shown while playing').toEqual(years);
		// the legend counts are those of the last year
		await page.click('#tab-layers');
		const last = shownAt(years[years.length - 1]);
		const total = [...last.countByGroup.values()].reduce((a, b) => a + b, 0);
		const legend = await page.locator('.side .count').evaluateAll((els) => els.map((e) => Number(e.textContent)));
		expect(legend.reduce((a, b) => a + b, 0)).toBe(total);
		// a still of one year to look at
		await page.click('#tab-time');
		await page.click('[data-testid="tl-year"][data-year="2023"]');
		await page.waitForSelector('[data-testid="tl-year"][data-year="2023"][aria-pressed="true"]');
		await mapSettled(page);
		await shot(page, 'timeline-2023');
	}, 240_000);

	it('is keyboard operable and a play=1 link keeps still under reduced motion', async () => {
		s = await open();
		const { page } = s;
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto(`${s.base}/?lang=en&y=2018&play=1`);
		await mapReady(page);
		await page.waitForSelector('[data-testid="tl-play"][aria-pressed="false"]');
		expect(await page.locator('[data-testid="tl-status"]').textContent()).toContain('reduced motion');
		await page.focus('[data-testid="tl-year"][data-year="2018"]');
		await page.keyboard.press('ArrowRight');
		const years = timelineYears(props);
		const next = years[years.indexOf(2018) + 1];
		await page.waitForSelector(`[data-testid="tl-year"][data-year="${next}"][aria-pressed="true"]`);
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.year)).toBe(String(next));
		await page.waitForFunction((yy) => location.search.includes(`y=${yy}`) && !location.search.includes('play=1'), next);
	}, 180_000);
});

describe('what changed between two plan editions', () => {
	it('chg=2018,2023 shows the computed counts, both citations and a CSV', async () => {
		s = await open();
		const { page } = s;
		await page.goto(`${s.base}/?lang=en&chg=2018,2023`);
		await mapReady(page);
		await page.waitForSelector('[data-testid="chg-counts"]');
		const set = compareEditions(props, 2018, 2023);
		for (const k of ['added', 'upgraded', 'downgraded', 'dropped', 'unchanged', 'not-covered'] as const)
			expect(Number(await page.locator(`[data-testid="chg-count-${k}"]`).textContent()), k).toBe(set.counts[k]);
		expect(await page.locator('[data-testid="chg-counts"] tr[data-change="renamed"]').textContent()).toContain('Not recorded');
		expect(await page.locator('[data-testid="chg-item"]').count()).toBe(set.changes.length);
		const upgraded = page.locator('[data-testid="chg-item"][data-change="upgraded"]').first();
		if (set.counts.upgraded) expect((await upgraded.textContent())!.match(/·/g)!.length).toBeGreaterThanOrEqual(3);
		const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chg-csv"]')]);
		const csv = readFileSync((await dl.path())!, 'utf8').trim().split('\n');
		expect(csv.length).toBe(set.changes.length + 1);
		await shot(page, 'changes-2018-2023');
	}, 180_000);
});

describe('/plans/', () => {
	for (const lang of ['en', 'zh'] as const)
		it(`renders every chart with its table twin (${lang})`, async () => {
			s = await open({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', width: 1200, height: 900 });
			const { page } = s;
			await page.goto(`${s.base}/plans/?lang=${lang}`);
			const ms = measures(props);
			await page.waitForSelector('[data-testid="chart"] svg', { timeout: 60_000 });
			await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chart"] svg[data-testid="chart-svg"]').length === n, ms.length, { timeout: 60_000 });
			const charts = await page.locator('[data-testid="chart"]').evaluateAll((els) =>
				els.map((e) => ({
					key: (e as HTMLElement).dataset.measure,
					marks: Number((e as HTMLElement).dataset.marks),
					links: e.querySelectorAll('svg a').length,
					titles: [...e.querySelectorAll('svg a title')].filter((x) => x.textContent!.length > 10).length,
					rows: e.querySelectorAll('table tbody tr').length
				}))
			);
			expect(charts.map((c) => c.key)).toEqual(ms.map((m) => m.key));
			for (const c of charts) {
				expect(c.rows, `${c.key} table rows`).toBe(c.marks);
				expect(c.links, `${c.key} linked marks`).toBe(c.marks);
				expect(c.titles, `${c.key} cited marks`).toBe(c.marks);
			}
			// the plans list: a title per plan, never a file code, and a link filtering the atlas
			const rows = await page.locator('[data-testid="plan-row"] th').allTextContents();
			expect(rows.length).toBe(5);
			for (const r of rows) expect(r).not.toMatch(/\d{3}_[0-9a-f]{6}/);
			expect(await page.locator('[data-testid="plan-link"]').first().getAttribute('href')).toMatch(/\?p=\d{3}&lang=/);
			expect(await page.locator('[data-testid="cmp-targets"] tbody tr').count()).toBeGreaterThanOrEqual(2);
			await shot(page, `plans-${lang}`);
			await page.locator('#m-trains-per-year').screenshot({ path: join(OUT, `chart-trains-${lang}.png`) });
			await page.locator('#m-gdp').screenshot({ path: join(OUT, `chart-gdp-${lang}.png`) });
			if (lang === 'en') {
				// focus a mark: its citation is written under the chart
				await page.locator('#m-trains-per-year svg a').first().focus();
				expect(await page.locator('#m-trains-per-year [data-testid="chart-focused"]').textContent()).toMatch(/Source: .+, /);
				const [png] = await Promise.all([page.waitForEvent('download'), page.click('#m-trains-per-year [data-testid="chart-png"]')]);
				const img = PNG.sync.read(readFileSync((await png.path())!));
				expect(img.width).toBeGreaterThan(300);
				const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#m-trains-per-year [data-testid="chart-csv"]')]);
				expect(readFileSync((await csv.path())!, 'utf8').trim().split('\n').length).toBe(ms.find((m) => m.key === 'trains-per-year')!.points.length + 1);
				const a = readFileSync((await png.path())!);
				await import('node:fs').then((fs) => fs.writeFileSync(join(OUT, 'chart-trains-export.png'), a));
			}
		}, 180_000);
});
