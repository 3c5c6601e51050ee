import type { RequestFailure } from './errors';

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
// A server asking for a longer pause than this would stall the whole execution; it fails the item instead.
export const MAX_RETRY_AFTER_MS = 60_000;

export const isRateLimit = (failure: RequestFailure) => failure.kind === 'http' && failure.status === 429;

/** Refusals that an earlier attempt of the same write, if it took effect, would explain: already there (409), already gone (404). */
export const mayAnswerOwnEarlierWrite = (failure: RequestFailure) =>
	failure.kind === 'http' && (failure.status === 409 || failure.status === 404);

/** Failures after which the request may still have been carried out: the answer, not the request, was lost. */
export const mayHaveTakenEffect = (failure: RequestFailure) =>
	failure.kind === 'timeout' || failure.kind === 'reset' || (failure.kind === 'http' && failure.status >= 500);

/** Milliseconds from `Retry-After` (seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	// An HTTP date names its weekday and month; this keeps Date.parse from reading "-1" as a year.
	if (!/[a-z]{3}/i.test(trimmed)) return undefined;
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** How long to wait before the next attempt, or undefined when this failure must not be retried. */
export function retryDelayMs(failure: RequestFailure, attempt: number, random = Math.random, now = Date.now()): number | undefined {
	const retryable =
		failure.kind === 'timeout' ||
		failure.kind === 'refused' ||
		failure.kind === 'reset' ||
		(failure.kind === 'http' && RETRYABLE_STATUSES.has(failure.status));
	if (!retryable) return undefined;
	const serverAsked = failure.kind === 'http' ? parseRetryAfter(failure.retryAfter, now) : undefined;
	if (serverAsked !== undefined) return serverAsked <= MAX_RETRY_AFTER_MS ? serverAsked : undefined;
	const backoff = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(backoff * (0.5 + random() / 2));
}
