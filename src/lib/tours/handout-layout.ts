/**
 * The pure parts of a tour handout (issue #11 item 6): what a step's page says (caption, the feature it
 * shows, the plans that name it), how text wraps into the caption band of a PNG, the band's size, file
 * names and the ZIP manifest. No DOM here: unit-tested in tests/unit/handout.test.ts.
 */
import type { Tour } from './schema';
import type { Lang } from '../state/state';

/** What a page needs of a plan (geodata/plans.json). */
export interface PlanInfo {
	id: string;
	title_zh: string;
	title_en: string;
	year: number;
}
/** What a page needs of a feature: its names and the plans (and sections) that name it. */
export interface FeatureInfo {
	name_zh: string;
	name_en: string;
	citations: readonly { plan: string; section: string }[];
}

/** One plan a step cites, by its title (never a bare code), with the sections as the plan numbers them. */
export interface CitedPlan {
	id: string;
	title: string;
	year: number | null;
	/** the sections in the plan's own words (Chinese); empty when the step cites the tour's plans */
	sections: string[];
}

export interface StepPage {
	/** 0-based */
	step: number;
	total: number;
	caption: string;
	/** the feature the step selects, in the reader's language; null when it selects none */
	feature: string | null;
	/** 'feature': the plans naming the selected feature; 'tour': no feature, the tour's own plans */
	plansFrom: 'feature' | 'tour';
	plans: CitedPlan[];
}

/** The feature id a step's view string selects (`sel=`), or null. */
export function selectedOf(stepState: string): string | null {
	const v = new URLSearchParams(stepState).get('sel');
	return v && v.trim() ? v.trim() : null;
}

/**
 * The plan's title in `lang`. A plan id missing from plans.json keeps its id (the data validator
 * rejects such ids, so this is a guard, not a path the shipped data takes).
 */
export function planTitle(id: string, plans: readonly PlanInfo[], lang: Lang): { title: string; year: number | null } {
	const p = plans.find((x) => x.id === id);
	return p ? { title: lang === 'zh' ? p.title_zh : p.title_en, year: p.year } : { title: id, year: null };
}

/** The page of one step: the caption, the feature it selects and the plans that name that feature. */
export function stepPage(tour: Tour, step: number, lang: Lang, features: ReadonlyMap<string, FeatureInfo>, plans: readonly PlanInfo[]): StepPage {
	const s = tour.steps[step];
	const id = selectedOf(s.state);
	const f = id ? features.get(id) : undefined;
	const caption = lang === 'zh' ? s.caption_zh : s.caption_en;
	if (f) {
		const byPlan = new Map<string, string[]>();
		for (const c of f.citations) {
			const secs = byPlan.get(c.plan) ?? [];
			if (!secs.includes(c.section)) secs.push(c.section);
			byPlan.set(c.plan, secs);
		}
		return {
			step,
			total: tour.steps.length,
			caption,
			feature: lang === 'zh' ? f.name_zh : f.name_en,
			plansFrom: 'feature',
			plans: [...byPlan].map(([pid, sections]) => ({ id: pid, ...planTitle(pid, plans, lang), sections }))
		};
	}
	return {
		step,
		total: tour.steps.length,
		caption,
		feature: null,
		plansFrom: 'tour',
		plans: tour.plans.map((pid) => ({ id: pid, ...planTitle(pid, plans, lang), sections: [] }))
	};
}

/** " (2023)" after a plan's title, unless the title already says its year. */
export function yearSuffix(p: { title: string; year: number | null }): string {
	return p.year && !p.title.includes(String(p.year)) ? ` (${p.year})` : '';
}

/** A plan as one line of text: "Title (2018) — 三、(二)". */
export function planLine(p: CitedPlan): string {
	const year = yearSuffix(p);
	return `${p.title}${year}${p.sections.length ? ' — ' + p.sections.join('; ') : ''}`;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Break text into lines no wider than maxWidth as `measure` says. Latin text breaks at spaces; Chinese
 * (which has none) between any two characters, but never before closing punctuation. A word wider than
 * the line is cut where it must be. Explicit line breaks are kept.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
	const out: string[] = [];
	const space = (s: string) => /^\s+$/.test(s);
	for (const para of text.split('\n')) {
		// tokens: a CJK character with any closing punctuation after it, a run of spaces, or a Latin word
		const tokens = para.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f][，。、；：？！）」』》〉,.;:?!)]*|\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/g) ?? [];
		let line = '';
		for (const tok of tokens) {
			if (!line && space(tok)) continue;
			if (measure((line + tok).trimEnd()) <= maxWidth) {
				line += tok;
				continue;
			}
			if (line) {
				out.push(line.trimEnd());
				line = '';
				if (space(tok)) continue;
			}
			// alone on a new line and still too wide: cut it where it must be (by code point)
			let rest = Array.from(tok);
			while (rest.length > 1 && measure(rest.join('')) > maxWidth) {
				let k = rest.length - 1;
				while (k > 1 && measure(rest.slice(0, k).join('')) > maxWidth) k--;
				out.push(rest.slice(0, k).join(''));
				rest = rest.slice(k);
			}
			line = rest.join('');
		}
		out.push(line.trimEnd());
	}
	// a trailing empty line from a final "\n" says nothing
	while (out.length > 1 && out[out.length - 1] === '') out.pop();
	return out;
}

/** True when the text has Chinese in it (the page marks it lang="zh-CN" inside the English UI). */
export const hasChinese = (s: string) => CJK.test(s);

/** Sizes of the caption band under the map in a PNG, in CSS pixels (multiplied by the scale). */
export const BAND = { pad: 14, title: 20, caption: 17, plan: 14, attribution: 12, gap: 6, maxCaptionLines: 8, maxPlanLines: 6 } as const;

export interface CardLayout {
	width: number;
	height: number;
	/** the map image: top of the card, full width */
	mapHeight: number;
	/** the band under it */
	bandTop: number;
	bandHeight: number;
	captionLines: string[];
	planLines: string[];
}

/**
 * The step card of a PNG: the map (mapW×mapH device pixels) on top and, under it, a band with the tour
 * title and step, the caption, the plans and the attribution. Lines past the maximum end in "…" so a
 * long caption never pushes the card without bound.
 */
export function cardLayout(
	mapW: number,
	mapH: number,
	scale: number,
	text: { caption: string; plans: string[] },
	measure: { caption: (s: string) => number; plan: (s: string) => number }
): CardLayout {
	const pad = BAND.pad * scale;
	const inner = mapW - 2 * pad;
	const captionLines = clip(wrapText(text.caption, inner, measure.caption), BAND.maxCaptionLines);
	const planLines = clip(text.plans.flatMap((p) => wrapText(p, inner, measure.plan)), BAND.maxPlanLines);
	const bandHeight = Math.ceil(
		pad +
			BAND.title * scale +
			BAND.gap * scale +
			captionLines.length * BAND.caption * 1.35 * scale +
			BAND.gap * scale +
			planLines.length * BAND.plan * 1.35 * scale +
			BAND.gap * scale +
			BAND.attribution * 1.35 * scale +
			pad
	);
	return { width: mapW, height: mapH + bandHeight, mapHeight: mapH, bandTop: mapH, bandHeight, captionLines, planLines };
}

function clip(lines: string[], max: number): string[] {
	if (lines.length <= max) return lines;
	const kept = lines.slice(0, max);
	kept[max - 1] = kept[max - 1].replace(/.$/u, '…');
	return kept;
}

/** A file-name-safe slug (the tour ids already are; this guards against anything else). */
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'tour';
const pad2 = (n: number, total: number) => String(n).padStart(Math.max(2, String(total).length), '0');

/** "air-cargo-en-step-01.png": 1-based, zero-padded so the files sort in step order. */
export function stepFileName(tourId: string, lang: Lang, step: number, total: number): string {
	return `${slug(tourId)}-${lang}-step-${pad2(step + 1, total)}.png`;
}
/** "open-platforms-atlas-tour-air-cargo-en-2026-12-02.zip" */
export function zipFileName(tourId: string, lang: Lang, date: string): string {
	return `open-platforms-atlas-tour-${slug(tourId)}-${lang}-${date}.zip`;
}
/** "open-platforms-atlas-tour-air-cargo-en-1280x720-2026-12-02.webm" */
export function videoFileName(tourId: string, lang: Lang, w: number, h: number, date: string): string {
	return `open-platforms-atlas-tour-${slug(tourId)}-${lang}-${w}x${h}-${date}.webm`;
}

export interface ManifestStep {
	file: string;
	step: number;
	width: number;
	height: number;
	caption: string;
	feature: string | null;
	plans: { id: string; title: string; sections: string[] }[];
	/** the camera the image was captured at (the step fitted to the image) and the map's CSS size then, when known */
	camera?: { lon: number; lat: number; zoom: number; width: number; height: number };
}
export interface Manifest {
	tour: string;
	title: string;
	lang: Lang;
	scale: number;
	/** the view link of the tour's first step */
	link: string;
	attribution: string;
	dataVersion: string | null;
	steps: ManifestStep[];
}

/** manifest.json in the ZIP: what each PNG shows, so the set can be checked or re-captioned without the site. */
export function zipManifest(m: Omit<Manifest, 'steps'>, pages: { page: StepPage; width: number; height: number; camera?: ManifestStep['camera'] }[], tourId: string): Manifest {
	return {
		...m,
		steps: pages.map(({ page, width, height, camera }) => ({
			file: stepFileName(tourId, m.lang, page.step, page.total),
			step: page.step + 1,
			width,
			height,
			caption: page.caption,
			feature: page.feature,
			plans: page.plans.map((p) => ({ id: p.id, title: p.title, sections: p.sections })),
			...(camera ? { camera } : {})
		}))
	};
}

/** The three exports of a tour offered in the tour list. */
export type ExportMode = 'print' | 'zip' | 'video';

/** A file size for a status line: "840 kB", "12.4 MB" (decimal units, as file managers show them). */
export function formatSize(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '?';
	if (bytes < 1000) return `${bytes} B`;
	if (bytes < 1e6) return `${Math.round(bytes / 1000)} kB`;
	return `${(bytes / 1e6).toFixed(1)} MB`;
}
