import { describe, it, expect } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { loadGeodata } from './helpers';
import { prepareLayers } from '../../src/lib/map/prepare';
import { labelData, labelFilter } from '../../src/lib/map/layers/labels';
import { middleOf, corridorLabelLayer } from '../../src/lib/map/layers/corridor-labels';
import { applyFilters } from '../../src/lib/state/filters';
import { EMPTY_FILTERS } from '../../src/lib/state/state';
import { DEFAULT_LAYERS } from '../../src/lib/legend';

const { compiled } = loadGeodata();
const props = compiled.map((f) => f.properties);
const prepared = prepareLayers(compiled);
const data = labelData(prepared, compiled);
const labelled = data.features.map((f) => f.properties!.i as number);
const lines = data.features.filter((f) => f.geometry.type === 'LineString');
const points = data.features.filter((f) => f.geometry.type === 'Point');

/** evaluate a MapLibre filter on a source feature (type 1 point, 2 line), as MapLibre does */
const passes = (flt: unknown, f: GeoJSON.Feature, zoom = 5) =>
	featureFilter(flt as FilterSpecification, 'filter').filter({ zoom }, { type: f.geometry.type === 'Point' ? 1 : 2, properties: f.properties, geometry: [] } as never);

/** the corridor names the map is asked to draw for a filter state */
function corridorLabels(filters: typeof EMPTY_FILTERS, layers: readonly string[] = DEFAULT_LAYERS, selected: number | null = null) {
	const r = applyFilters(props, filters, layers);
	const f = labelFilter(r.mask, selected, labelled);
	return {
		corridor: lines.filter((l) => passes(f.corridor, l)).map((l) => props[l.properties!.i].id).sort(),
		// the point layers never take a line, and the corridor layer never a point
		pointLayersTakeLines: lines.some((l) => [f.label, f.hubLabel, f.space, f.hubSpace, f.selected].some((x) => passes(x, l, 12))),
		corridorTakesPoints: points.some((p) => passes(f.corridor, p)),
		mask: r.mask
	};
}

describe('corridor labels along the lines', () => {
	it('one label per drawn corridor, named in both languages, on a stretch of its own line', () => {
		const drawn = new Set(prepared.paths.map((p) => p.i));
		expect(lines.length).toBe(drawn.size);
		for (const l of lines) {
			expect(l.properties!.name_zh).toBe(props[l.properties!.i].name_zh);
			expect(l.properties!.name_en).toBe(props[l.properties!.i].name_en);
			expect((l.geometry as GeoJSON.LineString).coordinates.length).toBeGreaterThanOrEqual(2);
		}
	});
	it('labels exactly the corridors that pass the filters (default view)', () => {
		const r = corridorLabels(structuredClone(EMPTY_FILTERS));
		const expected = [...new Set(prepared.paths.map((p) => p.i))].filter((i) => r.mask[i] === 1).map((i) => props[i].id).sort();
		expect(r.corridor).toEqual(expected);
		expect(r.corridor.length).toBeGreaterThan(0);
		expect(r.pointLayersTakeLines).toBe(false);
		expect(r.corridorTakesPoints).toBe(false);
	});
	it('city filter hefei: only Hefei corridors are labelled', () => {
		const r = corridorLabels({ ...structuredClone(EMPTY_FILTERS), cities: ['hefei'] });
		expect(r.corridor.length).toBeGreaterThan(0);
		expect(r.corridor).toContain('hefei-china-europe-rail');
		for (const id of r.corridor) expect(props.find((p) => p.id === id)!.city).toBe('hefei');
	});
	it('a kind filter without corridors labels none; the language picks the name field', () => {
		expect(corridorLabels({ ...structuredClone(EMPTY_FILTERS), kinds: ['bonded-zone'] }).corridor).toEqual([]);
		expect(corridorLabelLayer('s', ['==', 1, 1], 'zh').layout!['text-field']).toEqual(['get', 'name_zh']);
		expect(corridorLabelLayer('s', ['==', 1, 1], 'en').layout!['text-field']).toEqual(['get', 'name_en']);
		expect(corridorLabelLayer('s', ['==', 1, 1], 'en').layout!['symbol-placement']).toBe('line');
	});
	it("middleOf keeps the given middle of a line, in order", () => {
		expect(middleOf([[0, 0], [10, 0]], 0.25, 0.75)).toEqual([[2.5, 0], [7.5, 0]]);
		expect(middleOf([[0, 0], [4, 0], [4, 4]], 0.25, 0.75)).toEqual([[2, 0], [4, 0], [4, 2]]);
	});
});

describe('the label line', async () => {
	const { simplifyPath, labelLine } = await import('../../src/lib/map/layers/corridor-labels');
	it('simplifyPath drops the small wiggles, keeps the big bend', () => {
		expect(simplifyPath([[0, 0], [5, 0.1], [10, 0]], 0.5)).toEqual([[0, 0], [10, 0]]);
		expect(simplifyPath([[0, 0], [5, 5], [10, 0]], 0.5)).toEqual([[0, 0], [5, 5], [10, 0]]);
	});
	it('labelLine is the middle stretch of the line', () => {
		expect(labelLine([[0, 0], [10, 0]])).toEqual([[2, 0], [8, 0]]);
	});
});
