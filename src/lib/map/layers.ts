/**
 * deck.gl layers as a pure function of (prepared data, view state). Filtering goes through
 * DataFilterExtension on the GPU: kind (with the layer toggles) and city are categories, so changing
 * them only changes a uniform; the other filters are one 0/1 attribute that is re-read only when
 * they change. Layer data is never rebuilt by a filter.
 */
import { IconLayer, PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { PreparedLayers, PointRec, PathRec, PolygonRec } from './prepare';
import type { IconAtlas } from './icons';
import { GROUPS } from '../state/groups';

export interface LayerView {
	/** kind and city index per feature (static per data set) */
	categories: { kind: Uint8Array; city: Uint8Array };
	/** kind and city indices drawn */
	kinds: number[];
	cities: number[];
	/** 1 = passes the other filters, per feature index */
	rest: Uint8Array;
	/** bumps whenever `rest` changes (deck.gl compares triggers, not array contents) */
	restVersion: number;
	selected: number | null;
	hovered: number | null;
	icons: IconAtlas | null;
}

const symbolOf = new Map(GROUPS.map((g) => [g.id, g.symbol === 'line' ? 'circle' : g.symbol]));
const filter = new DataFilterExtension({ filterSize: 1, categorySize: 2 });
const dash = new PathStyleExtension({ dash: true });

function filterProps<T extends { i: number }>(v: LayerView) {
	const { kind, city } = v.categories;
	return {
		extensions: [filter],
		// categories never change for a data set: no update trigger, computed once per layer
		getFilterCategory: (d: T) => [kind[d.i], city[d.i]],
		filterCategories: [v.kinds, v.cities],
		getFilterValue: (d: T) => v.rest[d.i],
		filterRange: [1, 1] as [number, number],
		updateTriggers: { getFilterValue: v.restVersion }
	};
}

export function buildLayers(data: PreparedLayers, v: LayerView): Layer[] {
	const layers: Layer[] = [];
	const sel = v.selected;
	const hov = v.hovered;

	// (labels are MapLibre symbols: see labels.ts; one label system, collision-aware with the basemap's)
	if (data.polygons.length)
		layers.push(
		new PolygonLayer<PolygonRec>({
			id: 'areas',
			data: data.polygons,
			getPolygon: (d: PolygonRec) => d.polygon,
			getFillColor: (d: PolygonRec) => [...d.color, 40],
			getLineColor: (d: PolygonRec) => [...d.color, 200],
			lineWidthMinPixels: 1.5,
			pickable: true,
			...filterProps<PolygonRec>(v),
			// an approximate outline is dashed, a defensible one solid
			extensions: [filter, dash],
			getDashArray: (d: PolygonRec) => (d.approximate ? [4, 3] : [0, 0]),
			dashJustified: true
		} as never)
	);

	layers.push(
		new PathLayer<PathRec>({
			id: 'corridors',
			data: data.paths,
			getPath: (d: PathRec) => d.path,
			getColor: (d: PathRec) => (d.i === sel ? [20, 20, 20, 255] : [...d.color, d.group === 'air-routes' ? 170 : 220]),
			getWidth: (d: PathRec) => (d.i === sel || d.i === hov ? 5 : d.group === 'air-routes' ? 1.6 : 3),
			widthUnits: 'pixels',
			widthMinPixels: 1,
			capRounded: true,
			jointRounded: true,
			pickable: true,
			autoHighlight: true,
			highlightColor: [255, 200, 0, 200],
			...filterProps<PathRec>(v),
			extensions: [filter, dash],
			// schematic corridors are dashed: drawn through waypoints, not along the real track
			getDashArray: (d: PathRec) => (d.schematic ? [5, 2.5] : [0, 0]),
			dashJustified: true,
			updateTriggers: { getFilterValue: v.restVersion, getColor: sel, getWidth: [sel, hov] }
		} as never)
	);

	// precision halos: area (~5 km) a translucent disc, city-level a hollow ring
	layers.push(
		new ScatterplotLayer<PointRec>({
			id: 'precision',
			data: data.halos,
			getPosition: (d) => d.position,
			getRadius: (d) => (d.precision === 'city' ? 2200 : 2500),
			radiusUnits: 'meters',
			// bounded on screen: a halo says "about here", it should not flood the map when zoomed in
			radiusMinPixels: 8,
			radiusMaxPixels: 24,
			stroked: true,
			filled: true,
			getFillColor: (d) => [...d.color, d.precision === 'city' ? 0 : 45],
			getLineColor: (d) => [...d.color, d.precision === 'city' ? 210 : 90],
			getLineWidth: (d) => (d.precision === 'city' ? 2 : 1),
			lineWidthUnits: 'pixels',
			...filterProps<PointRec>(v)
		})
	);

	if ((sel !== null || hov !== null) && v.icons) {
		// a white disc and a ring under the marker, as icons so they follow the marker's pixel offset
		const hl = data.points.filter((p) => p.i === sel || p.i === hov);
		const icons = v.icons;
		for (const part of ['circle', 'ring'] as const)
			layers.push(
				new IconLayer<PointRec>({
					id: `highlight-${part}`,
					data: hl,
					iconAtlas: icons.atlas as never,
					iconMapping: icons.mapping,
					getIcon: () => part,
					getPosition: (d) => d.position,
					getPixelOffset: (d) => d.offset,
					getSize: (d) => (d.i === sel ? 38 : 32),
					sizeUnits: 'pixels',
					getColor: (d) => (part === 'circle' ? [255, 255, 255, 215] : d.i === sel ? [20, 20, 20, 255] : [255, 170, 0, 255]),
					...filterProps<PointRec>(v)
				})
			);
	}

	if (v.icons) {
		layers.push(
			new IconLayer<PointRec>({
				id: 'markers',
				data: data.points,
				iconAtlas: v.icons.atlas as never,
				iconMapping: v.icons.mapping,
				getIcon: (d) => symbolOf.get(d.group) ?? 'circle',
				getPosition: (d) => d.position,
				// markers sharing one spot sit side by side (prepare.ts separateColocated)
				getPixelOffset: (d) => d.offset,
				getSize: (d) => (d.rank === 0 ? 22 : d.rank === 1 ? 18 : 15) * (d.precision === 'city' ? 0.75 : 1),
				sizeUnits: 'pixels',
				getColor: (d) => [...d.color, 255],
				pickable: true,
				autoHighlight: true,
				highlightColor: [255, 200, 0, 255],
				...filterProps<PointRec>(v)
			})
		);
	} else {
		layers.push(
			new ScatterplotLayer<PointRec>({
				id: 'markers',
				data: data.points,
				getPosition: (d) => d.position,
				getRadius: 7,
				radiusUnits: 'pixels',
				getFillColor: (d) => [...d.color, 255],
				stroked: true,
				getLineColor: [255, 255, 255, 255],
				lineWidthMinPixels: 1.5,
				pickable: true,
				...filterProps<PointRec>(v)
			})
		);
	}

	return layers;
}
