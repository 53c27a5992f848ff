/**
 * A fetch for start-up that reports bytes as they arrive and gives up on a request that stalls
 * (no byte for `stallMs`), so a slow network shows progress and a dead one ends in a message with a
 * retry instead of "Loading…" forever. Same signature as fetch, so the loaders take it as fetchFn.
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
		let timer: ReturnType<typeof setTimeout> | undefined;
		let stalled = false;
		const arm = () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				stalled = true;
				ctrl.abort();
			}, stallMs);
		};
		arm();
		let res: Response;
		try {
			res = await fetchFn(input, { ...init, signal: ctrl.signal });
		} catch (e) {
			clearTimeout(timer);
			throw stalled ? new StalledError(url, Math.round(stallMs / 1000)) : e;
		}
		if (!res.body) {
			clearTimeout(timer);
			return res;
		}
		const reader = res.body.getReader();
		const body = new ReadableStream<Uint8Array>({
			async pull(controller) {
				try {
					const { done, value } = await reader.read();
					if (done) {
						clearTimeout(timer);
						controller.close();
						return;
					}
					arm();
					progress.received += value.byteLength;
					onProgress({ ...progress });
					controller.enqueue(value);
				} catch (e) {
					clearTimeout(timer);
					controller.error(stalled ? new StalledError(url, Math.round(stallMs / 1000)) : e);
				}
			},
			cancel(reason) {
				clearTimeout(timer);
				return reader.cancel(reason);
			}
		});
		return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
	};
}
