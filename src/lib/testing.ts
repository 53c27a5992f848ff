/**
 * Handles for the browser tests and the benchmark. They exist only when the page was opened with
 * `window.__ATLAS_TEST_HOOKS__ = true` set before its scripts ran (the test harness and the bench
 * do that with an init script), so a production page exposes nothing.
 */
type HookWindow = { __ATLAS_TEST_HOOKS__?: boolean } & Record<string, unknown>;

function testHooksOn(): boolean {
	return typeof window !== 'undefined' && (window as unknown as HookWindow).__ATLAS_TEST_HOOKS__ === true;
}

export function exposeForTests(name: string, value: unknown): void {
	if (testHooksOn()) (window as unknown as HookWindow)[name] = value;
}
