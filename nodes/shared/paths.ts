/** Fills `{name}` path parameters, URL-encoded; a missing or empty one is a programming error. */
export function fillPath(path: string, pathParams: Record<string, string | number> = {}): string {
	return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = pathParams[name];
		if (value === undefined || String(value) === '') {
			throw new Error(`Missing path parameter "${name}" for ${path}`);
		}
		return encodeURIComponent(String(value));
	});
}
