/** Guided tours: data in geodata/tours.json, validated by the data build, played by TourPlayer. */
import { z } from '../data/zod';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-85).max(85);

export const tourStepSchema = z.strictObject({
	/** the view as a query string of the URL codec, e.g. "c=114.3,30.6,9&l=airports&sel=wuhan-tianhe-airport" */
	state: z.string().min(1),
	caption_zh: z.string().trim().min(1),
	caption_en: z.string().trim().min(1),
	/**
	 * What the step must show, fitted to the visible map whatever the frame: feature ids (every waypoint
	 * of a corridor counts), and/or a box [west, south, east, north]. Without either, the selected
	 * feature; the camera in `state` is the fallback when none of these can be drawn.
	 */
	show: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).min(1).max(40).optional(),
	bbox: z.tuple([lon, lat, lon, lat]).refine((b) => b[0] < b[2] && b[1] < b[3], 'bbox must be [west, south, east, north] with west < east and south < north').optional(),
	/** speaker notes (presenter view or notes=1 only): from the caption and the plans it cites, nothing else */
	notes_zh: z.string().trim().min(1).optional(),
	notes_en: z.string().trim().min(1).optional()
});
export type TourStep = z.output<typeof tourStepSchema>;

export const tourSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	title_zh: z.string().trim().min(1),
	title_en: z.string().trim().min(1),
	/** the plan documents the tour is built from */
	plans: z.array(z.string()).min(1),
	steps: z.array(tourStepSchema).min(1)
});
export type Tour = z.output<typeof tourSchema>;
export const toursFileSchema = z.array(tourSchema);
