/** Guided tours: data in geodata/tours.json, validated by the data build, played by TourPlayer. */
import { z } from '../data/zod';

export const tourStepSchema = z.strictObject({
	/** the view as a query string of the URL codec, e.g. "c=114.3,30.6,9&l=airports&sel=wuhan-tianhe-airport" */
	state: z.string().min(1),
	caption_zh: z.string().trim().min(1),
	caption_en: z.string().trim().min(1)
});

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
