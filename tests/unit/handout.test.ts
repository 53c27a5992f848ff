/**
 * The pure parts of tour handouts and videos (issue #11 items 6 and 7): what each step's page says
 * (on the real tours and data), line wrapping in zh and en, the caption band, file names, the ZIP
 * manifest, video support detection, frame fitting and progress arithmetic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { zipSync, unzipSync, strToU8 } from 'fflate';
import { loadGeodata, geodata } from './helpers';
import type { Tour } from '../../src/lib/tours/schema';
import {
	stepPage,
	selectedOf,
	planLine,
	wrapText,
	cardLayout,
	BAND,
	stepFileName,
	zipFileName,
	videoFileName,
	zipManifest,
	formatSize,
	type FeatureInfo
} from '../../src/lib/tours/handout-layout';
import { videoSupport, fitMap, progressOf, stepRange, recordingPixelRatio, isWebm, WEBM_TYPES } from '../../src/lib/tours/video-plan';

const tours = JSON.parse(readFileSync(join(geodata, 'tours.json'), 'utf8')) as Tour[];
const { plans, compiled } = loadGeodata();
const features = new Map<string, FeatureInfo>(compiled.map((f) => [f.properties.id, f.properties]));
// a fixed-width "font": 1 unit per Latin character, 2 per CJK character
const mono = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1), 0);

describe('a step page', () => {
	it('every step of every tour names its plans by title, never by bare code', () => {
		const titles = new Set(plans.flatMap((p) => [p.title_zh, p.title_en]));
		for (const tour of tours)
			for (let k = 0; k < tour.steps.length; k++)
				for (const lang of ['zh', 'en'] as const) {
					const page = stepPage(tour, k, lang, features, plans);
					expect(page.caption).toBe(lang === 'zh' ? tour.steps[k].caption_zh : tour.steps[k].caption_en);
					expect(page.plans.length, `${tour.id} ${k}`).toBeGreaterThan(0);
					for (const p of page.plans) {
						expect(titles.has(p.title), `${tour.id} ${k} ${p.title}`).toBe(true);
						expect(planLine(p)).not.toMatch(/^\d{3}\b/);
					}
				}
	});
	it('a step that selects a feature cites the plans (and sections) that name that feature', () => {
		const tour = tours.find((t) => t.id === 'air-cargo')!;
		const page = stepPage(tour, 1, 'en', features, plans);
		const f = compiled.find((x) => x.properties.id === 'wuhan-tianhe-airport')!.properties;
		expect(page.feature).toBe(f.name_en);
		expect(page.plansFrom).toBe('feature');
		expect(page.plans.map((p) => p.id).sort()).toEqual([...new Set(f.citations.map((c) => c.plan))].sort());
		const first = page.plans.find((p) => p.id === f.citations[0].plan)!;
		expect(first.sections).toContain(f.citations[0].section);
		expect(first.title).toBe(plans.find((p) => p.id === first.id)!.title_en);
	});
	it('a plan line gives the year once, and the sections after the title', () => {
		expect(planLine({ id: 'a', title: 'Plan (2022—2025年)', year: 2022, sections: [] })).toBe('Plan (2022—2025年)');
		expect(planLine({ id: 'a', title: 'Plan', year: 2023, sections: ['三、(二)', '第四章'] })).toBe('Plan (2023) — 三、(二); 第四章');
	});
	it('a step without a selection lists the tour\'s own plans', () => {
		const tour = tours.find((t) => t.id === 'wuhan-hefei')!;
		expect(selectedOf(tour.steps[0].state)).toBeNull();
		const page = stepPage(tour, 0, 'zh', features, plans);
		expect(page.feature).toBeNull();
		expect(page.plansFrom).toBe('tour');
		expect(page.plans.map((p) => p.id)).toEqual(tour.plans);
		expect(page.plans[0].title).toBe(plans.find((p) => p.id === tour.plans[0])!.title_zh);
	});
	it('an unknown selected id falls back to the tour\'s plans; an unknown plan keeps its id', () => {
		const tour: Tour = { id: 'x', title_zh: 'x', title_en: 'x', plans: ['999_nope'], steps: [{ state: 'sel=no-such-feature', caption_zh: '甲', caption_en: 'a' }] };
		const page = stepPage(tour, 0, 'en', features, plans);
		expect(page.plansFrom).toBe('tour');
		expect(page.plans).toEqual([{ id: '999_nope', title: '999_nope', year: null, sections: [] }]);
	});
});

describe('wrapText', () => {
	it('breaks English at spaces and Chinese between characters, never before closing punctuation', () => {
		expect(wrapText('the quick brown fox jumps', 10, mono)).toEqual(['the quick', 'brown fox', 'jumps']);
		const zh = wrapText('武汉天河机场，中部地区航空枢纽。', 10, mono);
		expect(zh.join('')).toBe('武汉天河机场，中部地区航空枢纽。');
		for (const l of zh) {
			expect(mono(l)).toBeLessThanOrEqual(10 + 2); // a punctuation mark may hang on its character
			expect(l).not.toMatch(/^[，。]/);
		}
	});
	it('cuts a word longer than the line and keeps explicit line breaks', () => {
		expect(wrapText('abcdefghijkl', 5, mono)).toEqual(['abcde', 'fghij', 'kl']);
		expect(wrapText('one\ntwo', 20, mono)).toEqual(['one', 'two']);
		expect(wrapText('', 20, mono)).toEqual(['']);
	});
	it('fuzzed: no text is lost (bar spaces at breaks) and no line is wider than allowed', () => {
		const word = fc.stringMatching(/^[a-z]{1,14}$|^[武汉合肥港口机场铁路，。]{1,6}$/);
		fc.assert(
			fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 4, max: 40 }), (words, width) => {
				const text = words.join(' ');
				const lines = wrapText(text, width, mono);
				expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
				// a lone CJK character with its punctuation may exceed a very narrow line; nothing else
				for (const l of lines) if (mono(l) > width) expect([...l.replace(/[，。]/g, '')].length).toBe(1);
			})
		);
	});
});

describe('the caption band of a PNG', () => {
	const m = { caption: mono, plan: mono };
	it('sits under the map at the map\'s width, growing with the text and scale', () => {
		const one = cardLayout(400, 300, 1, { caption: 'short', plans: ['a'] }, m);
		expect(one).toMatchObject({ width: 400, mapHeight: 300, bandTop: 300 });
		expect(one.height).toBe(300 + one.bandHeight);
		const long = cardLayout(400, 300, 1, { caption: 'word '.repeat(200), plans: ['a'] }, m);
		expect(long.bandHeight).toBeGreaterThan(one.bandHeight);
		const two = cardLayout(800, 600, 2, { caption: 'short', plans: ['a'] }, m);
		expect(two.bandHeight).toBeGreaterThanOrEqual(2 * one.bandHeight - 1);
	});
	it('a very long caption is cut to the maximum lines and ends in an ellipsis', () => {
		const l = cardLayout(200, 100, 1, { caption: 'word '.repeat(500), plans: Array(20).fill('plan title') }, m);
		expect(l.captionLines.length).toBe(BAND.maxCaptionLines);
		expect(l.captionLines.at(-1)!.endsWith('…')).toBe(true);
		expect(l.planLines.length).toBe(BAND.maxPlanLines);
	});
});

describe('file names and the ZIP manifest', () => {
	it('names sort in step order and carry tour, language, size and date', () => {
		expect(stepFileName('air-cargo', 'en', 0, 6)).toBe('air-cargo-en-step-01.png');
		expect(stepFileName('air-cargo', 'zh', 11, 120)).toBe('air-cargo-zh-step-012.png');
		expect(stepFileName('../evil name', 'en', 0, 1)).toBe('evil-name-en-step-01.png');
		expect(zipFileName('air-cargo', 'zh', '2026-12-02')).toBe('open-platforms-atlas-tour-air-cargo-zh-2026-12-02.zip');
		expect(videoFileName('air-cargo', 'en', 1280, 720, '2026-12-02')).toBe('open-platforms-atlas-tour-air-cargo-en-1280x720-2026-12-02.webm');
	});
	it('the manifest lists each PNG with its size, caption and plans, and survives a ZIP round trip', () => {
		const tour = tours[0];
		const pages = tour.steps.map((_, k) => ({ page: stepPage(tour, k, 'en', features, plans), width: 800, height: 700 }));
		const m = zipManifest({ tour: tour.id, title: tour.title_en, lang: 'en', scale: 2, link: 'https://example.org/?tour=x', attribution: 'A', dataVersion: 'v1' }, pages, tour.id);
		expect(m.steps.map((s) => s.step)).toEqual(tour.steps.map((_, k) => k + 1));
		expect(m.steps[0]).toMatchObject({ file: stepFileName(tour.id, 'en', 0, tour.steps.length), width: 800, height: 700, caption: tour.steps[0].caption_en });
		const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(m)) });
		expect(JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json']))).toEqual(m);
	});
	it('sizes read as a file manager shows them', () => {
		expect([formatSize(999), formatSize(84_000), formatSize(12_400_000), formatSize(NaN)]).toEqual(['999 B', '84 kB', '12.4 MB', '?']);
	});
});

describe('video support, framing and progress', () => {
	const MR = (types: string[]) => ({ isTypeSupported: (t: string) => types.includes(t) });
	it('says why a browser cannot record, and picks the best WebM type it can', () => {
		expect(videoSupport({ canvasCaptureStream: true })).toEqual({ ok: false, reason: 'no-mediarecorder' });
		expect(videoSupport({ MediaRecorder: MR(['video/webm']), canvasCaptureStream: false })).toEqual({ ok: false, reason: 'no-capturestream' });
		expect(videoSupport({ MediaRecorder: MR(['video/mp4']), canvasCaptureStream: true })).toEqual({ ok: false, reason: 'no-webm' });
		expect(videoSupport({ MediaRecorder: MR([...WEBM_TYPES]), canvasCaptureStream: true })).toEqual({ ok: true, mimeType: 'video/webm;codecs=vp9' });
		expect(videoSupport({ MediaRecorder: MR(['video/webm']), canvasCaptureStream: true })).toEqual({ ok: true, mimeType: 'video/webm' });
		const throws = { isTypeSupported: () => { throw new Error('x'); } };
		expect(videoSupport({ MediaRecorder: throws, canvasCaptureStream: true })).toEqual({ ok: false, reason: 'no-webm' });
	});
	it('fits the map whole above the band, centred, for any frame and map shape (fuzzed)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 200, max: 4000 }), fc.integer({ min: 200, max: 4000 }), fc.integer({ min: 0, max: 150 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (W, H, band, sw, sh) => {
				const r = fitMap(W, H, band, sw, sh);
				expect(r.x).toBeGreaterThanOrEqual(0);
				expect(r.y).toBeGreaterThanOrEqual(0);
				expect(r.x + r.w).toBeLessThanOrEqual(W + 1);
				expect(r.y + r.h).toBeLessThanOrEqual(H - band + 1);
				// it touches two opposite edges: as large as it can be
				expect(Math.abs(r.w - W) <= 1 || Math.abs(r.h - (H - band)) <= 1).toBe(true);
				// the aspect ratio is kept (to the rounding of one pixel)
				expect(Math.abs(r.w * sh - r.h * sw)).toBeLessThanOrEqual(sw + sh);
			})
		);
		expect(fitMap(1280, 720, 120, 1000, 600)).toEqual({ x: 140, y: 0, w: 1000, h: 600 });
	});
	it('records the map with enough pixels, at most 2×', () => {
		expect(recordingPixelRatio(1280, 720, 120, 1000, 600)).toBe(1);
		expect(recordingPixelRatio(1920, 1080, 160, 700, 500)).toBe(2);
		expect(recordingPixelRatio(1920, 1080, 160, 1200, 700)).toBe(1.5);
		expect(recordingPixelRatio(1280, 720, 0, 0, 0)).toBe(1);
	});
	it('progress runs from 0 to 1 without going back or past the end (fuzzed)', () => {
		expect(progressOf(0, 0, 2, 4)).toEqual({ fraction: 0, step: 1, total: 2, secondsLeft: 8 });
		expect(progressOf(1, 2, 2, 4)).toEqual({ fraction: 0.75, step: 2, total: 2, secondsLeft: 2 });
		expect(progressOf(1, 9, 2, 4)).toEqual({ fraction: 1, step: 2, total: 2, secondsLeft: 0 });
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.5, max: 10, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2 }), (n, dwell, ts) => {
				const seq = ts.map((x) => x * n * dwell).sort((a, b) => a - b).map((t) => progressOf(Math.floor(t / dwell), t - Math.floor(t / dwell) * dwell, n, dwell));
				for (let i = 1; i < seq.length; i++) expect(seq[i].fraction).toBeGreaterThanOrEqual(seq[i - 1].fraction - 1e-9);
				for (const p of seq) expect(p.fraction >= 0 && p.fraction <= 1 && p.step >= 1 && p.step <= n).toBe(true);
			})
		);
	});
	it('a step range as typed is clamped and ordered', () => {
		expect(stepRange(1, 2, 5)).toEqual([0, 1]);
		expect(stepRange(4, 2, 5)).toEqual([1, 2, 3]);
		expect(stepRange(-3, 99, 3)).toEqual([0, 1, 2]);
		expect(stepRange(NaN, NaN, 2)).toEqual([0, 1]);
		expect(stepRange(1, 1, 0)).toEqual([]);
	});
	it('knows WebM by its EBML magic number', () => {
		expect(isWebm(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0]))).toBe(true);
		expect(isWebm(new Uint8Array([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70]))).toBe(false);
		expect(isWebm(new Uint8Array([0x1a]))).toBe(false);
	});
});
