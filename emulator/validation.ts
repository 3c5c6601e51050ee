// Request validation with FastAPI/pydantic-style 422 details, plus the vendor's comment-content rules.
import type { RunFilter } from './store';

export interface FieldError {
	loc: Array<string | number>;
	msg: string;
	type: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const RUN_ID_PATTERN = /^[0-9a-f]{24}$/;
export const MAX_COMMENT_LENGTH = 5000;

/** decodeURIComponent that answers undefined for malformed escapes instead of throwing. */
export function decodeSegment(raw: string): string | undefined {
	try {
		return decodeURIComponent(raw);
	} catch {
		return undefined;
	}
}

export function runIdErrors(rawSegment: string): FieldError[] {
	const id = decodeSegment(rawSegment);
	if (id !== undefined && RUN_ID_PATTERN.test(id)) return [];
	return [
		{
			loc: ['path', 'workflow_run_id'],
			msg: `String should match pattern '${RUN_ID_PATTERN.source}'`,
			type: 'value_error',
		},
	];
}

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:[Zz]|([+-])(\d{2}):?(\d{2}))?)?$/;

/** Epoch milliseconds of an ISO 8601 date(-time); no zone means UTC. Undefined when it does not parse. */
export function parseDateTime(text: string): number | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', sign, offsetHours = '0', offsetMinutes = '0'] =
		match;
	const fields = [+year, +month - 1, +day, +hour, +minute, +second];
	const date = new Date(Date.UTC(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]));
	const roundTrip = [
		date.getUTCFullYear(),
		date.getUTCMonth(),
		date.getUTCDate(),
		date.getUTCHours(),
		date.getUTCMinutes(),
		date.getUTCSeconds(),
	];
	if (roundTrip.some((value, i) => value !== fields[i]) || +offsetHours > 23 || +offsetMinutes > 59) return undefined;
	const offsetMs = (sign === '-' ? -1 : 1) * (+offsetHours * 60 + +offsetMinutes) * 60_000;
	return date.getTime() + Math.floor(Number(`0${fraction}`) * 1000) - offsetMs;
}

export interface CommentBody {
	logical_id?: string | null;
	content?: string | null;
	createdBy?: string | null;
	updatedBy?: string | null;
	createdAt?: string | null;
	updatedAt?: string | null;
}

const COMMENT_FIELDS = ['logical_id', 'content', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt'] as const;
const USER_ID_FIELDS: readonly string[] = ['createdBy', 'updatedBy'];
const DATE_FIELDS: readonly string[] = ['createdAt', 'updatedAt'];
const USER_ID_LENGTH = 24;

function commentFieldError(field: string, value: unknown): FieldError | undefined {
	const loc = ['body', field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') return { loc, msg: 'Input should be a valid string', type: 'string_type' };
	if (USER_ID_FIELDS.includes(field) && value.length < USER_ID_LENGTH) {
		return { loc, msg: `String should have at least ${USER_ID_LENGTH} characters`, type: 'string_too_short' };
	}
	if (USER_ID_FIELDS.includes(field) && value.length > USER_ID_LENGTH) {
		return { loc, msg: `String should have at most ${USER_ID_LENGTH} characters`, type: 'string_too_long' };
	}
	if (DATE_FIELDS.includes(field) && parseDateTime(value) === undefined) {
		return { loc, msg: 'Input should be a valid datetime', type: 'datetime_parsing' };
	}
	return undefined;
}

/** Schema checks only (422); the content rules are contentProblem's. */
export function parseCommentBody(rawBody: string, body: unknown): Parsed<CommentBody> {
	if (rawBody.trim() === '' || body === null) {
		return { ok: false, errors: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] };
	}
	if (body === undefined) {
		return { ok: false, errors: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }] };
	}
	if (typeof body !== 'object' || Array.isArray(body)) {
		const msg = 'Input should be a valid dictionary or object to extract fields from';
		return { ok: false, errors: [{ loc: ['body'], msg, type: 'model_attributes_type' }] };
	}
	const fields = body as Record<string, unknown>;
	const errors = COMMENT_FIELDS.map((field) => commentFieldError(field, fields[field])).filter(
		(error): error is FieldError => error !== undefined,
	);
	return errors.length > 0 ? { ok: false, errors } : { ok: true, value: fields as CommentBody };
}

/** The 400 `error` text for content the vendor refuses, or undefined when it is acceptable. */
export function contentProblem(trimmedContent: string): string | undefined {
	if (trimmedContent === '') return 'Comment content cannot be blank';
	// Python's len() counts code points, which is what spreading a string yields.
	if ([...trimmedContent].length > MAX_COMMENT_LENGTH) {
		return `Comment content cannot exceed ${MAX_COMMENT_LENGTH} characters`;
	}
	return undefined;
}

export interface ListQuery {
	page: number;
	size: number;
	filter: RunFilter;
}

/** FastAPI takes the last value of a repeated scalar parameter. */
function lastValue(query: URLSearchParams, name: string): string | undefined {
	const values = query.getAll(name);
	return values[values.length - 1];
}

interface ParamResult<T> {
	value?: T;
	error?: FieldError;
}

function integerParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): ParamResult<number> {
	const raw = lastValue(query, name);
	const loc = ['query', name];
	if (raw === undefined) return { value: fallback };
	if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
		return { error: { loc, msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' } };
	}
	const value = Number(raw);
	if (value < min) return { error: { loc, msg: `Input should be greater than or equal to ${min}`, type: 'greater_than_equal' } };
	if (value > max) return { error: { loc, msg: `Input should be less than or equal to ${max}`, type: 'less_than_equal' } };
	return { value };
}

function dateParam(query: URLSearchParams, name: string): ParamResult<number> {
	const raw = lastValue(query, name);
	if (raw === undefined) return { value: undefined };
	const value = parseDateTime(raw);
	if (value === undefined) return { error: { loc: ['query', name], msg: 'Input should be a valid datetime', type: 'datetime_parsing' } };
	return { value };
}

export function parseListQuery(query: URLSearchParams): Parsed<ListQuery> {
	const page = integerParam(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
	const size = integerParam(query, 'size', 20, 1, 100);
	const start = dateParam(query, 'start');
	const end = dateParam(query, 'end');
	const errors = [page.error, size.error, start.error, end.error].filter((error): error is FieldError => error !== undefined);
	if (errors.length > 0 || page.value === undefined || size.value === undefined) return { ok: false, errors };
	const statuses = query
		.getAll('status')
		.flatMap((value) => value.split(','))
		.map((status) => status.trim())
		.filter((status) => status !== '');
	return {
		ok: true,
		value: {
			page: page.value,
			size: size.value,
			filter: {
				workflowId: lastValue(query, 'workflow_id'),
				statuses,
				start: start.value,
				end: end.value,
				search: lastValue(query, 'search'),
			},
		},
	};
}
