/**
 * The embed's postMessage policy (issue #16, items 8 and 9): a malformed host= fails closed, and a burst
 * of commands is coalesced into one step change per frame with the same end result as one-by-one.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	readHostParam,
	hostParamFrom,
	hostParamNotice,
	acceptOrigin,
	replyTarget,
	identityMove,
	addCommand,
	applyMove,
	CommandCoalescer,
	type HostParam,
	type TourCommand
} from '../../src/lib/share/messages';

describe('host= (8)', () => {
	const cases: [string, HostParam][] = [
		['', { kind: 'none' }],
		['?tour=a', { kind: 'none' }],
		['?host=https://a.org', { kind: 'ok', origin: 'https://a.org' }],
		['?host=https://a.org/page?x=1', { kind: 'ok', origin: 'https://a.org' }],
		['?host=http://127.0.0.1:4191', { kind: 'ok', origin: 'http://127.0.0.1:4191' }],
		['?host=HTTPS://A.ORG:443', { kind: 'ok', origin: 'https://a.org' }],
		['?host=127.0.0.1:4191', { kind: 'invalid', raw: '127.0.0.1:4191' }],
		['?host=a.org', { kind: 'invalid', raw: 'a.org' }],
		['?host=', { kind: 'invalid', raw: '' }],
		['?host=javascript:alert(1)', { kind: 'invalid', raw: 'javascript:alert(1)' }],
		['?host=file:///etc/passwd', { kind: 'invalid', raw: 'file:///etc/passwd' }],
		['?host=https://user:pw@a.org', { kind: 'invalid', raw: 'https://user:pw@a.org' }],
		['?host=*', { kind: 'invalid', raw: '*' }],
		['?host=https://a.org&host=https://b.org', { kind: 'invalid', raw: 'https://a.org, https://b.org' }]
	];
	for (const [search, want] of cases) it(`${search || '(empty)'} → ${JSON.stringify(want)}`, () => expect(readHostParam(search)).toEqual(want));

	it('a host value handed over as a string is parsed again (the embed route passes strings)', () => {
		expect(hostParamFrom('127.0.0.1:4191')).toEqual({ kind: 'invalid', raw: '127.0.0.1:4191' });
		expect(hostParamFrom('https://a.org')).toEqual({ kind: 'ok', origin: 'https://a.org' });
		expect(hostParamFrom(null)).toEqual({ kind: 'none' });
	});

	const parent = {}, self = {}, other = {};
	const policy: [string, HostParam, string, unknown, boolean, string | null][] = [
		['no host=, from the parent', { kind: 'none' }, 'https://any.org', parent, true, '*'],
		['no host=, from another frame', { kind: 'none' }, 'https://any.org', other, false, '*'],
		['host= ok, from it', { kind: 'ok', origin: 'https://a.org' }, 'https://a.org', parent, true, 'https://a.org'],
		['host= ok, from elsewhere', { kind: 'ok', origin: 'https://a.org' }, 'https://b.org', parent, false, 'https://a.org'],
		['host= invalid, from the parent', { kind: 'invalid', raw: '127.0.0.1:4191' }, 'http://127.0.0.1:4191', parent, false, null],
		['host= invalid, from the exact raw value', { kind: 'invalid', raw: 'https:a.org' }, 'https:a.org', parent, false, null]
	];
	for (const [name, host, origin, source, accepted, reply] of policy)
		it(`${name}: ${accepted ? 'accepted' : 'refused'}, replies to ${reply ?? 'nobody'}`, () => {
			expect(acceptOrigin(origin, source, parent, self, host)).toBe(accepted);
			expect(replyTarget(host)).toBe(reply);
		});

	it('a notice for an invalid host= only, with the value shortened', () => {
		expect(hostParamNotice({ kind: 'invalid', raw: '127.0.0.1:4191' })).toEqual({ key: 'embed_host_invalid', params: { host: '127.0.0.1:4191' } });
		expect(hostParamNotice({ kind: 'invalid', raw: 'x'.repeat(500) })!.params.host.length).toBe(80);
		expect(hostParamNotice({ kind: 'none' })).toBeNull();
		expect(hostParamNotice({ kind: 'ok', origin: 'https://a.org' })).toBeNull();
	});
});

/** What applying commands one at a time does (the behaviour before coalescing). */
function oneByOne(start: number, total: number, cmds: TourCommand[]) {
	let s = start;
	for (const c of cmds) s = Math.max(0, Math.min(total - 1, c.action === 'goto' ? c.step : s + (c.action === 'next' ? 1 : -1)));
	return s;
}
const next: TourCommand = { type: 'atlas:tour', action: 'next' };
const prev: TourCommand = { type: 'atlas:tour', action: 'prev' };
const goto = (step: number): TourCommand => ({ type: 'atlas:tour', action: 'goto', step });

describe('coalescing commands (9)', () => {
	const cases: [string, number, number, TourCommand[], number][] = [
		['next ×3', 0, 5, [next, next, next], 3],
		['prev at the start stays, then next', 0, 5, [prev, prev, next], 1],
		['next past the end stays, then prev', 3, 5, [next, next, next, prev], 3],
		['goto, then next', 0, 5, [goto(2), next], 3],
		['next, then goto wins', 0, 5, [next, next, goto(1)], 1],
		['goto past the end', 0, 5, [goto(99)], 4],
		['a one-step tour', 0, 1, [next, prev, goto(3)], 0]
	];
	for (const [name, start, total, cmds, want] of cases)
		it(name, () => {
			expect(oneByOne(start, total, cmds)).toBe(want);
			expect(applyMove(cmds.reduce((m, c) => addCommand(m, c, total), identityMove(total)), start)).toBe(want);
		});

	it('any run of commands folds into one move with the one-by-one result', () => {
		const cmd = fc.oneof(fc.constant(next), fc.constant(prev), fc.integer({ min: 0, max: 999 }).map(goto));
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(20), fc.array(cmd, { maxLength: 60 }), (total, s0, cmds) => {
				const start = s0 % total;
				const folded = applyMove(cmds.reduce((m, c) => addCommand(m, c, total), identityMove(total)), start);
				return folded === oneByOne(start, total, cmds);
			}),
			{ numRuns: 2000 }
		);
	});

	it('10,000 commands in one burst: one step change, applied on the next frame', () => {
		let step = 0;
		const applied: number[] = [];
		const frames: (() => void)[] = [];
		const c = new CommandCoalescer({ total: () => 6, current: () => step, apply: (n) => (applied.push(n), (step = n)), schedule: (f) => frames.push(f) });
		const burst: TourCommand[] = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 2 ? prev : next));
		for (const cmd of burst) c.push(cmd);
		expect(applied, 'nothing is applied before the frame').toEqual([]);
		expect(frames.length, 'one frame is asked for').toBe(1);
		frames.shift()!();
		expect(applied).toEqual([oneByOne(0, 6, burst)]);
		// a later command asks for a new frame
		c.push(prev);
		expect(frames.length).toBe(1);
		frames.shift()!();
		expect(applied).toEqual([oneByOne(0, 6, burst), oneByOne(0, 6, burst) - 1]);
	});

	it('commands with no net effect apply nothing; none before the tour is loaded', () => {
		let step = 2;
		const applied: number[] = [];
		let total = 0;
		const frames: (() => void)[] = [];
		const c = new CommandCoalescer({ total: () => total, current: () => step, apply: (n) => (applied.push(n), (step = n)), schedule: (f) => frames.push(f) });
		c.push(next);
		expect(frames).toEqual([]);
		total = 5;
		c.push(next);
		c.push(prev);
		frames.shift()!();
		expect(applied).toEqual([]);
	});
});
