/**
 * A component loaded on first use: the dialogs, the tour player and the views not in the first
 * view are split into their own chunks so the main route ships less JS. The promise is kept, so a
 * second opening renders at once (the chunk is already evaluated).
 *   const Dialog = lazy(() => import('./Dialog.svelte'));
 *   {#await Dialog() then C}<C … />{/await}
 */
export function lazy<T>(load: () => Promise<{ default: T }>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return () => (loading ??= load().then((m) => m.default));
}
