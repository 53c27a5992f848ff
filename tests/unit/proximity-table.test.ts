/**
 * #14 item 10: the hub-distance columns are built once by the data build (data/proximity.json) and
 * handed to the page, so neither the list nor an export builds them on the main thread. The table must
 * equal what the page would compute itself, and anything that does not fit the features is refused.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { featuresFromTopology } from '../../src/lib/data/load';
import { proximityIndex, proximityTable, seedProximity, PRECOMPUTED_COLUMNS, COLUMN_MEASURE, HUB_GROUPS } from '../../src/lib/analysis/proximity';
import { root } from './helpers';

const dataDir = join(root, 'static', 'data');
const built = existsSync(join(dataDir, 'proximity.json'));
const topoText = built ? readFileSync(join(dataDir, 'atlas.topojson'), 'utf8') : '';
/** a fresh decode each time: the index cache is per features array */
const decode = () => featuresFromTopology(JSON.parse(topoText));
const columnsBuilt = () => performance.getEntriesByName(COLUMN_MEASURE).length;

describe.skipIf(!built)('precomputed proximity table (npm run data output)', () => {
	const manifest = built ? JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) : null;
	const table = built ? JSON.parse(readFileSync(join(dataDir, 'proximity.json'), 'utf8')) : null;

	it('covers the hub columns, for the data version it ships with', () => {
		expect(table.version).toBe(manifest.version);
		expect(Object.keys(table.columns).sort()).toEqual(HUB_GROUPS.map((g) => `${g}|0`).sort());
		expect(PRECOMPUTED_COLUMNS.map((c) => c.group)).toEqual([...HUB_GROUPS]);
	});

	it('seeded columns equal the ones the page would build, and building them is skipped', () => {
		const fresh = proximityIndex(decode());
		const want = HUB_GROUPS.map((g) => fresh.column(g, false));
		const seededFeatures = decode();
		expect(seedProximity(seededFeatures, table, manifest.version)).toBe(true);
		const before = columnsBuilt();
		const seeded = proximityIndex(seededFeatures);
		HUB_GROUPS.forEach((g, k) => {
			const got = seeded.column(g, false);
			expect(columnsBuilt(), `${g}: taken from the table, not built`).toBe(before);
			expect(Array.from(got.of)).toEqual(Array.from(want[k].of));
			expect(Array.from(got.km)).toEqual(Array.from(want[k].km));
		});
		// a column the table does not carry is still built on first use
		seeded.column('parks', false);
		expect(columnsBuilt()).toBe(before + 1);
	});

	const variants: [string, (t: typeof table) => unknown, string?][] = [
		['another data version', (t) => t, 'not-this-version'],
		['null', () => null],
		['not an object', () => 'table'],
		['ids in another order', (t) => ({ ...t, ids: [...t.ids].reverse() })],
		['one id short', (t) => ({ ...t, ids: t.ids.slice(1) })],
		['a short column', (t) => ({ ...t, columns: { ...t.columns, 'ports|0': { km: t.columns['ports|0'].km.slice(1), of: t.columns['ports|0'].of } } })],
		['an index out of range', (t) => ({ ...t, columns: { ...t.columns, 'ports|0': { km: t.columns['ports|0'].km, of: t.columns['ports|0'].of.map(() => 1e9) } } })],
		['a negative km', (t) => ({ ...t, columns: { ...t.columns, 'rail|0': { km: t.columns['rail|0'].km.map(() => -1), of: t.columns['rail|0'].of } } })],
		['km without a feature', (t) => ({ ...t, columns: { ...t.columns, 'rail|0': { km: t.columns['rail|0'].km.map(() => 1), of: t.columns['rail|0'].of.map(() => -1) } } })]
	];
	it.each(variants)('refuses a table with %s (the page then builds the columns itself)', (_name, mutate, version) => {
		const feats = decode();
		expect(seedProximity(feats, mutate(table), version ?? manifest.version)).toBe(false);
		const before = columnsBuilt();
		proximityIndex(feats).column('ports', false);
		expect(columnsBuilt()).toBe(before + 1);
	});

	it('a table is refused once the index is in use (it would not be read)', () => {
		const feats = decode();
		proximityIndex(feats);
		expect(seedProximity(feats, table, manifest.version)).toBe(false);
	});

	it('round-trips: a table made from features seeds an equal index (Infinity as null)', () => {
		const a = decode();
		const t = JSON.parse(JSON.stringify(proximityTable(a, 'v1', [{ group: 'parks', known: true }])));
		expect(Object.values(t.columns as Record<string, { km: (number | null)[] }>)[0].km.some((k) => k === null)).toBe(true);
		const b = decode();
		expect(seedProximity(b, t, 'v1')).toBe(true);
		const before = columnsBuilt();
		expect(Array.from(proximityIndex(b).column('parks', true).km)).toEqual(Array.from(proximityIndex(a).column('parks', true).km));
		expect(columnsBuilt()).toBe(before);
	});
});
