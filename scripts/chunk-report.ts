/**
 * What the atlas route (/) loads before it can draw, gzip per chunk: the SvelteKit client entries,
 * the layout and the page nodes of "/" and everything they import statically, read from the Vite
 * manifest of the last build. Dynamic import()s (the split-off dialogs, tours, exports, charts) are
 * listed apart: they load only when used. MapLibre's worker is an asset, not a module: left out.
 *   npx tsx scripts/chunk-report.ts      (after npm run build; npm run bench prints it too)
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Entry {
	file: string;
	name?: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}
export interface Chunk {
	file: string;
	/** what it holds: the source of an entry, else the packages that make up most of it */
	what: string;
	gzip: number;
}

/** Packages a chunk's text comes from, guessed from the licence banners and module markers left in it. */
function contents(code: string): string {
	const marks: [RegExp, string][] = [
		[/maplibre-gl|MapLibre GL/i, 'maplibre-gl'],
		[/@deck\.gl|deck\.gl|DeckGL/, 'deck.gl'],
		[/luma\.gl|@luma\.gl/, 'luma.gl'],
		[/pinyin/i, 'pinyin-pro'],
		[/Fuse\b|fuse\.js/, 'fuse.js'],
		[/@turf|turf/, 'turf'],
		[/observablehq|Plot\./, 'observable plot'],
		[/ZodError|zod/, 'zod'],
		[/svelte/i, 'svelte']
	];
	const found = marks.filter(([re]) => re.test(code)).map(([, n]) => n);
	return found.join(', ');
}

export function routeChunks(clientDir: string, route = '/'): { main: Chunk[]; lazy: Chunk[] } {
	const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, Entry>;
	const appKey = Object.keys(manifest).find((k) => k.endsWith('client-optimized/app.js'))!;
	const appSrc = readFileSync(join(clientDir, '..', '..', 'generated', 'client-optimized', 'app.js'), 'utf8');
	// the dictionary maps routes to node indices: [page, …layouts]; node 0 is the root layout
	const dict = new Function(`return ${appSrc.match(/export const dictionary = (\{[\s\S]*?\});/)![1]}`)() as Record<string, number[]>;
	const nodes = [0, ...(dict[route] ?? [])].map((n) => Object.keys(manifest).find((k) => k.endsWith(`client-optimized/nodes/${n}.js`))!);
	const startKey = Object.keys(manifest).find((k) => k.endsWith('runtime/client/entry.js'))!;
	const seen = new Set<string>();
	const lazy = new Set<string>();
	const walk = (k: string) => {
		if (seen.has(k) || !manifest[k]) return;
		seen.add(k);
		for (const i of manifest[k].imports ?? []) walk(i);
		for (const d of manifest[k].dynamicImports ?? []) lazy.add(d);
	};
	for (const k of [startKey, appKey, ...nodes]) walk(k);
	const chunk = (k: string): Chunk => {
		const code = readFileSync(join(clientDir, manifest[k].file));
		const what = manifest[k].isEntry || manifest[k].src ? (manifest[k].src ?? k) : contents(code.toString('utf8'));
		return { file: manifest[k].file, what, gzip: gzipSync(code).length };
	};
	// dynamic imports of other routes' nodes (from app.js) are not this route's
	const lazyOwn = [...lazy].filter((k) => !seen.has(k) && !/client-optimized\/nodes\//.test(k) && !k.includes('error-template') && manifest[k]?.file.endsWith('.js'));
	// a lazy chunk's own static imports load with it
	const lazyChunks = new Set<string>();
	const walkLazy = (k: string) => {
		if (seen.has(k) || lazyChunks.has(k) || !manifest[k]) return;
		lazyChunks.add(k);
		for (const i of manifest[k].imports ?? []) walkLazy(i);
	};
	lazyOwn.forEach(walkLazy);
	const bySize = (a: Chunk, b: Chunk) => b.gzip - a.gzip;
	return { main: [...seen].map(chunk).sort(bySize), lazy: [...lazyChunks].map(chunk).sort(bySize) };
}

export function chunkReport(buildDir: string, limit = 550 * 1024): { text: string; mainGzip: number } {
	const clientDir = join(buildDir, '..', '.svelte-kit', 'output', 'client');
	if (!existsSync(join(clientDir, '.vite', 'manifest.json'))) return { text: 'Chunk report: no Vite manifest (run npm run build first)', mainGzip: NaN };
	const { main, lazy } = routeChunks(clientDir);
	const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
	const total = main.reduce((s, c) => s + c.gzip, 0);
	const lines = [
		`JS the atlas route (/) loads at start, gzip: ${kib(total).trim()} (${(total / 1000).toFixed(0)} kB; goal ≤ ${(limit / 1024).toFixed(0)} KiB, MapLibre's worker excluded)`,
		...main.map((c) => `  ${kib(c.gzip)}  ${c.file}  ${c.what}`),
		`Loaded on demand (dynamic import), gzip: ${kib(lazy.reduce((s, c) => s + c.gzip, 0)).trim()}`,
		...lazy.map((c) => `  ${kib(c.gzip)}  ${c.file}  ${c.what}`)
	];
	return { text: lines.join('\n'), mainGzip: total };
}

/**
 * Raw bytes per package (or src/ folder) of one chunk, from its source map (a BUILD_SOURCEMAP=1 build):
 * each generated segment counts for the source it maps to.
 */
async function modules(clientDir: string, file: string): Promise<[string, number][]> {
	const { SourceMapConsumer } = await import('source-map-js');
	const code = readFileSync(join(clientDir, file), 'utf8').split('\n');
	const map = new SourceMapConsumer(JSON.parse(readFileSync(join(clientDir, file + '.map'), 'utf8')));
	const bytes = new Map<string, number>();
	let prev: { line: number; col: number; src: string } | null = null;
	const add = (src: string, n: number) => bytes.set(src, (bytes.get(src) ?? 0) + n);
	const group = (src: string) => {
		const m = src.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
		return m ? m[1] : src.replace(/^.*?(src\/lib\/[^/]+|src\/routes|\.svelte-kit)\/.*$/, '$1');
	};
	map.eachMapping((m) => {
		if (prev && prev.line === m.generatedLine) add(prev.src, m.generatedColumn - prev.col);
		else if (prev) add(prev.src, code[prev.line - 1].length - prev.col);
		prev = { line: m.generatedLine, col: m.generatedColumn, src: m.source ? group(m.source) : '(unmapped)' };
	});
	return [...bytes].sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const build = join(import.meta.dirname, '..', 'build');
	console.log(chunkReport(build).text);
	if (process.argv.includes('--modules')) {
		const clientDir = join(build, '..', '.svelte-kit', 'output', 'client');
		for (const c of routeChunks(clientDir).main.slice(0, 6)) {
			if (!existsSync(join(clientDir, c.file + '.map'))) {
				console.log(`\n${c.file}: no source map (build with BUILD_SOURCEMAP=1)`);
				continue;
			}
			console.log(`\n${c.file} — raw bytes by package:`);
			for (const [k, n] of (await modules(clientDir, c.file)).slice(0, 15)) console.log(`  ${(n / 1024).toFixed(1).padStart(8)} KiB  ${k}`);
		}
	}
}
