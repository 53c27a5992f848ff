/**
 * One symbol per city point for the features the plans place only in that city: a ring with the
 * number of them that pass the filters (none drawn when 0). It stands for a list, not for sites;
 * clicking it opens that list. Counts are a CPU pass over a few dozen groups per change.
 */
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { CityGroupRec } from '../prepare';

export interface CityGroupShown extends CityGroupRec {
	count: number;
	/** holds the selected feature */
	selected: boolean;
	/** its index in the prepared groups (the label source's ring spaces are keyed by it) */
	k: number;
}

export function cityGroupsShown(groups: CityGroupRec[], counts: Uint16Array, selected: number | null): CityGroupShown[] {
	const out: CityGroupShown[] = [];
	groups.forEach((g, k) => {
		if (counts[k] > 0) out.push({ ...g, count: counts[k], selected: selected !== null && g.members.includes(selected), k });
	});
	return out;
}

export const groupRadiusPx = (count: number) => Math.min(22, 11 + 2.2 * Math.sqrt(count));

export function cityGroupLayers(shown: CityGroupShown[]) {
	return [
		new ScatterplotLayer<CityGroupShown>({
			id: 'city-groups',
			data: shown,
			visible: shown.length > 0,
			getPosition: (d) => d.position,
			getRadius: (d) => groupRadiusPx(d.count),
			radiusUnits: 'pixels',
			stroked: true,
			filled: true,
			getFillColor: [255, 255, 255, 235],
			getLineColor: (d) => (d.selected ? [20, 20, 20, 255] : [90, 90, 90, 230]),
			getLineWidth: (d) => (d.selected ? 3 : 2),
			lineWidthUnits: 'pixels',
			pickable: true,
			autoHighlight: true,
			highlightColor: [255, 200, 0, 120]
		}),
		new TextLayer<CityGroupShown>({
			id: 'city-group-counts',
			data: shown,
			visible: shown.length > 0,
			getPosition: (d) => d.position,
			getText: (d) => String(d.count),
			getSize: 12,
			sizeUnits: 'pixels',
			getColor: [40, 40, 40, 255],
			fontWeight: 700,
			fontFamily: 'system-ui, sans-serif',
			characterSet: '0123456789',
			getTextAnchor: 'middle',
			getAlignmentBaseline: 'center'
		})
	];
}
