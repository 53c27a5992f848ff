/**
 * What every deck.gl layer function reads: the view (filter split for the GPU, selection, hover)
 * and the shared DataFilterExtension props. Layers are pure functions of (prepared data, LayerView).
 */
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { IconAtlas } from '../../legend';

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
	icons: IconAtlas;
	/** corridor colour by origin city instead of by group (cc=city); null/absent = by group */
	lineColour?: ((i: number) => [number, number, number]) | null;
}

/** One instance each: deck.gl compares extensions by identity. */
export const filterExtension = new DataFilterExtension({ filterSize: 1, categorySize: 2 });
export const dashExtension = new PathStyleExtension({ dash: true });

/** The GPU filter props every layer shares: categories never change, `rest` by its version. */
export function filterProps<T extends { i: number }>(v: LayerView) {
	const { kind, city } = v.categories;
	return {
		extensions: [filterExtension],
		getFilterCategory: (d: T) => [kind[d.i], city[d.i]],
		filterCategories: [v.kinds, v.cities],
		getFilterValue: (d: T) => v.rest[d.i],
		filterRange: [1, 1] as [number, number],
		updateTriggers: { getFilterValue: v.restVersion }
	};
}
