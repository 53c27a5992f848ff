/**
 * npm run data — validate geodata/ and compile it to static/data/atlas.topojson.
 * Fails (exit 1) on any invalid file, naming the file, the feature and the field, and then leaves the
 * outputs of the last good build untouched: everything is written to temporary files beside them and
 * renamed into place only once all are complete.
 *   GEODATA_DIR=… DATA_OUT=… override the folders; GEODATA_LAYERS=a,b the expected layer files (the tests).
 *   DATA_ALL_ERRORS=1 prints every error, not only the first cause per file.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, renameSync, rmSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { validatePlans, validateFeatures, formatError, parseSource, type SourceFile, type ValidationError } from '../src/lib/data/validate';
import { compileTopology } from '../src/lib/data/compile';
import { featuresFromTopology } from '../src/lib/data/load';
import { proximityTable } from '../src/lib/analysis/proximity';
import type { AtlasFeature } from '../src/lib/data/schema';
import type { DataManifest } from '../src/lib/data/types';
import { validateTours } from '../src/lib/tours/validate';

const root = join(import.meta.dirname, '..');
const src = process.env.GEODATA_DIR ?? join(root, 'geodata');
const out = process.env.DATA_OUT ?? join(root, 'static', 'data');
/** The layer files the atlas is made of: one missing or empty is an error, never a silently absent layer. */
const EXPECTED_LAYERS = (process.env.GEODATA_LAYERS ?? 'cities,corridors,parks,transport-nodes,zones').split(',').filter(Boolean);
/** ~25× today's atlas: past this something pasted a blob into the data. */
const MAX_ATLAS_BYTES = 10 * 1024 * 1024;

function read(path: string): SourceFile {
	const name = relative(process.cwd(), path) || path;
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		return { name, json: null, parseError: `cannot read file (${(e as Error).message})` };
	}
	return parseSource(name, bytes);
}

function fail(all: ValidationError[]): never {
	// the first cause per file: later errors in a broken file are usually its echoes
	const byFile = new Map<string, ValidationError[]>();
	for (const e of all) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
	const every = process.env.DATA_ALL_ERRORS === '1';
	console.error(`✖ geodata is invalid: ${all.length} error(s) in ${byFile.size} file(s)`);
	for (const [file, list] of byFile) {
		for (const e of every ? list : list.slice(0, 1)) console.error('  ' + formatError(e));
		if (!every && list.length > 1) console.error(`    … and ${list.length - 1} more in ${file} (DATA_ALL_ERRORS=1 lists them)`);
	}
	process.exit(1);
}

const plansFile = read(join(src, 'plans.json'));
const { plans, errors: planErrors } = validatePlans(plansFile);
const layerFiles = readdirSync(src)
	.filter((f) => f.endsWith('.geojson'))
	.sort();
const missing: ValidationError[] = EXPECTED_LAYERS.filter((l) => !layerFiles.includes(`${l}.geojson`)).map((l) => ({
	file: relative(process.cwd(), join(src, `${l}.geojson`)) || l,
	feature: null,
	field: null,
	message: `expected layer file is missing (expected: ${EXPECTED_LAYERS.join(', ')})`
}));
if (layerFiles.length === 0 && EXPECTED_LAYERS.length === 0) missing.push({ file: src, feature: null, field: null, message: 'no .geojson layer files found' });
const files = layerFiles.map((f) => read(join(src, f)));
const { features, errors, byFile, complete } = validateFeatures(files, plans);
const empty: ValidationError[] = files
	.filter((f) => !f.parseError && EXPECTED_LAYERS.includes(f.name.replace(/^.*[\\/]/, '').replace(/\.geojson$/, '')))
	.filter((f) => Array.isArray((f.json as { features?: unknown })?.features) && (f.json as { features: unknown[] }).features.length === 0)
	.map((f) => ({ file: f.name, feature: null, field: 'features', message: 'expected layer has no features' }));
const toursFile = read(join(src, 'tours.json'));
const { tours, errors: tourErrors } = validateTours(
	toursFile,
	complete && missing.length === 0 ? new Set(features.map((f) => f.properties.id)) : null,
	plans.length ? new Set(plans.map((p) => p.id)) : null
);
const all = [...planErrors, ...missing, ...empty, ...errors, ...tourErrors];
if (all.length) fail(all);

const layers = new Map<string, AtlasFeature[]>();
for (const f of files) layers.set(f.name.replace(/^.*[\\/]/, '').replace(/\.geojson$/, ''), byFile.get(f.name) ?? []);
const topo = compileTopology(layers);
const text = JSON.stringify(topo);
const bytes = Buffer.byteLength(text);
if (bytes > MAX_ATLAS_BYTES)
	fail([{ file: 'atlas.topojson', feature: null, field: null, message: `would be ${bytes.toLocaleString('en')} bytes, over the ${MAX_ATLAS_BYTES.toLocaleString('en')}-byte limit` }]);
const version = createHash('sha256').update(text).update(JSON.stringify(plans)).digest('hex').slice(0, 12);
// distance columns from the features exactly as the page decodes them (quantized), so they equal its own
const proximity = JSON.stringify(proximityTable(featuresFromTopology(topo), version));
const manifest: DataManifest = {
	version,
	built: new Date().toISOString(),
	layers: Object.fromEntries([...layers].map(([k, v]) => [k, v.length])),
	bytes
};

// all or nothing: write every output to a temporary file (flushed to disk), then rename them into place,
// the manifest last so it never names data that is not there; on any error remove the temporaries
const outputs: [string, string][] = [
	['atlas.topojson', text],
	['plans.json', JSON.stringify(plans)],
	['tours.json', JSON.stringify(tours)],
	['proximity.json', proximity],
	['manifest.json', JSON.stringify(manifest, null, 1)]
];
mkdirSync(out, { recursive: true });
const tmp = (name: string) => join(out, `.${name}.${process.pid}.tmp`);
try {
	for (const [name, body] of outputs) {
		writeFileSync(tmp(name), body);
		const fd = openSync(tmp(name), 'r');
		fsyncSync(fd);
		closeSync(fd);
	}
	for (const [name] of outputs) renameSync(tmp(name), join(out, name));
} catch (e) {
	for (const [name] of outputs) rmSync(tmp(name), { force: true });
	console.error(`✖ could not write the data to ${relative(root, out) || out}: ${(e as Error).message}; the previous outputs are unchanged`);
	process.exit(1);
}

const count = (key: (f: AtlasFeature) => string) => {
	const m = new Map<string, number>();
	for (const f of features) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
	return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
};
console.log(`✔ geodata valid: ${features.length} features from ${files.length} layer files, ${plans.length} plans`);
console.log(`  tours: ${tours.map((t) => `${t.id} (${t.steps.length} steps)`).join(', ') || 'none'}`);
console.log(`  per layer: ${[...layers].map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
console.log(`  per kind:  ${count((f) => f.properties.kind)}`);
console.log(`  per city:  ${count((f) => f.properties.city)}`);
console.log(`  per precision: ${count((f) => f.properties.location.precision)}`);
console.log(
	`  wrote ${relative(root, join(out, 'atlas.topojson'))}: ${bytes.toLocaleString('en')} bytes (${gzipSync(text).length.toLocaleString('en')} gzip), data version ${version}`
);
console.log(`  wrote ${relative(root, join(out, 'proximity.json'))}: ${Buffer.byteLength(proximity).toLocaleString('en')} bytes (${gzipSync(proximity).length.toLocaleString('en')} gzip)`);
