/**
 * Plans over time (#13): a coloured ring round each marker the timeline or the edition comparison
 * marks (new, upgraded, downgraded, no longer named). Drawn under the markers, filtered on the GPU
 * like them; its data is rebuilt only when the marks change (a year step), not on a filter change.
 */
import { IconLayer } from '@deck.gl/layers';
import type { PointRec } from '../prepare';
import { filterProps, type LayerView } from './view';
import type { MapMark } from '../../state/atlas.svelte';

export const MARK_COLORS: Record<MapMark, [number, number, number]> = {
	new: [0, 150, 70],
	added: [0, 150, 70],
	upgraded: [30, 90, 220],
	downgraded: [225, 110, 0],
	dropped: [110, 110, 110]
};

export interface MarkedPoint extends PointRec {
	mark: MapMark;
}

export function markedPoints(points: readonly PointRec[], marks: readonly (MapMark | null)[] | null): MarkedPoint[] {
	if (!marks) return [];
	const out: MarkedPoint[] = [];
	for (const p of points) {
		const m = marks[p.i];
		if (m) out.push({ ...p, mark: m });
	}
	return out;
}

export function marksLayer(data: MarkedPoint[], v: LayerView) {
	return new IconLayer<MarkedPoint>({
		id: 'plan-marks',
		data,
		visible: data.length > 0,
		iconAtlas: v.icons.atlas as never,
		iconMapping: v.icons.mapping,
		getIcon: () => 'ring',
		getPosition: (d) => d.position,
		getPixelOffset: (d) => d.offset,
		getSize: (d) => (d.mark === 'dropped' ? 26 : 30),
		sizeUnits: 'pixels',
		getColor: (d) => [...MARK_COLORS[d.mark], d.mark === 'dropped' ? 200 : 240],
		...filterProps<MarkedPoint>(v)
	});
}
