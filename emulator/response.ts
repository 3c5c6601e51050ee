export interface ApiResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
	return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** The `{"detail": ...}` shape FastAPI uses for its errors. */
export function detail(status: number, message: unknown, headers: Record<string, string> = {}): ApiResponse {
	return json(status, { detail: message }, headers);
}

export function unauthorized(): ApiResponse {
	return detail(401, 'Invalid or missing API key');
}
