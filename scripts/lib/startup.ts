/**
 * Start-up measurement of one page load (npm run bench, scripts/trace-startup.ts): the page's own
 * long tasks (PerformanceObserver 'longtask'), when the map canvas appeared, when the map was first
 * idle with the data drawn (a performance mark the page sets), and the bytes it transferred.
 * Everything is read from inside the page, so the figures are the browser's, not the harness's.
 */
import type { Browser, Page } from 'playwright-core';
import { enableTestHooks } from './chromium';

export interface StartupSample {
	/** navigation start → the map's canvas is in the document */
	canvas: number;
	/** navigation start → the map's first 'idle' with the data layers drawn */
	idle: number;
	/** navigation start → the data files have arrived (app: atlas:fetched, bare: bare:fetched) */
	fetched: number;
	/** sum over long tasks of (duration − 50 ms), navigation → quiet */
	tbt: number;
	/** the same, only tasks that start once the data has arrived */
	tbtAfterData: number;
	longest: number;
	/** long tasks, navigation → quiet */
	tasks: { start: number; duration: number }[];
	/** bytes over the wire (transferSize: compressed, headers included), page and every resource */
	bytes: number;
}

/** Installed before the page's scripts: long tasks and the canvas's arrival, kept on window. */
const OBSERVE = `(() => {
	const w = window;
	w.__startup = { tasks: [], canvas: null };
	try {
		new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__startup.tasks.push({ start: e.startTime, duration: e.duration }); })
			.observe({ type: 'longtask', buffered: true });
	} catch {}
	const seen = () => { if (w.__startup.canvas === null && document.querySelector('canvas')) w.__startup.canvas = performance.now(); return w.__startup.canvas !== null; };
	new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(document, { childList: true, subtree: true });
})()`;

/** Wait until no long task has started or ended for `quietMs` (bounded by `maxMs`). */
async function waitQuiet(page: Page, quietMs: number, maxMs: number) {
	await page.evaluate(
		`new Promise((resolve) => {
			const t0 = performance.now();
			const tick = () => {
				const ts = window.__startup.tasks;
				const last = ts.length ? Math.max(...ts.map((t) => t.start + t.duration)) : 0;
				const now = performance.now();
				if (now - Math.max(last, t0) >= ${quietMs} || now - t0 > ${maxMs}) resolve(null); else setTimeout(tick, 100);
			};
			tick();
		})`
	);
}

export async function measureStartup(browser: Browser, url: string, marks: { idle: string; fetched: string }, viewport = { width: 1440, height: 900 }): Promise<StartupSample> {
	const context = await browser.newContext({ viewport });
	await enableTestHooks(context);
	await context.addInitScript(OBSERVE);
	const page = await context.newPage();
	try {
		await page.goto(url);
		// a function, not source text: the site's CSP forbids eval, which a string predicate needs
		await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks.idle, { timeout: 300_000, polling: 100 });
		// long tasks right after idle (labels, the list, …) still belong to start-up
		await waitQuiet(page, 1500, 30_000);
		const r = (await page.evaluate(`(() => {
			const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
			const nav = performance.getEntriesByType('navigation')[0];
			const bytes = (nav?.transferSize ?? 0) + performance.getEntriesByType('resource').reduce((s, e) => s + (e.transferSize || 0), 0);
			return { canvas: window.__startup.canvas, idle: mark(${JSON.stringify(marks.idle)}), fetched: mark(${JSON.stringify(marks.fetched)}), tasks: window.__startup.tasks, bytes };
		})()`)) as { canvas: number; idle: number; fetched: number; tasks: { start: number; duration: number }[]; bytes: number };
		const blocking = (ts: { duration: number }[]) => ts.reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
		return {
			...r,
			tbt: blocking(r.tasks),
			tbtAfterData: blocking(r.tasks.filter((t) => t.start >= r.fetched)),
			longest: r.tasks.reduce((m, t) => Math.max(m, t.duration), 0)
		};
	} finally {
		await context.close();
	}
}

export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median of each figure over the samples. */
export function medianSample(xs: StartupSample[]): Omit<StartupSample, 'tasks'> {
	const k = ['canvas', 'idle', 'fetched', 'tbt', 'tbtAfterData', 'longest', 'bytes'] as const;
	return Object.fromEntries(k.map((key) => [key, median(xs.map((x) => x[key]))])) as Omit<StartupSample, 'tasks'>;
}
