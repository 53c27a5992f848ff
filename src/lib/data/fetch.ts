/**
 * A fetch for start-up that reports bytes as they arrive and gives up on a request that stalls
 * (no byte for `stallMs`), so a slow network shows progress and a dead one ends in a message with a
 * retry instead of "Loading…" forever. Same signature as fetch, so the loaders take it as fetchFn.
 *
 * "No byte for stallMs" counts the time the page could have seen one: a clock ticking a few times per
 * stall period, each tick adding at most two tick lengths. A main thread held by long tasks (a slow
 * machine parsing the data, several embeds in one page) adds little while it is held, so bytes that
 * have arrived but wait behind those tasks are not taken for a dead server.
 */
export class StalledError extends Error {
	constructor(
		public url: string,
		public seconds: number
	) {
		super(`no answer for ${seconds} s`);
		this.name = 'StalledError';
	}
}

export interface Progress {
	/** bytes received so far, over every request made through this fetch */
	received: number;
}

export function trackedFetch(onProgress: (p: Progress) => void, stallMs = 20_000, fetchFn: typeof fetch = fetch): typeof fetch {
	const progress: Progress = { received: 0 };
	return async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const ctrl = new AbortController();
		const tick = Math.min(1000, Math.max(1, stallMs / 4));
		let clock: ReturnType<typeof setInterval> | undefined;
		let quiet = 0;
		let last = performance.now();
		let stalled = false;
		/** a byte arrived (or the request began): the quiet time starts again */
		const arm = () => {
			quiet = 0;
			last = performance.now();
			if (clock !== undefined) return;
			clock = setInterval(() => {
				const now = performance.now();
				quiet += Math.min(now - last, 2 * tick);
				last = now;
				if (quiet >= stallMs) {
					stalled = true;
					stop();
					ctrl.abort();
				}
			}, tick);
		};
		const stop = () => {
			clearInterval(clock);
			clock = undefined;
		};
		arm();
		let res: Response;
		try {
			res = await fetchFn(input, { ...init, signal: ctrl.signal });
		} catch (e) {
			stop();
			throw stalled ? new StalledError(url, Math.round(stallMs / 1000)) : e;
		}
		if (!res.body) {
			stop();
			return res;
		}
		const reader = res.body.getReader();
		const body = new ReadableStream<Uint8Array>({
			async pull(controller) {
				try {
					const { done, value } = await reader.read();
					if (done) {
						stop();
						controller.close();
						return;
					}
					arm();
					progress.received += value.byteLength;
					onProgress({ ...progress });
					controller.enqueue(value);
				} catch (e) {
					stop();
					controller.error(stalled ? new StalledError(url, Math.round(stallMs / 1000)) : e);
				}
			},
			cancel(reason) {
				stop();
				return reader.cancel(reason);
			}
		});
		return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
	};
}
