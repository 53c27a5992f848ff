/**
 * Legend groups: how kinds are layered on the map, with each group's colour and symbol.
 * One table so the legend, the map and the filters can never disagree.
 */
import type { Kind } from '../data/schema';

export type Symbol = 'circle' | 'square' | 'diamond' | 'triangle' | 'star' | 'hexagon' | 'line' | 'ring';

export interface Group {
	id: string;
	kinds: Kind[];
	color: [number, number, number];
	symbol: Symbol;
	/** shown on first open */
	defaultOn: boolean;
}

export const GROUPS: Group[] = [
	{ id: 'ftz', kinds: ['ftz-area', 'ftz-linkage'], color: [214, 39, 40], symbol: 'star', defaultOn: true },
	{ id: 'bonded', kinds: ['bonded-zone', 'bonded-logistics-center'], color: [148, 103, 189], symbol: 'square', defaultOn: true },
	{ id: 'ports', kinds: ['port'], color: [31, 119, 180], symbol: 'circle', defaultOn: true },
	{ id: 'airports', kinds: ['airport'], color: [23, 190, 207], symbol: 'triangle', defaultOn: true },
	{ id: 'rail', kinds: ['rail-hub'], color: [140, 86, 75], symbol: 'square', defaultOn: true },
	{ id: 'entry', kinds: ['port-of-entry'], color: [255, 127, 14], symbol: 'diamond', defaultOn: true },
	{ id: 'rail-corridors', kinds: ['rail-corridor'], color: [140, 86, 75], symbol: 'line', defaultOn: true },
	{ id: 'river-corridors', kinds: ['river-corridor', 'waterway-works'], color: [31, 119, 180], symbol: 'line', defaultOn: true },
	{ id: 'sea-routes', kinds: ['sea-route'], color: [44, 160, 170], symbol: 'line', defaultOn: true },
	{ id: 'air-routes', kinds: ['air-route'], color: [23, 190, 207], symbol: 'line', defaultOn: true },
	{ id: 'road-corridors', kinds: ['road-corridor'], color: [127, 127, 127], symbol: 'line', defaultOn: true },
	{ id: 'dev-zones', kinds: ['dev-zone'], color: [188, 189, 34], symbol: 'hexagon', defaultOn: true },
	{ id: 'parks', kinds: ['industrial-park', 'cooperation-park'], color: [44, 160, 44], symbol: 'hexagon', defaultOn: true },
	{ id: 'logistics', kinds: ['logistics-park', 'logistics-hub'], color: [227, 119, 194], symbol: 'diamond', defaultOn: true },
	{ id: 'ecommerce', kinds: ['ecommerce-zone', 'market-procurement'], color: [255, 187, 0], symbol: 'circle', defaultOn: true },
	{ id: 'innovation', kinds: ['innovation-area'], color: [0, 150, 136], symbol: 'star', defaultOn: true },
	{ id: 'exhibition', kinds: ['exhibition-venue'], color: [233, 30, 99], symbol: 'triangle', defaultOn: true },
	{ id: 'exchange', kinds: ['international-exchange', 'business-district'], color: [63, 81, 181], symbol: 'diamond', defaultOn: true },
	{ id: 'overseas', kinds: ['overseas-park'], color: [96, 125, 139], symbol: 'circle', defaultOn: true },
	{ id: 'cities', kinds: ['city'], color: [90, 90, 90], symbol: 'ring', defaultOn: false }
];

const byKind = new Map<string, Group>();
for (const g of GROUPS) for (const k of g.kinds) byKind.set(k, g);

export function groupOf(kind: Kind): Group {
	const g = byKind.get(kind);
	if (!g) throw new Error(`kind ${kind} has no legend group`);
	return g;
}

export const GROUP_IDS = GROUPS.map((g) => g.id);

/** The groups switched on at first open (and after a reset). */
export const DEFAULT_LAYERS: readonly string[] = GROUPS.filter((g) => g.defaultOn).map((g) => g.id);
