/** The measure tool's figures: a path's great-circle length, and the features within a radius of a point. */
import type { CompiledFeature } from '../data/types';
import { km, type LonLat } from './geo';
import { shapeOf, shapeKm } from './proximity';

export function pathKm(points: readonly LonLat[]): number {
	let total = 0;
	for (let i = 1; i < points.length; i++) total += km(points[i - 1], points[i]);
	return total;
}

/** Located features within `radius` km of `centre` (a line by its nearest point), nearest first. */
export function within(centre: LonLat, radius: number, features: readonly CompiledFeature[], skip?: string): { feature: CompiledFeature; km: number }[] {
	const out: { feature: CompiledFeature; km: number }[] = [];
	for (const f of features) {
		if (f.properties.id === skip) continue;
		const s = shapeOf(f.geometry);
		if (!s) continue;
		const d = shapeKm({ type: 'point', at: centre }, s);
		if (d <= radius) out.push({ feature: f, km: d });
	}
	return out.sort((a, b) => a.km - b.km);
}
