/**
 * The production build in build/ (issue #16, items 12 and 13): no third-party URL the code could request,
 * and the licences of what it ships. Reads files only (it sits with the browser tests because it needs
 * the build they need).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it, expect } from 'vitest';

const BUILD = join(import.meta.dirname, '..', '..', 'build');
const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const code = files(BUILD).filter((f) => /\.(m?js|html)$/.test(f));

/**
 * Every http(s) URL that may stay in the shipped code, and why it is no request. Anything else fails
 * (e.g. the unpkg.com worker URL loaders.gl used to carry, see scripts/vite-plugins.ts).
 */
const ALLOWED: [RegExp, string][] = [
	[/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml)$/, 'XML namespace names for createElementNS (Svelte, MapLibre)'],
	[/^http:\/\/www\.w3\.org\/(1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/)$/, 'XML namespace names in d3-selection (Observable Plot, /plans/): identifiers, never fetched'],
	[/^https?:\/\/json-schema\.org\/(draft\/2020-12\/schema|draft-07\/schema#|draft-04\/schema#)$/, "zod's toJSONSchema $schema identifiers (names, not fetched)"],
	[/^https:\/\/svelte\.dev\/e\/[a-z_]*$/, "links in Svelte's error messages"],
	[/^https:\/\/paraglidejs\.com\/errors#[a-z-]+$/, "link in Paraglide's error message"],
	[/^https:\/\/maplibre\.org\/$/, "MapLibre's logo/attribution link: a link the reader may follow, not a request"],
	[/^https:\/\/github\.com\/maplibre\/maplibre-gl-js\/blob\/v[\d.]+\/LICENSE\.txt$/, "MapLibre's licence comment"],
	[/^https:\/\/github\.com\/mapbox\/mapbox-gl-js\/issues\/2907$/, "link in a MapLibre warning text (too many glyphs)"],
	[/^https:\/\/wiki\.openstreetmap\.org\/wiki\/This_map_requires_WebGL$/, "link in MapLibre's no-WebGL error text"],
	[/^https:\/\/en\.wikipedia\.org\/wiki\/[A-Za-z_#-]+$/, 'references in comments/messages of math.gl and luma.gl'],
	[/^https:\/\/maplibre\.invalid\/$/, 'a base for parsing relative URLs in MapLibre (.invalid never resolves, RFC 2606)'],
	[/^http:\/\/example\.com$/, 'a base for parsing relative URLs (loaders.gl); never fetched'],
	[/^http:\/\/fallback\.com$/, 'loaders.gl: a base origin when there is no window; never fetched'],
	[/^http:\/\/\[\$\{e\}\]$/, "zod's IPv6 check builds a URL string to parse"],
	[/^https:\/\/example\.org$/, "the example origin in this atlas's own host= notice (embed_host_invalid)"],
	[/^https?:\/\/$/, 'scheme prefixes in startsWith checks']
];

describe('shipped code requests nothing from third parties (12)', () => {
	it('has code to scan', () => expect(code.length).toBeGreaterThan(10));
	it('every http(s) URL in build/ JS and HTML is on the allow-list', () => {
		const found = new Map<string, string>();
		for (const f of code)
			for (const m of readFileSync(f, 'utf8').matchAll(/https?:\/\/[^\s"'`<>()\\,，。）]*/g)) found.set(m[0].replace(/[.;:]$/, ''), relative(BUILD, f));
		const unexplained = [...found].filter(([u]) => !ALLOWED.some(([re]) => re.test(u))).map(([u, f]) => `${u}  (in ${f})`);
		expect(unexplained).toEqual([]);
		expect([...found.keys()].filter((u) => /unpkg\.com|jsdelivr|cdn\./.test(u))).toEqual([]);
	});
});

describe('licence notices ship with the build (13)', () => {
	const notices = join(BUILD, 'THIRD_PARTY_NOTICES.txt');
	it('THIRD_PARTY_NOTICES.txt names each bundled package with its licence text', () => {
		expect(existsSync(notices), 'build/THIRD_PARTY_NOTICES.txt').toBe(true);
		const text = readFileSync(notices, 'utf8');
		const names = [...text.matchAll(/^Name: (.+)$/gm)].map((m) => m[1]);
		for (const pkg of ['maplibre-gl', '@deck.gl/core', '@luma.gl/webgl', 'svelte', '@sveltejs/kit', 'topojson-client', 'fuse.js', 'zod', '@inlang/paraglide-js'])
			expect(names, pkg).toContain(pkg);
		// every entry carries its licence text, not only an identifier
		const blocks = text.split(/^-{72}$/m);
		expect(blocks.length).toBe(names.length);
		for (const b of blocks) expect(b, b.slice(0, 80)).toMatch(/License Text:\n===\n\s*\S/);
		// nothing that is only used at build time (the basemap and data builds, tests)
		for (const pkg of ['pinyin-pro', 'topojson-server', 'vite', 'vitest', 'playwright-core', '@turf/kinks']) expect(names).not.toContain(pkg);
	});
	it('every JavaScript chunk points to the notices', () => {
		const chunks = files(join(BUILD, '_app', 'immutable')).filter((f) => f.endsWith('.js'));
		expect(chunks.length).toBeGreaterThan(5);
		const without = chunks.filter((f) => !readFileSync(f, 'utf8').includes('Third-party licences: THIRD_PARTY_NOTICES.txt')).map((f) => relative(BUILD, f));
		expect(without).toEqual([]);
	});
});
