/** What is near a platform: the nearest airport, port and rail hub, and other platforms close by. */
import type { CompiledFeature } from '../data/types';
import { anchorOf, km, nearest, type LonLat } from './geo';

export const HUB_KINDS = ['airport', 'port', 'rail-hub'] as const;
export type HubKind = (typeof HUB_KINDS)[number];

export interface NearbyHub {
	kind: HubKind;
	feature: CompiledFeature;
	km: number;
}

/** Corridors have no single place: they get no "nearest" answers. */
export function anchorForNearby(f: CompiledFeature): LonLat | null {
	const g = f.geometry;
	if (!g || g.type === 'LineString' || g.type === 'MultiLineString') return null;
	return anchorOf(g);
}

export function nearestHubs(f: CompiledFeature, all: CompiledFeature[]): NearbyHub[] {
	const from = anchorForNearby(f);
	if (!from) return [];
	const out: NearbyHub[] = [];
	for (const kind of HUB_KINDS) {
		const cands = all.filter((c) => c.properties.kind === kind && c.properties.location.precision !== 'unlocated');
		const n = nearest(from, cands, anchorForNearby, (c) => c.properties.id === f.properties.id);
		if (n) out.push({ kind, feature: n.item, km: n.km });
	}
	return out;
}

export function platformsWithin(f: CompiledFeature, all: CompiledFeature[], radiusKm: number, limit = 8) {
	const from = anchorForNearby(f);
	if (!from) return [];
	const out: { feature: CompiledFeature; km: number }[] = [];
	for (const c of all) {
		if (c.properties.id === f.properties.id || c.properties.kind === 'city') continue;
		const a = anchorForNearby(c);
		if (!a) continue;
		const d = km(from, a);
		if (d <= radiusKm) out.push({ feature: c, km: d });
	}
	return out.sort((a, b) => a.km - b.km).slice(0, limit);
}
