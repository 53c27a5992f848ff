import { describe, it, expect, vi, afterEach } from 'vitest';
import { createUrlWriter } from '../../src/lib/ui/boot';

afterEach(() => vi.useRealTimers());

function writer() {
	const log: string[] = [];
	const w = createUrlWriter(
		(u) => log.push(`replace ${u}`),
		(u) => log.push(`push ${u}`),
		250,
		() => ''
	);
	return { w, log };
}

describe('the URL writer', () => {
	it('camera moves replace the entry, throttled to the last one', () => {
		vi.useFakeTimers();
		const { w, log } = writer();
		w.write('c=1', 'en', 'k0');
		w.write('c=2', 'en', 'k0');
		w.write('c=3', 'en', 'k0');
		vi.advanceTimersByTime(300);
		expect(log).toEqual(['replace ?c=3']);
	});
	it('a new history key (selection, tour step) pushes an entry at once; moves after it replace', () => {
		vi.useFakeTimers();
		const { w, log } = writer();
		w.write('c=1', 'en', '[null,null]');
		vi.advanceTimersByTime(300);
		w.write('c=1&sel=a', 'en', '["a",null]');
		expect(log).toEqual(['replace ?c=1', 'push ?c=1&sel=a']);
		w.write('c=2&sel=a', 'en', '["a",null]');
		vi.advanceTimersByTime(300);
		expect(log.at(-1)).toBe('replace ?c=2&sel=a');
		w.write('c=2', 'en', '[null,null]');
		expect(log.at(-1)).toBe('push ?c=2');
	});
	it('quiet writes (a tour export stepping the map) only replace, and the view given back is no new entry', () => {
		vi.useFakeTimers();
		const { w, log } = writer();
		w.write('c=1', 'en', '[null,null]');
		vi.advanceTimersByTime(300);
		for (let k = 0; k < 4; k++) {
			w.write(`c=1&tour=t.${k}`, 'en', `[null,"t.${k}"]`, true);
			vi.advanceTimersByTime(300);
		}
		w.write('c=1', 'en', '[null,null]');
		vi.advanceTimersByTime(300);
		expect(log.filter((x) => x.startsWith('push'))).toEqual([]);
		expect(log.at(-1)).toBe('replace ?c=1');
		// the next place the reader goes to is pushed as before
		w.write('c=1&sel=a', 'en', '["a",null]');
		expect(log.at(-1)).toBe('push ?c=1&sel=a');
	});
	it('a pending replace is dropped when a push overtakes it (no stale address after it)', () => {
		vi.useFakeTimers();
		const { w, log } = writer();
		w.write('c=1', 'en', 'a');
		w.write('c=1&sel=x', 'en', 'b');
		vi.advanceTimersByTime(1000);
		expect(log).toEqual(['push ?c=1&sel=x']);
	});
	it('after Back/Forward (arrived) the same state writes nothing', () => {
		vi.useFakeTimers();
		const { w, log } = writer();
		w.write('c=1', 'en', 'a');
		vi.advanceTimersByTime(300);
		w.arrived('c=9&sel=z', 'z');
		w.write('c=9&sel=z', 'en', 'z');
		vi.advanceTimersByTime(300);
		expect(log).toEqual(['replace ?c=1']);
	});
});
