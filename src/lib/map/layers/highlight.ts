/**
 * The selected and hovered markers: a white disc and a ring under the marker, as icons so they
 * follow its pixel offset. Always in the layer list (toggled with `visible`, stable ids); its data
 * is the one or two records, rebuilt only when the selected or hovered index changes.
 */
import { IconLayer } from '@deck.gl/layers';
import type { PointRec } from '../prepare';
import { filterProps, type LayerView } from './view';

export function highlightPoints(points: PointRec[], selected: number | null, hovered: number | null): PointRec[] {
	if (selected === null && hovered === null) return [];
	return points.filter((p) => p.i === selected || p.i === hovered);
}

export function highlightLayers(hl: PointRec[], v: LayerView) {
	return (['circle', 'ring'] as const).map(
		(part) =>
			new IconLayer<PointRec>({
				id: `highlight-${part}`,
				data: hl,
				visible: hl.length > 0,
				iconAtlas: v.icons.atlas as never,
				iconMapping: v.icons.mapping,
				getIcon: () => part,
				getPosition: (d) => d.position,
				getPixelOffset: (d) => d.offset,
				getSize: (d) => (d.i === v.selected ? 38 : 32),
				sizeUnits: 'pixels',
				getColor: (d) => (part === 'circle' ? [255, 255, 255, 215] : d.i === v.selected ? [20, 20, 20, 255] : [255, 170, 0, 255]),
				...filterProps<PointRec>(v),
				updateTriggers: { getFilterValue: v.restVersion, getSize: v.selected, getColor: v.selected }
			})
	);
}
