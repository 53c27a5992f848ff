/**
 * The data build under broken or hostile geodata (issue #16, items 5–7). Pure cases go through the
 * validator; file-level cases (encoding, missing layers, atomic output, messages) run `npm run data`'s
 * script on a copy of geodata/ in a temporary folder, broken one way per case.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { validateFeatures, validatePlans, formatError, type SourceFile } from '../../src/lib/data/validate';
import { compileFeature } from '../../src/lib/data/compile';

const root = join(import.meta.dirname, '..', '..');
const fx = join(root, 'tests', 'fixtures', 'valid');
const plansJson = JSON.parse(readFileSync(join(fx, 'plans.json'), 'utf8'));
const { plans } = validatePlans({ name: 'plans.json', json: plansJson });
const base = JSON.parse(readFileSync(join(fx, 'layer.geojson'), 'utf8')).features[0];

let tmp = '';
beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'atlas-data-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const square = [[114.3, 30.5], [114.4, 30.5], [114.4, 30.6], [114.3, 30.6], [114.3, 30.5]];
/** The fixture's valid feature with one change applied. */
function feature(change: (f: any) => void) {
	const f = structuredClone(base);
	change(f);
	return f;
}
const check = (features: unknown[], extra: Record<string, unknown> = {}) =>
	validateFeatures([{ name: 'layer.geojson', json: { type: 'FeatureCollection', features, ...extra } }], plans);

describe('validator: wrong values are rejected (7)', () => {
	const cases: [string, () => { errors: { field: string | null; message: string }[] }, string, RegExp][] = [
		['plan date 2018-13-45', () => validatePlans({ name: 'plans.json', json: [{ ...plansJson[0], date: '2018-13-45' }] }), '[0].date', /calendar date/],
		['plan date 2018-02-30', () => validatePlans({ name: 'plans.json', json: [{ ...plansJson[0], date: '2018-02-30' }] }), '[0].date', /calendar date/],
		['plan date 2018-00', () => validatePlans({ name: 'plans.json', json: [{ ...plansJson[0], date: '2018-00' }] }), '[0].date', /calendar date/],
		['a script tag in name_en', () => check([feature((f) => (f.properties.name_en = 'Port <script>alert(1)</script>'))]), 'properties.name_en', /markup/],
		['an img tag in a citation summary', () => check([feature((f) => (f.properties.citations[0].summary_en = '<img src=x onerror=alert(1)>'))]), 'properties.citations[0].summary_en', /markup/],
		['an HTML comment in location.source', () => check([feature((f) => (f.properties.location.source = 'x <!-- y -->'))]), 'properties.location.source', /markup/],
		['U+FFFD (a lost character) in name_zh', () => check([feature((f) => (f.properties.name_zh = '测\uFFFD港'))]), 'properties.name_zh', /U\+FFFD/],
		['a 1 MB name_en', () => check([feature((f) => (f.properties.name_en = 'x'.repeat(1024 * 1024)))]), 'properties.name_en', /Too big|at most|<=/i],
		[
			'a self-intersecting polygon (bow tie)',
			() => check([feature((f) => (f.geometry = { type: 'Polygon', coordinates: [[[114.3, 30.5], [114.4, 30.6], [114.4, 30.5], [114.3, 30.6], [114.3, 30.5]]] }))]),
			'geometry.coordinates',
			/crosses itself/
		],
		[
			'an unclosed ring',
			() => check([feature((f) => (f.geometry = { type: 'Polygon', coordinates: [square.slice(0, 4).concat([[114.35, 30.55]])] }))]),
			'geometry.coordinates[0]',
			/not closed/
		],
		['a position with 4 numbers', () => check([feature((f) => (f.geometry.coordinates = [114.5, 30.6, 10, 1]))]), 'geometry.coordinates', /2 or 3 numbers/]
	];
	for (const [name, run, field, message] of cases)
		it(name, () => {
			const { errors } = run();
			expect(errors.map((e) => `${e.field}: ${e.message}`).join(' | ')).toMatch(message);
			expect(errors.some((e) => e.field === field && message.test(e.message)), JSON.stringify(errors).slice(0, 400)).toBe(true);
		});

	const fine: [string, string | null][] = [
		['2018-12-31', '2018-12-31'],
		['2018-02', '2018-02'],
		['2020-02-29', '2020-02-29'],
		['2018', '2018'],
		['null', null]
	];
	for (const [name, date] of fine)
		it(`accepts plan date ${name}`, () => expect(validatePlans({ name: 'p', json: [{ ...plansJson[0], date }] }).errors).toEqual([]));
	it('accepts a "<" that starts no tag (a < b, <5%)', () => {
		expect(check([feature((f) => (f.properties.citations[0].summary_en = 'share < 5% and a <= b'))]).errors).toEqual([]);
	});
});

describe('validator: valid GeoJSON is accepted (7)', () => {
	const cases: [string, unknown[], Record<string, unknown>, unknown][] = [
		['a 3-D point', [feature((f) => (f.geometry.coordinates = [114.5, 30.6, 25]))], {}, { type: 'Point', coordinates: [114.5, 30.6] }],
		[
			'a 3-D polygon',
			[feature((f) => (f.geometry = { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 12.5])] }))],
			{},
			{ type: 'Polygon', coordinates: [square] }
		],
		['a bbox on the feature', [feature((f) => (f.bbox = [114.5, 30.6, 114.5, 30.6]))], {}, { type: 'Point', coordinates: [114.5, 30.6] }],
		['a bbox on the geometry', [feature((f) => (f.geometry.bbox = [114.5, 30.6, 114.5, 30.6]))], {}, { type: 'Point', coordinates: [114.5, 30.6] }],
		['a bbox on the collection', [feature(() => {})], { bbox: [114, 30, 115, 31] }, { type: 'Point', coordinates: [114.5, 30.6] }]
	];
	for (const [name, features, extra, geometry] of cases)
		it(`${name}: accepted, compiled flat and without bbox`, () => {
			const r = check(features, extra);
			expect(r.errors.map(formatError)).toEqual([]);
			expect(compileFeature(r.features[0], 'layer').geometry).toEqual(geometry);
		});
});

describe('validator: one cause, one error (7)', () => {
	it('a feature with many bad fields gives one error', () => {
		const r = check([feature((f) => Object.assign(f.properties, { kind: 'x', city: 'y', status: 'z', citations: 1, id: 'wuhan-test-port' }))]);
		expect(r.errors.length).toBe(1);
	});
	it('unknown plans are not reported when plans.json itself failed', () => {
		expect(validateFeatures([{ name: 'layer.geojson', json: JSON.parse(readFileSync(join(fx, 'layer.geojson'), 'utf8')) }], []).errors).toEqual([]);
	});
	it('references into a file that did not parse are not reported', () => {
		const parent = feature((f) => (f.properties.parent = 'wuhan-elsewhere'));
		const files: SourceFile[] = [
			{ name: 'a.geojson', json: null, parseError: 'not valid JSON' },
			{ name: 'b.geojson', json: { type: 'FeatureCollection', features: [parent] } }
		];
		expect(validateFeatures(files, plans).errors.map((e) => e.file)).toEqual(['a.geojson']);
	});
});

/** A fresh copy of geodata/ with one change; runs the data build on it. */
function runData(name: string, change: (dir: string) => void, env: Record<string, string> = {}, shell = '') {
	const dir = join(tmp, name);
	cpSync(join(root, 'geodata'), dir, { recursive: true });
	change(dir);
	const out = join(tmp, `${name}-out`);
	const cmd = `${shell}exec "${process.execPath}" --import tsx scripts/build-data.ts`;
	const r = spawnSync('bash', ['-c', cmd], { cwd: root, env: { ...process.env, GEODATA_DIR: dir, DATA_OUT: out, ...env }, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr, dir, out };
}
const edit = (file: string, f: (text: string) => string) => (dir: string) => writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));

describe('npm run data: every expected layer is there and not empty (6)', () => {
	const cases: [string, (dir: string) => void, RegExp][] = [
		['cities.geojson deleted', (d) => rmSync(join(d, 'cities.geojson')), /cities\.geojson: expected layer file is missing/],
		['cities.geojson with features: []', (d) => writeFileSync(join(d, 'cities.geojson'), '{"type":"FeatureCollection","features":[]}'), /cities\.geojson › field "features": expected layer has no features/]
	];
	for (const [name, change, want] of cases)
		it(`${name} → exit 1`, () => {
			const r = runData(name.replace(/\W+/g, '-'), change);
			expect(r.status, r.stdout).toBe(1);
			expect(r.stderr).toMatch(want);
		}, 30_000);
});

describe('npm run data: file-level errors say where, visibly, once (7)', () => {
	const cases: [string, (dir: string) => void, RegExp, number][] = [
		[
			'non-UTF-8 bytes in a name',
			(d) => {
				const p = join(d, 'transport-nodes.geojson');
				const buf = readFileSync(p);
				const at = buf.indexOf('"name_en"');
				buf[at + 12] = 0xff; // inside the name's text
				writeFileSync(p, buf);
			},
			/transport-nodes\.geojson: not valid UTF-8 at line \d+, column \d+ \(byte \d+: FF/,
			1
		],
		['a byte-order mark', edit('parks.geojson', (t) => '\uFEFF' + t), /parks\.geojson: starts with a UTF-8 byte-order mark \(bytes EF BB BF, U\+FEFF\)/, 1],
		[
			'a missing comma at the end of line 2',
			edit('corridors.geojson', (t) => t.split('\n').map((l, i) => (i === 1 ? l.replace(/,\s*$/, '') : l)).join('\n')),
			// the parser stops at the next property: line 3, column 3 (after two spaces of indent)
			/corridors\.geojson: not valid JSON: Expected ',' or '}' after property value at line 3, column 3\n/,
			1
		],
		['plans.json unreadable (no cascade into every citation)', edit('plans.json', (t) => t.slice(0, 100)), /plans\.json: not valid JSON: .*line \d+, column \d+/, 1],
		['zones.geojson unreadable (no cascade into hubs, parents, tours)', edit('zones.geojson', (t) => t.replace('"FeatureCollection"', 'FeatureCollection')), /zones\.geojson: not valid JSON/, 1],
		['a 50 MB name_en', edit('parks.geojson', (t) => t.replace(/"name_en": "[^"]*"/, `"name_en": "${'x'.repeat(50 * 1024 * 1024)}"`)), /parks\.geojson: file is [\d,]+ bytes, over the/, 1]
	];
	for (const [name, change, want, n] of cases)
		it(`${name} → exit 1, ${n} error`, () => {
			const r = runData(name.replace(/\W+/g, '-'), change);
			expect(r.status, r.stdout).toBe(1);
			expect(r.stderr).toMatch(want);
			expect(r.stderr).toMatch(new RegExp(`: ${n} error\\(s\\)`));
			expect(r.stderr, 'no invisible characters in the message').not.toMatch(/[\uFEFF\uFFFD\u200B]/);
		}, 30_000);
});

describe('npm run data: outputs (5, and the byte count of 7)', () => {
	const names = ['atlas.topojson', 'manifest.json', 'plans.json', 'proximity.json', 'tours.json'];
	it('prints and records the bytes written, not characters', () => {
		const r = runData('ok', () => {});
		expect(r.status, r.stderr).toBe(0);
		const size = statSync(join(r.out, 'atlas.topojson')).size;
		expect(r.stdout).toContain(`atlas.topojson: ${size.toLocaleString('en')} bytes`);
		expect(JSON.parse(readFileSync(join(r.out, 'manifest.json'), 'utf8')).bytes).toBe(size);
	}, 30_000);

	const failures: [string, (dir: string) => void, string][] = [
		// ulimit -f: the kernel refuses writes past 200 KiB (EFBIG), as a full disk would (ENOSPC)
		['the disk fills while writing', edit('zones.geojson', (t) => t.replace('"name_en": "', '"name_en": "Changed ')), 'ulimit -f 200; '],
		['the new data is invalid', edit('zones.geojson', (t) => t.replace('"kind": "', '"kind": "x')), '']
	];
	for (const [name, change, shell] of failures)
		it(`${name}: exit 1 and the last good outputs stay byte-identical`, () => {
			const good = runData(`good-${name.replace(/\W+/g, '-')}`, () => {});
			expect(good.status).toBe(0);
			const before = names.map((n) => readFileSync(join(good.out, n)));
			const dir = join(tmp, `bad-${name.replace(/\W+/g, '-')}`);
			cpSync(join(root, 'geodata'), dir, { recursive: true });
			change(dir);
			const r = spawnSync('bash', ['-c', `${shell}exec "${process.execPath}" --import tsx scripts/build-data.ts`], {
				cwd: root,
				env: { ...process.env, GEODATA_DIR: dir, DATA_OUT: good.out },
				encoding: 'utf8'
			});
			expect(r.status).toBe(1);
			names.forEach((n, i) => expect(readFileSync(join(good.out, n)).equals(before[i]), `${n} changed`).toBe(true));
			expect(readdirSync(good.out).sort(), 'no temporary files left').toEqual([...names].sort());
			expect(existsSync(join(good.out, 'atlas.topojson'))).toBe(true);
		}, 40_000);
});
