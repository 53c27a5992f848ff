/**
 * Time to market: from a platform, each corridor with an origin terminal the atlas locates — the
 * straight-line km to that terminal, then the corridor's stated length and days to its far end.
 * Only recorded figures: a length or time the plans do not state stays null ("not stated"); the drawn
 * line's own length is given apart, marked approximate when the line is schematic.
 */
import type { CompiledFeature } from '../data/types';
import type { CorridorFacts } from '../data/schema';
import { featureKm } from './proximity';

export interface MarketRoute {
	corridor: CompiledFeature;
	terminal: CompiledFeature;
	/** great-circle km from the platform to the terminal */
	km: number;
	facts: CorridorFacts;
	/** length of the drawn line (km), and whether that line is only schematic */
	drawnKm: number | null;
	schematic: boolean;
}

export function timeToMarket(f: CompiledFeature, all: readonly CompiledFeature[], limit = 8): MarketRoute[] {
	if (!f.geometry || f.properties.corridor) return [];
	const byId = new Map(all.map((x) => [x.properties.id, x]));
	const out: MarketRoute[] = [];
	for (const c of all) {
		const facts = c.properties.corridor;
		if (!facts) continue;
		let best: { terminal: CompiledFeature; km: number } | null = null;
		for (const o of facts.origins) {
			const t = o.id ? byId.get(o.id) : undefined;
			if (!t?.geometry) continue;
			const km = t === f ? 0 : featureKm(f, t);
			if (!best || km < best.km) best = { terminal: t, km };
		}
		if (best) out.push({ corridor: c, ...best, facts, drawnKm: c.properties.length_km, schematic: c.properties.location.precision === 'schematic' });
	}
	return out.sort((a, b) => a.km - b.km || a.corridor.properties.id.localeCompare(b.corridor.properties.id)).slice(0, limit);
}
