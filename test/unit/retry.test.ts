import { describeFailure, type RequestFailure } from '../../nodes/InteractlyWorkflowRun/shared/errors';
import {
	mayAnswerOwnEarlierWrite,
	isRateLimit,
	mayHaveTakenEffect,
	MAX_RETRY_AFTER_MS,
	parseRetryAfter,
	retryDelayMs,
} from '../../nodes/InteractlyWorkflowRun/shared/retry';

const NOW = Date.parse('2024-07-01T12:00:00Z');
const http = (status: number, retryAfter?: string): RequestFailure => ({ kind: 'http', status, retryAfter, body: {} });
const lowest = () => 0;
const highest = () => 1;

describe('parseRetryAfter', () => {
	it.each([
		['0', 0],
		['1', 1000],
		[' 2 ', 2000],
		['1.5', 1500],
		['120', 120_000],
		['Mon, 01 Jul 2024 12:00:05 GMT', 5000],
		['Mon, 01 Jul 2024 11:59:00 GMT', 0],
		['Monday, 01-Jul-24 12:00:30 GMT', 30_000],
	])('reads %j as %i ms', (value, expected) => {
		expect(parseRetryAfter(value, NOW)).toBe(expected);
	});

	it.each([[undefined], [''], ['   '], ['soon'], ['-1'], ['1e3']])('ignores %j', (value) => {
		expect(parseRetryAfter(value, NOW)).toBeUndefined();
	});
});

describe('retryDelayMs', () => {
	it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
		expect(retryDelayMs(http(status), 0, lowest, NOW)).toBe(250);
	});

	it.each([400, 401, 403, 404, 405, 409, 413, 422, 501, 505])('never retries HTTP %i', (status) => {
		expect(retryDelayMs(http(status), 0, highest, NOW)).toBeUndefined();
	});

	it.each<[RequestFailure['kind'], number | undefined]>([
		['timeout', 500],
		['refused', 500],
		['reset', 500],
		['other', undefined],
	])('a %s failure: %s', (kind, expected) => {
		const failure = (kind === 'timeout' ? { kind, timeoutMs: 1 } : { kind }) as RequestFailure;
		expect(retryDelayMs(failure, 0, highest, NOW)).toBe(expected);
	});

	it('backs off exponentially from 500 ms, with jitter between half and all of it, capped at 8 s', () => {
		const attempts = [0, 1, 2, 3, 4, 5, 9];
		expect(attempts.map((attempt) => retryDelayMs({ kind: 'reset' }, attempt, highest, NOW))).toEqual([
			500, 1000, 2000, 4000, 8000, 8000, 8000,
		]);
		expect(attempts.map((attempt) => retryDelayMs({ kind: 'reset' }, attempt, lowest, NOW))).toEqual([
			250, 500, 1000, 2000, 4000, 4000, 4000,
		]);
	});

	it('waits what Retry-After asks instead, seconds or HTTP date, on any retryable status', () => {
		expect(retryDelayMs(http(429, '3'), 4, highest, NOW)).toBe(3000);
		expect(retryDelayMs(http(503, 'Mon, 01 Jul 2024 12:00:07 GMT'), 0, highest, NOW)).toBe(7000);
		expect(retryDelayMs(http(429, '0'), 0, highest, NOW)).toBe(0);
	});

	it('gives up rather than wait longer than the cap', () => {
		expect(retryDelayMs(http(429, String(MAX_RETRY_AFTER_MS / 1000)), 0, highest, NOW)).toBe(MAX_RETRY_AFTER_MS);
		expect(retryDelayMs(http(429, String(MAX_RETRY_AFTER_MS / 1000 + 1)), 0, highest, NOW)).toBeUndefined();
	});

	it('does not let Retry-After make a non-retryable status retryable', () => {
		expect(retryDelayMs(http(400, '1'), 0, highest, NOW)).toBeUndefined();
	});

	it('falls back to backoff when Retry-After cannot be read', () => {
		expect(retryDelayMs(http(503, 'later'), 1, highest, NOW)).toBe(1000);
	});
});

describe('failure kinds', () => {
	it.each<[string, RequestFailure, boolean]>([
		['a timeout', { kind: 'timeout', timeoutMs: 1 }, true],
		['a dropped connection', { kind: 'reset' }, true],
		['HTTP 500', http(500), true],
		['HTTP 503', http(503), true],
		['a refused connection', { kind: 'refused' }, false],
		['HTTP 429', http(429), false],
		['HTTP 409', http(409), false],
		['another network error', { kind: 'other' }, false],
	])('after %s the request may have taken effect: %s', (_name, failure, expected) => {
		expect(mayHaveTakenEffect(failure)).toBe(expected);
	});

	it('names rate limits, and the refusals an earlier landed write would explain', () => {
		expect([isRateLimit(http(429)), isRateLimit(http(503))]).toEqual([true, false]);
		expect([409, 404, 400, 422, 503].map((status) => mayAnswerOwnEarlierWrite(http(status)))).toEqual([
			true,
			true,
			false,
			false,
			false,
		]);
	});
});

describe('describeFailure: reading what a request threw', () => {
	it.each<[string, unknown, RequestFailure]>([
		[
			"n8n's NodeApiError for a timeout",
			{ httpCode: 'ECONNABORTED', messages: ['timeout of 300ms exceeded'], message: 'The connection was aborted' },
			{ kind: 'timeout', timeoutMs: 300 },
		],
		["n8n's NodeApiError for a refused connection", { httpCode: 'ECONNREFUSED', messages: ['connect ECONNREFUSED 127.0.0.1:1'] }, { kind: 'refused' }],
		["n8n's NodeApiError for a dropped connection", { httpCode: 'ECONNRESET', messages: ['socket hang up'] }, { kind: 'reset' }],
		['a plain error with the code on its cause', { message: 'failed', cause: { code: 'ETIMEDOUT' } }, { kind: 'timeout', timeoutMs: 300 }],
		['a plain error with an unknown code', { message: 'getaddrinfo ENOTFOUND api.example', code: 'ENOTFOUND' }, { kind: 'other', code: 'ENOTFOUND' }],
		['something without a code', new Error('boom'), { kind: 'other', code: undefined }],
	])('%s', (_name, thrown, expected) => {
		expect(describeFailure(thrown, 300)).toEqual(expected);
	});
});
