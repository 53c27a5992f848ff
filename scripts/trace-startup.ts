/**
 * Start-up profile of the production build: one Chrome trace (with the V8 sampling profiler) of the
 * atlas opening at 1440×900, and a summary of each long task on the page's main thread: what ran in
 * it (script evaluation of which chunk, which function calls, GC), the user-timing spans it overlaps
 * (atlas:* marks and measures the app sets) and the functions that took most of its time.
 *   npx tsx scripts/trace-startup.ts [url-path]   (after npm run build; the trace goes to test-output/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve';
import { launch, enableTestHooks } from './lib/chromium';

interface Ev {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: { data?: Record<string, unknown>; name?: string } & Record<string, unknown>;
}
interface Node {
	id: number;
	parent?: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const root = join(import.meta.dirname, '..');
const short = (u: string) => (u ? u.replace(/^.*\/(_app\/immutable\/|basemap\/|data\/)/, '$1').replace(/^https?:\/\/[^/]+\//, '') : '');

export function summarise(events: Ev[], minMs = 50): string {
	// the page's renderer: the process whose main thread set the user-timing marks
	const um = events.find((e) => e.cat.includes('blink.user_timing') && /^(atlas|bare):/.test(e.name));
	const mainThread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!um || e.pid === um.pid))!;
	const { pid, tid } = mainThread;
	const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
	const navs = events.filter((e) => e.pid === pid && e.name === 'navigationStart').map((e) => e.ts).sort((a, b) => b - a);
	const t0 = navs[0] ?? Math.min(...onMain.filter((e) => e.ph === 'X').map((e) => e.ts));
	const rel = (ts: number) => (ts - t0) / 1000;
	// user timing: marks (instant) and the page's own measures (async begin/end pairs)
	const marks = events.filter((e) => e.pid === pid && e.cat.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'i'));
	const spans: { name: string; start: number; end: number }[] = [];
	const open = new Map<string, Ev>();
	for (const e of events.filter((e) => e.pid === pid && e.cat.includes('blink.user_timing') && (e.ph === 'b' || e.ph === 'e'))) {
		const key = `${e.name}|${e.id ?? ''}`;
		if (e.ph === 'b') open.set(key, e);
		else if (open.has(key)) {
			spans.push({ name: e.name, start: open.get(key)!.ts, end: e.ts });
			open.delete(key);
		}
	}
	// the sampling profiler: nodes and samples, over every chunk of the main thread's profile
	const nodes = new Map<number, Node>();
	const samples: { ts: number; node: number }[] = [];
	const profiles = events.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk'));
	const byId = new Map<string, number>();
	for (const p of profiles) {
		const d = p.args?.data as { startTime?: number; cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
		if (!d) continue;
		const key = p.id ?? '';
		if (p.name === 'Profile') {
			byId.set(key, d.startTime ?? p.ts);
			continue;
		}
		for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
		let t = byId.get(key) ?? p.ts;
		(d.cpuProfile?.samples ?? []).forEach((s, i) => {
			t += d.timeDeltas?.[i] ?? 0;
			samples.push({ ts: t, node: s });
		});
		byId.set(key, t);
	}
	samples.sort((a, b) => a.ts - b.ts);
	const label = (n: Node | undefined) => {
		if (!n) return '?';
		const f = n.callFrame;
		const name = f.functionName || '(anonymous)';
		return f.url ? `${name} ${short(f.url)}:${f.lineNumber + 1}` : name;
	};
	const tasks = onMain.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) >= minMs * 1000);
	const out: string[] = [];
	const user = marks.map((m) => `${m.name}@${rel(m.ts).toFixed(0)}`);
	out.push(`marks (ms from navigation): ${user.join('  ')}`);
	let tbt = 0;
	for (const t of tasks) {
		const end = t.ts + t.dur!;
		tbt += Math.max(0, t.dur! / 1000 - 50);
		const inside = onMain.filter((e) => e !== t && e.ph === 'X' && e.ts >= t.ts && e.ts < end);
		const kinds = new Map<string, number>();
		for (const e of inside) {
			const d = e.args?.data ?? {};
			let k = '';
			if (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') k = `evaluate ${short(String(d.url ?? ''))}`;
			else if (e.name === 'v8.compile' || e.name === 'v8.compileModule' || e.name === 'V8.CompileCode') k = `compile ${short(String(d.url ?? (e.args as Record<string, unknown>)?.fileName ?? ''))}`;
			else if (e.name === 'FunctionCall') k = `call ${d.functionName || '(anon)'} ${short(String(d.url ?? ''))}`;
			else if (/GC|gc/.test(e.name) && e.name !== 'BlinkGC.AtomicPhase') k = 'GC';
			else if (['Layout', 'UpdateLayoutTree', 'Paint', 'ParseHTML', 'ParseAuthorStyleSheet', 'FireAnimationFrame', 'TimerFire', 'HandlePostMessage', 'EventDispatch', 'ResourceReceivedData', 'XHRLoad', 'Decode Image'].includes(e.name)) k = e.name;
			if (k) kinds.set(k, (kinds.get(k) ?? 0) + (e.dur ?? 0) / 1000);
		}
		const during = spans.filter((s) => s.start < end && s.end > t.ts).map((s) => `${s.name} ${((Math.min(s.end, end) - Math.max(s.start, t.ts)) / 1000).toFixed(0)}ms`);
		const ms = marks.filter((m) => m.ts >= t.ts && m.ts < end).map((m) => m.name);
		// self time per function and time per "top frame of a chunk" from the samples in this task
		const self = new Map<string, number>();
		const ss = samples.filter((s) => s.ts >= t.ts && s.ts < end);
		for (let i = 0; i < ss.length; i++) {
			const dt = (i + 1 < ss.length ? ss[i + 1].ts : end) - ss[i].ts;
			const l = label(nodes.get(ss[i].node));
			self.set(l, (self.get(l) ?? 0) + dt / 1000);
		}
		const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).filter(([, v]) => v >= 3).map(([k, v]) => `${v.toFixed(0)}ms ${k}`);
		out.push(`\nlong task at ${rel(t.ts).toFixed(0)} ms: ${(t.dur! / 1000).toFixed(0)} ms`);
		if (ms.length) out.push(`  marks inside: ${ms.join(', ')}`);
		if (during.length) out.push(`  measures: ${during.join(', ')}`);
		out.push(...top(kinds, 8).map((s) => `  · ${s}`));
		const selfTop = top(self, 8);
		if (selfTop.length) out.push(`  self time: ${selfTop.join(' | ')}`);
	}
	out.push(`\n${tasks.length} tasks ≥ ${minMs} ms on the main thread; blocking time (Σ dur − 50 ms) ${tbt.toFixed(0)} ms`);
	return out.join('\n');
}

async function run() {
	const server = await serve(join(root, 'build'), 0);
	const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	const browser = await launch();
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await enableTestHooks(context);
	const page = await context.newPage();
	const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel', 'disabled-by-default-v8.cpu_profiler', 'loading'];
	await browser.startTracing(page, { categories, screenshots: false });
	await page.goto(`${base}${process.argv[2] ?? '/?lang=en'}`);
	// a function, not source text: the site's CSP forbids eval, which a string predicate needs
	await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0 || performance.getEntriesByName('bare:idle').length > 0, null, { timeout: 300_000, polling: 100 });
	// a quiet second after idle: labels and the list still belong to start-up
	await page.waitForTimeout(2500);
	const buf = await browser.stopTracing();
	await browser.close();
	server.close();
	const dir = join(root, 'test-output');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'startup-trace.json');
	writeFileSync(file, buf);
	const { traceEvents } = JSON.parse(buf.toString('utf8')) as { traceEvents: Ev[] };
	console.log(`trace: ${file} (${(buf.length / 1e6).toFixed(1)} MB)\n`);
	console.log(summarise(traceEvents));
}

if (import.meta.url === `file://${process.argv[1]}`)
	run().catch((e) => {
		console.error(e);
		process.exit(1);
	});
