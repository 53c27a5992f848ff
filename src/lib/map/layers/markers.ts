/** Point markers: each legend group's symbol in its colour, main hubs larger. */
import { IconLayer } from '@deck.gl/layers';
import type { PointRec } from '../prepare';
import { GROUPS, PRECISION_STYLE } from '../../legend';
import { filterProps, type LayerView } from './view';

const symbolOf = new Map(GROUPS.map((g) => [g.id, g.symbol === 'line' ? 'circle' : g.symbol]));

export const markerSize = (d: Pick<PointRec, 'rank' | 'precision'>) =>
	(d.rank === 0 ? 22 : d.rank === 1 ? 18 : 15) * (d.precision === 'city' ? PRECISION_STYLE.citySizeFactor : 1);

export function markersLayer(points: PointRec[], v: LayerView) {
	return new IconLayer<PointRec>({
		id: 'markers',
		data: points,
		iconAtlas: v.icons.atlas as never,
		iconMapping: v.icons.mapping,
		getIcon: (d) => symbolOf.get(d.group) ?? 'circle',
		getPosition: (d) => d.position,
		// markers sharing one spot sit side by side (prepare.ts separateColocated)
		getPixelOffset: (d) => d.offset,
		getSize: markerSize,
		sizeUnits: 'pixels',
		getColor: (d) => [...d.color, 255],
		pickable: true,
		autoHighlight: true,
		highlightColor: [255, 200, 0, 255],
		...filterProps<PointRec>(v)
	});
}
