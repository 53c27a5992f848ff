/** fast-check arbitraries shared by the state tests. */
import fc from 'fast-check';
import type { AtlasState } from '../../src/lib/state/state';
import { CITIES, KINDS, STATUSES, INDUSTRIES, LEVELS } from '../../src/lib/data/schema';
import { PLAN_IDS } from '../../src/lib/data/plans';
import { GROUP_IDS } from '../../src/lib/legend';

const sub = <T>(xs: readonly T[]) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: xs.length });
const fixed = (min: number, max: number, d: number) => fc.integer({ min: Math.round(min * 10 ** d), max: Math.round(max * 10 ** d) }).map((n) => n / 10 ** d);
const idArb = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);

/** proximity terms: distinct groups, km in (0, 20000] with up to 2 decimals */
export const nearArb = fc.uniqueArray(
	fc.record({ group: fc.constantFrom(...GROUP_IDS), km: fc.integer({ min: 1, max: 2_000_000 }).map((n) => n / 100) }),
	{ maxLength: 4, selector: (t) => t.group }
);

export const stateArb: fc.Arbitrary<AtlasState> = fc.record({
	camera: fc.record({ lon: fixed(-180, 180, 5), lat: fixed(-85, 85, 5), zoom: fixed(0, 22, 2), bearing: fixed(-180, 360, 1), pitch: fixed(0, 85, 1) }),
	layers: sub(GROUP_IDS),
	filters: fc.record({
		kinds: sub(KINDS),
		cities: sub(CITIES),
		statuses: sub(STATUSES),
		statusYear: fc.option(fc.integer({ min: 2000, max: 2035 }), { nil: null }),
		plans: sub(PLAN_IDS as readonly string[]),
		levels: sub(LEVELS),
		industries: sub(INDUSTRIES as readonly string[]),
		hasTargets: fc.boolean(),
		near: nearArb,
		nearKnown: fc.boolean()
	}),
	selected: fc.option(idArb, { nil: null }),
	lang: fc.constantFrom('zh' as const, 'en' as const),
	basemap: fc.constantFrom('offline' as const, 'online' as const),
	tour: fc.option(fc.record({ id: idArb, step: fc.integer({ min: 0, max: 999 }) }), { nil: null }),
	dataVersion: fc.option(fc.stringMatching(/^[0-9a-f]{12}$/), { nil: null }),
	compare: fc.oneof(fc.constant([] as string[]), fc.uniqueArray(idArb, { minLength: 2, maxLength: 4 })),
	corridorColour: fc.constantFrom('group' as const, 'city' as const),
	timeline: fc.record({
		playing: fc.boolean(),
		compare: fc.option(
			fc.tuple(fc.integer({ min: 2000, max: 2035 }), fc.integer({ min: 2000, max: 2035 })).filter(([a, b]) => a < b),
			{ nil: null }
		)
	})
}) as fc.Arbitrary<AtlasState>;

