/**
 * npm run data — validate geodata/ and compile it to static/data/atlas.topojson.
 * Fails (exit 1) on any invalid file, naming the file, the feature and the field.
 *   GEODATA_DIR=… DATA_OUT=… override the folders (the tests use them).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { validatePlans, validateFeatures, formatError, type SourceFile } from '../src/lib/data/validate';
import { compileTopology } from '../src/lib/data/compile';
import type { AtlasFeature } from '../src/lib/data/schema';
import type { DataManifest } from '../src/lib/data/types';
import { validateTours } from '../src/lib/tours/validate';

const root = join(import.meta.dirname, '..');
const src = process.env.GEODATA_DIR ?? join(root, 'geodata');
const out = process.env.DATA_OUT ?? join(root, 'static', 'data');

function read(path: string): SourceFile {
	const name = relative(process.cwd(), path) || path;
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		return { name, json: null, parseError: `cannot read file (${(e as Error).message})` };
	}
	try {
		return { name, json: JSON.parse(text) };
	} catch (e) {
		return { name, json: null, parseError: (e as Error).message };
	}
}

const plansFile = read(join(src, 'plans.json'));
const { plans, errors: planErrors } = validatePlans(plansFile);
const layerFiles = readdirSync(src)
	.filter((f) => f.endsWith('.geojson'))
	.sort();
if (layerFiles.length === 0) planErrors.push({ file: src, feature: null, field: null, message: 'no .geojson layer files found' });
const files = layerFiles.map((f) => read(join(src, f)));
const { features, errors, byFile } = validateFeatures(files, plans);
const toursFile = read(join(src, 'tours.json'));
const { tours, errors: tourErrors } = validateTours(toursFile, new Set(features.map((f) => f.properties.id)), new Set(plans.map((p) => p.id)));
const all = [...planErrors, ...errors, ...tourErrors];
if (all.length) {
	console.error(`✖ geodata is invalid: ${all.length} error(s)`);
	for (const e of all.slice(0, 200)) console.error('  ' + formatError(e));
	if (all.length > 200) console.error(`  … and ${all.length - 200} more`);
	process.exit(1);
}

const layers = new Map<string, AtlasFeature[]>();
for (const f of files) layers.set(f.name.replace(/^.*[\\/]/, '').replace(/\.geojson$/, ''), byFile.get(f.name) ?? []);
const topo = compileTopology(layers);
const text = JSON.stringify(topo);
const version = createHash('sha256').update(text).update(JSON.stringify(plans)).digest('hex').slice(0, 12);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'atlas.topojson'), text);
writeFileSync(join(out, 'plans.json'), JSON.stringify(plans));
writeFileSync(join(out, 'tours.json'), JSON.stringify(tours));
const manifest: DataManifest = {
	version,
	built: new Date().toISOString(),
	layers: Object.fromEntries([...layers].map(([k, v]) => [k, v.length])),
	bytes: text.length
};
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));

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
	`  wrote ${relative(root, join(out, 'atlas.topojson'))}: ${text.length.toLocaleString('en')} bytes (${gzipSync(text).length.toLocaleString('en')} gzip), data version ${version}`
);
