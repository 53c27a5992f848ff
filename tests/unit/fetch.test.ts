import { describe, it, expect } from 'vitest';
import { trackedFetch, StalledError } from '../../src/lib/data/fetch';

/** A fake fetch whose body sends `chunks` and then, if `hang`, never ends (until aborted). */
function fakeFetch(chunks: string[], hang = false): typeof fetch {
	return (async (_input: RequestInfo | URL, init?: RequestInit) => {
		const enc = new TextEncoder();
		let k = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(c) {
				if (k < chunks.length) return c.enqueue(enc.encode(chunks[k++]));
				if (!hang) return c.close();
				// a stalled server: nothing more until the signal aborts the read
				return new Promise<void>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
			}
		});
		return new Response(body, { status: 200 });
	}) as typeof fetch;
}

describe('trackedFetch', () => {
	it('passes the body through and reports the bytes received', async () => {
		const seen: number[] = [];
		const f = trackedFetch((p) => seen.push(p.received), 1000, fakeFetch(['{"a":', '1}']));
		const r = await f('data/x.json');
		expect(await r.json()).toEqual({ a: 1 });
		expect(seen).toEqual([5, 7]);
	});
	it('adds up the bytes of several requests', async () => {
		let last = 0;
		const f = trackedFetch((p) => (last = p.received), 1000, fakeFetch(['abc']));
		await (await f('a')).text();
		await (await f('b')).text();
		expect(last).toBe(6);
	});
	it('gives up on a body that stops arriving, naming the time', async () => {
		const f = trackedFetch(() => {}, 50, fakeFetch(['{"partial":'], true));
		const r = await f('data/atlas.topojson');
		const err = await r.text().catch((e) => e);
		expect(err).toBeInstanceOf(StalledError);
		expect((err as StalledError).message).toMatch(/no answer for/);
	});
	it('gives up on a request that never answers', async () => {
		const never = ((_: RequestInfo | URL, init?: RequestInit) =>
			new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
		const f = trackedFetch(() => {}, 50, never);
		await expect(f('data/manifest.json')).rejects.toBeInstanceOf(StalledError);
	});
	it('does not take a busy page for a dead server: time the main thread is held counts little', async () => {
		// the body's second chunk is sent at 60 ms; the page's thread is then held for 400 ms (a long
		// task, other embeds in the same process), far past the 100 ms stall limit. The bytes were
		// there all along: the request must go on, not end in "no answer".
		let k = 0;
		const slow = (async (_input: RequestInfo | URL, init?: RequestInit) =>
			new Response(
				new ReadableStream<Uint8Array>({
					pull(c) {
						if (k++ === 0) return c.enqueue(new TextEncoder().encode('{"a":'));
						if (k > 2) return c.close();
						return new Promise<void>((ok, fail) => {
							const t = setTimeout(() => {
								c.enqueue(new TextEncoder().encode('1}'));
								ok();
							}, 60);
							init?.signal?.addEventListener('abort', () => (clearTimeout(t), fail(new DOMException('aborted', 'AbortError'))));
						});
					}
				}),
				{ status: 200 }
			)) as typeof fetch;
		const f = trackedFetch(() => {}, 100, slow);
		const r = await f('data/atlas.topojson');
		const text = r.text();
		setTimeout(() => {
			const until = performance.now() + 400;
			while (performance.now() < until) {
				/* the held main thread */
			}
		}, 5);
		expect(JSON.parse(await text)).toEqual({ a: 1 });
	});
	it('still gives up in about stallMs on a responsive page', async () => {
		const f = trackedFetch(() => {}, 80, fakeFetch(['{"partial":'], true));
		const t0 = performance.now();
		const err = await (await f('data/atlas.topojson')).text().catch((e) => e);
		expect(err).toBeInstanceOf(StalledError);
		// the quiet clock adds real time on a free thread: not much sooner, not much later than 80 ms
		expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
	});
});
