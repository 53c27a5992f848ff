/**
 * Issue #11 (presenters): the framing arithmetic, the tour-play URL keys, play/pause messages, autoplay
 * and clicker keys, and the tours' new fields (show, bbox, notes).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stepTargets, fitMaxZoom, stepBounds } from '../../src/lib/tours/framing';
import { boundsOf, positionsOf } from '../../src/lib/map/framing';
import { decodePlay, encodePlay, decode, DEFAULT_PLAY, type TourPlayOptions } from '../../src/lib/state/url';
import { parseTourCommand, CommandCoalescer, addCommand, identityMove, type TourCommand } from '../../src/lib/share/messages';
import { nextAutoStep, autoplayRuns, presenterKey } from '../../src/lib/tours/autoplay';
import { validateTours } from '../../src/lib/tours/validate';
import type { SourceFile } from '../../src/lib/data/validate';


describe('what a step shows', () => {
	it('a step shows its own list, else its selection, else nothing (the stored camera)', () => {
		expect(stepTargets(['a', 'b'], 'c')).toEqual(['a', 'b']);
		expect(stepTargets(undefined, 'c')).toEqual(['c']);
		expect(stepTargets([], 'c')).toEqual(['c']);
		expect(stepTargets(undefined, null)).toEqual([]);
	});

	it('the box of a step: every waypoint of its targets and its bbox; null when nothing is drawable', () => {
		const geo = new Map<string, { type: string; coordinates: unknown }>([
			['line', { type: 'LineString', coordinates: [[114, 30], [60, 55], [12, 42]] }],
			['pt', { type: 'Point', coordinates: [121.5, 31.2] }]
		]);
		const of = (id: string) => geo.get(id);
		expect(stepBounds(['line', 'pt'], undefined, of)).toEqual([12, 30, 121.5, 55]);
		expect(stepBounds(['pt'], [100, 20, 110, 25], of)).toEqual([100, 20, 121.5, 31.2]);
		expect(stepBounds(['missing'], undefined, of)).toBeNull();
		expect(stepBounds([], undefined, of)).toBeNull();
	});

	it('one place keeps its stored zoom (within 3–12); a wider view stops at 11', () => {
		expect(fitMaxZoom([114, 30, 114, 30], 11.5)).toBe(11.5);
		expect(fitMaxZoom([114, 30, 114, 30], 14)).toBe(12);
		expect(fitMaxZoom([114, 30, 114, 30], 1.7)).toBe(3);
		expect(fitMaxZoom([114, 30, 114, 30], null)).toBe(11);
		expect(fitMaxZoom([12, 30, 114, 42], 1.7)).toBe(11);
	});
});

describe('tour-play URL keys (autoplay, loop, notes)', () => {
	it.each([
		['', DEFAULT_PLAY, []],
		['autoplay=8', { autoplay: 8, loop: false, notes: false }, []],
		['autoplay=2.5&loop=1&notes=1', { autoplay: 2.5, loop: true, notes: true }, []],
		['autoplay=600&loop=0', { autoplay: 600, loop: false, notes: false }, []],
		['autoplay=1', DEFAULT_PLAY, ['autoplay']],
		['autoplay=601', DEFAULT_PLAY, ['autoplay']],
		['autoplay=2.55', DEFAULT_PLAY, ['autoplay']],
		['autoplay=-3', DEFAULT_PLAY, ['autoplay']],
		['autoplay=1e3', DEFAULT_PLAY, ['autoplay']],
		['autoplay=&loop=yes&notes=2', DEFAULT_PLAY, ['autoplay', 'loop', 'notes']],
		['autoplay=%E0%A4%A&loop=1', { autoplay: null, loop: true, notes: false }, ['autoplay']],
		['c=1,2,3&tour=air-cargo&step=2&autoplay=5', { autoplay: 5, loop: false, notes: false }, []]
	] as const)('%s', (q, want, ignored) => {
		const r = decodePlay(q);
		expect(r.options).toEqual(want);
		expect(r.ignored.sort()).toEqual([...ignored].sort());
	});

	const playArb: fc.Arbitrary<TourPlayOptions> = fc.record({
		autoplay: fc.option(fc.integer({ min: 20, max: 6000 }).map((n) => n / 10), { nil: null }),
		loop: fc.boolean(),
		notes: fc.boolean()
	});
	it('fuzz: every valid option set round-trips', () => {
		fc.assert(
			fc.property(playArb, (o) => {
				const r = decodePlay(encodePlay(o));
				expect(r.ignored).toEqual([]);
				expect(r.options).toEqual(o);
			}),
			{ numRuns: 500 }
		);
	});
	it('fuzz: never throws on junk, a bad key falls back alone and is named', () => {
		fc.assert(
			fc.property(playArb, fc.constantFrom('autoplay', 'loop', 'notes'), fc.string({ maxLength: 30 }), (o, key, junk) => {
				const q = new URLSearchParams(encodePlay(o));
				q.set(key, junk);
				const r = decodePlay(q.toString());
				for (const k of ['autoplay', 'loop', 'notes'] as const) if (k !== key) expect(r.options[k]).toEqual(o[k]);
				if (r.ignored.length) expect(r.ignored).toEqual([key]);
				else expect(r.options[key]).not.toBeUndefined();
			}),
			{ numRuns: 1000 }
		);
		fc.assert(fc.property(fc.string({ maxLength: 200 }), (q) => void decodePlay(q)), { numRuns: 1000 });
	});
	it('the view codec is not confused by them (they are not view keys)', () => {
		expect(decode('tour=air-cargo&step=1&autoplay=5&loop=1&notes=1').ignored).toEqual([]);
	});
});

describe('play / pause messages', () => {
	it('are parsed strictly like the others', () => {
		expect(parseTourCommand({ type: 'atlas:tour', action: 'play' })).toEqual({ type: 'atlas:tour', action: 'play' });
		expect(parseTourCommand({ type: 'atlas:tour', action: 'pause' })).toEqual({ type: 'atlas:tour', action: 'pause' });
		for (const bad of [{ type: 'atlas:tour', action: 'play', step: 1 }, { type: 'atlas:tour', action: 'Play' }, { type: 'atlas:tours', action: 'pause' }, 'play', ['play']])
			expect(parseTourCommand(bad)).toBeNull();
	});
	it('never move the step, in a burst or alone', () => {
		const play: TourCommand = { type: 'atlas:tour', action: 'play' };
		expect(addCommand(identityMove(5), play, 5)).toEqual(identityMove(5));
		let step = 2;
		const applied: number[] = [];
		const c = new CommandCoalescer({ total: () => 5, current: () => step, apply: (k) => applied.push((step = k)), schedule: (f) => f() });
		c.push(play);
		c.push({ type: 'atlas:tour', action: 'pause' });
		expect(applied).toEqual([]);
	});
	it('fuzz: random objects never throw, and only the five actions parse', () => {
		fc.assert(
			fc.property(fc.anything(), (d) => {
				const r = parseTourCommand(d);
				if (r) expect(['next', 'prev', 'goto', 'play', 'pause']).toContain(r.action);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('autoplay and clicker keys', () => {
	it.each([
		[0, 5, false, 1],
		[3, 5, false, 4],
		[4, 5, false, null],
		[4, 5, true, 0],
		[0, 1, true, null]
	])('after step %i of %i (loop %s): %s', (step, total, loop, want) => {
		expect(nextAutoStep(step, total, loop)).toBe(want);
	});
	it('holds on hover, focus; reduced motion refuses the link’s autoplay but not the reader’s play', () => {
		const base = { wanted: true, hovered: false, focused: false, reducedMotion: false, userStarted: false };
		expect(autoplayRuns(base)).toBe(true);
		expect(autoplayRuns({ ...base, hovered: true })).toBe(false);
		expect(autoplayRuns({ ...base, focused: true })).toBe(false);
		expect(autoplayRuns({ ...base, wanted: false })).toBe(false);
		expect(autoplayRuns({ ...base, reducedMotion: true })).toBe(false);
		expect(autoplayRuns({ ...base, reducedMotion: true, userStarted: true })).toBe(true);
	});
	it.each([
		['ArrowRight', false, '', { move: 1 }],
		['PageDown', false, '', { move: 1 }],
		[' ', false, '', { move: 1 }],
		[' ', true, '', { move: -1 }],
		['ArrowLeft', false, '', { move: -1 }],
		['PageUp', false, '', { move: -1 }],
		['Home', false, '', { goto: 0 }],
		['End', false, '', { goto: 5 }],
		['3', false, '', { digit: '3' }],
		['1', false, '3', { digit: '31' }],
		['Enter', false, '3', { goto: 2 }],
		['Enter', false, '7', null],
		['Enter', false, '0', null],
		['Enter', false, '', null],
		['x', false, '', null]
	] as const)('%j (shift %s, typed %j)', (key, shift, typed, want) => {
		expect(presenterKey(key, shift, typed, 6)).toEqual(want);
	});
});

describe('tours.json: what each step shows, notes', () => {
	const root = join(import.meta.dirname, '..', '..', 'geodata');
	const file = (json: unknown): SourceFile => ({ name: 'tours.json', json, parseError: null }) as unknown as SourceFile;
	const raw = JSON.parse(readFileSync(join(root, 'tours.json'), 'utf8'));
	const ids = new Set<string>();
	for (const l of ['zones', 'transport-nodes', 'corridors', 'parks', 'cities'])
		for (const f of JSON.parse(readFileSync(join(root, `${l}.geojson`), 'utf8')).features) ids.add(f.properties.id);

	it('validates, and every step names something to frame that has a geometry', () => {
		const r = validateTours(file(raw), ids, null);
		expect(r.errors).toEqual([]);
		const geo = new Map<string, unknown>();
		for (const l of ['zones', 'transport-nodes', 'corridors', 'parks', 'cities'])
			for (const f of JSON.parse(readFileSync(join(root, `${l}.geojson`), 'utf8')).features) geo.set(f.properties.id, f.geometry);
		for (const t of r.tours)
			t.steps.forEach((s, k) => {
				const targets = stepTargets(s.show, decode(s.state).state.selected);
				const pos = targets.flatMap((id) => positionsOf(geo.get(id) as never));
				expect(boundsOf(pos) ?? s.bbox, `${t.id} step ${k + 1} has nothing to frame`).toBeTruthy();
			});
	});

	it('names an unknown shown feature, a bad bbox, and notes in one language only', () => {
		// the first step without its notes: each case adds what it tests
		const { notes_zh: _z, notes_en: _e, ...step } = raw[0].steps[0];
		void _z;
		void _e;
		const bad = (patch: object) => validateTours(file([{ ...raw[0], steps: [{ ...step, ...patch }] }]), ids, null).errors;
		expect(bad({ show: ['no-such-feature'] })[0]).toMatchObject({ field: 'steps[0].show[0]' });
		expect(bad({ bbox: [120, 30, 110, 40] })[0].message).toMatch(/west < east/);
		expect(bad({ bbox: [0, 0, 1] })[0].field).toMatch(/bbox/);
		expect(bad({ notes_zh: '只有中文' })[0]).toMatchObject({ field: 'steps[0].notes_en' });
		expect(bad({ notes_zh: '中文', notes_en: 'English' })).toEqual([]);
	});
});
