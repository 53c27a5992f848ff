/**
 * One count (#14 item 6): result.visibleCount, "features that pass the filters and whose layer is on",
 * is the number the filter summary, the list button, the list's rows and the legend (its layers that are
 * on) all show. Checked on the real data for random filters and layer sets.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { applyFilters } from '../../src/lib/state/filters';
import { GROUP_IDS } from '../../src/lib/legend';
import { KINDS, CITIES, STATUSES } from '../../src/lib/data/schema';
import { EMPTY_FILTERS, type Filters } from '../../src/lib/state/state';
import { loadGeodata } from './helpers';

const { compiled } = loadGeodata();
const props = compiled.map((f) => f.properties);

describe('one definition of the shown count', () => {
	it('visibleCount = rows of the mask = the legend numbers of the layers that are on', () => {
		fc.assert(
			fc.property(
				fc.subarray([...KINDS]),
				fc.subarray([...CITIES]),
				fc.subarray([...STATUSES]),
				fc.boolean(),
				fc.subarray([...GROUP_IDS]),
				(kinds, cities, statuses, hasTargets, layers) => {
					const f: Filters = { ...structuredClone(EMPTY_FILTERS), kinds, cities, statuses, hasTargets };
					const r = applyFilters(props, f, layers);
					const rows = r.mask.reduce((a, b) => a + b, 0);
					const legendOn = layers.reduce((a, g) => a + (r.countByGroup.get(g) ?? 0), 0);
					expect(rows).toBe(r.visibleCount);
					expect(legendOn).toBe(r.visibleCount);
				}
			),
			{ numRuns: 150 }
		);
	});
});
