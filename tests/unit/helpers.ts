/** Shared by the unit tests: the real geodata, validated and compiled as the build does it. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateFeatures, validatePlans } from '../../src/lib/data/validate';
import { compileFeature } from '../../src/lib/data/compile';
import type { CompiledFeature } from '../../src/lib/data/types';

export const root = join(import.meta.dirname, '..', '..');
export const geodata = join(root, 'geodata');

export function loadGeodata() {
	const read = (f: string) => ({ name: f, json: JSON.parse(readFileSync(join(geodata, f), 'utf8')) });
	const { plans, errors: pe } = validatePlans(read('plans.json'));
	const files = readdirSync(geodata).filter((f) => f.endsWith('.geojson')).sort().map(read);
	const r = validateFeatures(files, plans);
	const compiled: CompiledFeature[] = [];
	for (const [file, feats] of r.byFile) for (const f of feats) compiled.push(compileFeature(f, file.replace('.geojson', '')));
	return { plans, errors: [...pe, ...r.errors], features: r.features, compiled };
}
