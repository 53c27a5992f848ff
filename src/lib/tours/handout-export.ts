/**
 * Tour handout exports (issue #11 item 6), loaded on demand by TourExportDialog: every step captured
 * at 2× from the live map, then either a ZIP of PNGs (caption, plans and attribution drawn in) or the
 * images of a printable page (TourHandoutView.svelte).
 */
import type { Atlas } from '../state/atlas.svelte';
import type { Lang } from '../state/state';
import type { Tour } from './schema';
import { captureMap, canvasToPng } from '../share/png';
import { playSteps, liveMap } from './handout-capture';
import { stepPage, planLine, zipManifest, stepFileName, type StepPage, type FeatureInfo, type PlanInfo } from './handout-layout';
import { stepCard, type BandText } from './handout-draw';
import { zipFiles } from './zip';

export const HANDOUT_SCALE = 2;

export interface ExportText {
	lang: Lang;
	tourTitle: string;
	/** "Step {step} of {total}" in the reader's language */
	stepLabel: (step: number, total: number) => string;
	/** label of the plan lines when the step's feature is cited / when the tour's plans are listed */
	citedFeature: string;
	citedTour: string;
	attribution: string;
}

export function pagesOf(atlas: Atlas, tour: Tour, lang: Lang): StepPage[] {
	const data = atlas.loaded!.data;
	const features = new Map<string, FeatureInfo>();
	for (const f of data.features) features.set(f.properties.id, f.properties);
	return tour.steps.map((_, k) => stepPage(tour, k, lang, features, data.plans as PlanInfo[]));
}

export function bandText(page: StepPage, t: ExportText): BandText {
	return {
		heading: `${t.tourTitle} · ${t.stepLabel(page.step + 1, page.total)}${page.feature ? ' · ' + page.feature : ''}`,
		caption: page.caption,
		plans: [page.plansFrom === 'feature' ? t.citedFeature : t.citedTour, ...page.plans.map((p) => '• ' + planLine(p))],
		attribution: t.attribution
	};
}

type Progress = (done: number, total: number) => void;

/** The ZIP: one PNG per step (map at 2×, band under it) and manifest.json. */
export async function exportZip(atlas: Atlas, tour: Tour, text: ExportText, meta: { link: string }, onProgress: Progress, signal: AbortSignal): Promise<{ blob: Blob; count: number }> {
	const live = liveMap(atlas);
	if (!live) throw new Error('no map');
	const pages = pagesOf(atlas, tour, text.lang);
	const steps = tour.steps.map((_, k) => k);
	onProgress(0, steps.length);
	const cards = await playSteps(
		atlas,
		tour,
		steps,
		{
			each: async (k, i) => {
				const map = await captureMap(live.map, live.deck, HANDOUT_SCALE);
				const card = await stepCard(map, HANDOUT_SCALE, bandText(pages[k], text));
				onProgress(i + 1, steps.length);
				const { lon, lat, zoom } = atlas.camera;
				const c = live.map.getContainer();
				return { page: pages[k], ...card, camera: { lon, lat, zoom, width: c.clientWidth, height: c.clientHeight } };
			}
		},
		signal
	);
	const manifest = zipManifest(
		{ tour: tour.id, title: text.tourTitle, lang: text.lang, scale: HANDOUT_SCALE, link: meta.link, attribution: text.attribution, dataVersion: atlas.dataVersion },
		cards,
		tour.id
	);
	const files = [
		...cards.map((c) => ({ name: stepFileName(tour.id, text.lang, c.page.step, c.page.total), data: c.blob })),
		{ name: 'manifest.json', data: JSON.stringify(manifest, null, 2) + '\n' }
	];
	return { blob: await zipFiles(files), count: cards.length };
}

export interface PrintPage {
	page: StepPage;
	/** object URL of the map image (revoked by the print view when it closes) */
	image: string;
	width: number;
	height: number;
}

/** The images of the printable handout: the map of each step at 2×, its text laid out by the page. */
export async function capturePrint(atlas: Atlas, tour: Tour, lang: Lang, onProgress: Progress, signal: AbortSignal): Promise<PrintPage[]> {
	const live = liveMap(atlas);
	if (!live) throw new Error('no map');
	const pages = pagesOf(atlas, tour, lang);
	const steps = tour.steps.map((_, k) => k);
	onProgress(0, steps.length);
	const made: PrintPage[] = [];
	try {
		await playSteps(
			atlas,
			tour,
			steps,
			{
				each: async (k, i) => {
					const c = await captureMap(live.map, live.deck, HANDOUT_SCALE);
					made.push({ page: pages[k], image: URL.createObjectURL(await canvasToPng(c)), width: c.width, height: c.height });
					onProgress(i + 1, steps.length);
				}
			},
			signal
		);
	} catch (e) {
		for (const p of made) URL.revokeObjectURL(p.image);
		throw e;
	}
	return made;
}
