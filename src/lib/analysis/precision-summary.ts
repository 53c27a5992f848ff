/** How many proximity matches rest on imprecise locations (the feature itself or a hub it is near). */
import type { NearTerm } from '../state/state';
import type { ProximityIndex } from './proximity';

const RANK: Record<string, number> = { site: 0, area: 1, schematic: 2, city: 3, unlocated: 4 };

export interface PrecisionSummary {
	matches: number;
	/** matches whose least precise location (feature or nearest hub of a term) is of this precision */
	area: number;
	schematic: number;
	city: number;
}

export function precisionSummary(mask: Uint8Array, ix: ProximityIndex, terms: readonly NearTerm[], known: boolean): PrecisionSummary {
	const out: PrecisionSummary = { matches: 0, area: 0, schematic: 0, city: 0 };
	const cols = terms.map((t) => ix.column(t.group, known));
	for (let i = 0; i < mask.length; i++) {
		if (!mask[i]) continue;
		out.matches++;
		let worst = RANK[ix.precision(i)];
		for (const c of cols) {
			const j = c.of[i];
			// the nearest hub is the one the distance rests on
			if (j >= 0) worst = Math.max(worst, RANK[ix.precision(j)]);
		}
		if (worst === 1) out.area++;
		else if (worst === 2) out.schematic++;
		else if (worst >= 3) out.city++;
	}
	return out;
}
