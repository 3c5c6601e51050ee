import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export type RequestFailure =
	| { kind: 'http'; status: number; retryAfter?: string; body: unknown }
	| { kind: 'timeout'; timeoutMs: number }
	| { kind: 'refused' }
	| { kind: 'reset' }
	| { kind: 'other'; code?: string };

const MAX_DETAIL_LENGTH = 500;

type ThrownRequestError = { code?: unknown; httpCode?: unknown; messages?: unknown; message?: unknown; cause?: unknown };

// n8n's request helpers throw a NodeApiError that keeps the network error's code in `httpCode` and its
// own words in `messages`; a plain error keeps them in `code`, `message` and `cause`.
function errorCodes(error: unknown): string[] {
	const codes: string[] = [];
	let current = error as ThrownRequestError | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		const texts = [current.code, current.httpCode, current.message, ...(Array.isArray(current.messages) ? current.messages : [])];
		codes.push(...texts.filter((text): text is string => typeof text === 'string'));
		current = current.cause as ThrownRequestError | undefined;
	}
	return codes;
}

/** Reads what went wrong from a thrown request error, keeping nothing of the request itself. */
export function describeFailure(error: unknown, timeoutMs: number): RequestFailure {
	const codes = errorCodes(error).join(' ');
	if (/ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|timeout/i.test(codes)) return { kind: 'timeout', timeoutMs };
	if (/ECONNREFUSED/.test(codes)) return { kind: 'refused' };
	if (/ECONNRESET|EPIPE|socket hang up/i.test(codes)) return { kind: 'reset' };
	return { kind: 'other', code: /\b(E[A-Z_]+)\b/.exec(codes)?.[1] };
}

function describeValidationDetail(entry: unknown): string {
	if (typeof entry !== 'object' || entry === null) return String(entry);
	const { loc, msg } = entry as { loc?: unknown; msg?: unknown };
	const where = Array.isArray(loc) ? loc.join('.') : undefined;
	return where ? `${where}: ${String(msg)}` : String(msg ?? JSON.stringify(entry));
}

/** The server's own words: FastAPI `detail` (string or list), `message` + `error`, or an HTML page's text. */
export function serverDetail(body: unknown): string | undefined {
	let detail: string | undefined;
	if (typeof body === 'string') {
		detail = body
			.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
	} else if (typeof body === 'object' && body !== null) {
		const { detail: fastApiDetail, message, error } = body as Record<string, unknown>;
		if (typeof fastApiDetail === 'string') detail = fastApiDetail;
		else if (Array.isArray(fastApiDetail)) detail = fastApiDetail.map(describeValidationDetail).join('; ');
		else detail = [message, error].filter((part) => typeof part === 'string' && part).join(': ');
	}
	if (!detail) return undefined;
	return detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH)}…` : detail;
}

function httpMessage(status: number, detail: string | undefined): string {
	switch (status) {
		// For these two the server's detail is the reason itself, so it goes into the message, which is
		// all that n8n keeps of a failed item.
		case 400:
			return detail ? `Interactly refused the request: ${detail}` : 'Interactly refused the request';
		case 401:
			return 'Interactly rejected the API key: check the Interactly API credential';
		case 403:
			return 'The API key has no access to this workflow run or team';
		case 404:
			return 'Interactly could not find this workflow run (or comment)';
		case 409:
			return /exist|duplicate/i.test(detail ?? '')
				? 'A comment with this logical ID already exists on the workflow run'
				: 'The workflow run is still in progress: comments can be added once it has finished';
		case 422:
			return detail ? `Interactly could not validate the request: ${detail}` : 'Interactly could not validate the request';
		case 429:
			return 'Interactly is rate limiting requests, and the retries ran out';
		default:
			return status >= 500
				? `Interactly had a server error (HTTP ${status})`
				: `Interactly answered with HTTP ${status}`;
	}
}

function failureMessage(failure: RequestFailure, baseUrl: string): string {
	switch (failure.kind) {
		case 'http':
			return httpMessage(failure.status, serverDetail(failure.body));
		case 'timeout':
			return `Interactly did not answer within ${failure.timeoutMs} ms`;
		case 'refused':
			return `Could not connect to Interactly at ${baseUrl} (connection refused)`;
		case 'reset':
			return `The connection to Interactly at ${baseUrl} was dropped before an answer arrived`;
		default:
			return `Could not reach Interactly at ${baseUrl}${failure.code ? ` (${failure.code})` : ''}`;
	}
}

function redact(text: string, secret: string) {
	const key = String(secret ?? '').trim();
	return key.length < 4 ? text : text.split(key).join('[redacted]');
}

/** Builds the error an item fails with, from our own words and the server's detail only. */
export function toNodeApiError(
	node: INode,
	failure: RequestFailure,
	context: { itemIndex: number; baseUrl: string; secret: string; attempts: number },
): NodeApiError {
	const message = redact(failureMessage(failure, context.baseUrl), context.secret);
	const detail = failure.kind === 'http' ? serverDetail(failure.body) : undefined;
	const reason = detail && !message.includes(detail) ? detail : '';
	const tries = context.attempts > 1 ? `(after ${context.attempts} attempts)` : '';
	const description = redact([reason, tries].filter(Boolean).join(' '), context.secret) || undefined;
	const httpCode = failure.kind === 'http' ? String(failure.status) : undefined;
	return new NodeApiError(
		node,
		{ message, description: description ?? '', httpCode: httpCode ?? '' } as JsonObject,
		{ message, description, httpCode, itemIndex: context.itemIndex },
	);
}
