import { randomUUID } from 'crypto';

import type { FaultPlan } from './faults';
import { withGeneratedEvents } from './faults';
import { detail, json, unauthorized, type ApiResponse } from './response';
import type { RunStore } from './store';
import { TERMINAL_STATUSES, type RunComment, type WorkflowRunRecord } from './types';
import {
	contentProblem,
	decodeSegment,
	parseCommentBody,
	parseListQuery,
	runIdErrors,
	type CommentBody,
	type FieldError,
} from './validation';

export interface ParsedRequest {
	method: string;
	/** Raw (still percent-encoded) pathname. */
	path: string;
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	body: unknown;
}

export interface RouteContext {
	store: RunStore;
	apiKey: string;
	answerShape: NonNullable<FaultPlan['answerShape']>;
	eventsPerRun?: number;
}

export type RouteName = 'listRuns' | 'getRun' | 'addComment' | 'deleteComment' | 'addEventComment';

export interface RouteResult {
	route?: RouteName;
	response: ApiResponse;
}

/** Where a new comment goes: the run's own list or one event's. */
interface CommentTarget {
	comments: RunComment[];
	save(comment: RunComment): void;
}

type Handler = (request: ParsedRequest, params: string[], context: RouteContext) => ApiResponse;

const BASE = ['', 'workflows', 'v1', 'workflow-runs'];

function present(record: WorkflowRunRecord, context: RouteContext): WorkflowRunRecord {
	return context.eventsPerRun === undefined ? record : withGeneratedEvents(record, context.eventsPerRun);
}

function envelope(record: WorkflowRunRecord, context: RouteContext): ApiResponse {
	return json(200, { workflow_run: present(record, context) });
}

function unprocessable(errors: FieldError[]): ApiResponse {
	return detail(422, errors);
}

/** The run named by a path segment, or the 422/404 answer. Extra validation errors are answered together. */
function findRun(rawId: string, context: RouteContext, otherErrors: FieldError[] = []): WorkflowRunRecord | ApiResponse {
	const errors = [...runIdErrors(rawId), ...otherErrors];
	if (errors.length > 0) return unprocessable(errors);
	return context.store.get(decodeSegment(rawId) as string) ?? detail(404, 'Workflow run not found');
}

function isResponse(value: object): value is ApiResponse {
	return 'status' in value && 'body' in value;
}

function listRuns(request: ParsedRequest, _params: string[], context: RouteContext): ApiResponse {
	const parsed = parseListQuery(request.query);
	if (!parsed.ok) return unprocessable(parsed.errors);
	const { page, size, filter } = parsed.value;
	const matching = context.store.list(filter);
	const rows = matching.slice((page - 1) * size, page * size).map((record) => present(record, context));
	return json(200, { workflow_runs: rows, page, size, total: matching.length, pages: Math.ceil(matching.length / size) });
}

function getRun(_request: ParsedRequest, [runId]: string[], context: RouteContext): ApiResponse {
	const run = findRun(runId, context);
	return isResponse(run) ? run : envelope(run, context);
}

function deleteComment(_request: ParsedRequest, [runId, commentId]: string[], context: RouteContext): ApiResponse {
	const run = findRun(runId, context);
	if (isResponse(run)) return run;
	const logicalId = decodeSegment(commentId);
	if (logicalId === undefined || !context.store.deleteComment(run, logicalId)) return detail(404, 'Comment not found');
	return envelope(run, context);
}

function newComment(body: CommentBody, content: string): RunComment {
	const now = new Date().toISOString();
	return {
		logical_id: body.logical_id ?? `comment_${randomUUID()}`,
		content,
		createdBy: body.createdBy ?? null,
		updatedBy: body.updatedBy ?? null,
		createdAt: body.createdAt ?? now,
		updatedAt: body.updatedAt ?? now,
	};
}

/** The shared rules of both comment POSTs; checks run in the order 422, 404, 400, 409. */
function postComment(
	request: ParsedRequest,
	runId: string,
	context: RouteContext,
	targetOf: (run: WorkflowRunRecord) => CommentTarget | ApiResponse,
): ApiResponse {
	const parsed = parseCommentBody(request.rawBody, request.body);
	// Path and body errors share one 422, as FastAPI does, so a body error always makes findRun answer.
	const run = findRun(runId, context, parsed.ok ? [] : parsed.errors);
	if (isResponse(run) || !parsed.ok) return run as ApiResponse;
	const target = targetOf(run);
	if (isResponse(target)) return target;
	const content = (parsed.value.content ?? '').trim();
	const problem = contentProblem(content);
	if (problem) return json(400, { message: 'Invalid comment', error: problem });
	if (!TERMINAL_STATUSES.includes(run.workflow_run.status)) {
		return detail(409, 'Feedback cannot be left while the run is still in progress');
	}
	const comment = newComment(parsed.value, content);
	if (target.comments.some((existing) => existing.logical_id === comment.logical_id)) {
		return detail(409, 'A comment with this logical_id already exists');
	}
	target.save(comment);
	if (context.answerShape === 'bareComment') return json(200, comment);
	if (context.answerShape === 'unexpected') return json(200, { ok: true });
	return envelope(run, context);
}

function addComment(request: ParsedRequest, [runId]: string[], context: RouteContext): ApiResponse {
	return postComment(request, runId, context, (run) => ({
		comments: run.workflow_run.comments,
		save: (comment) => context.store.addComment(run, comment),
	}));
}

function addEventComment(request: ParsedRequest, [runId, eventId]: string[], context: RouteContext): ApiResponse {
	return postComment(request, runId, context, (run) => {
		const logicalId = decodeSegment(eventId);
		const event = logicalId === undefined ? undefined : context.store.findEvent(run, logicalId);
		if (!event) return detail(404, 'Event not found');
		return { comments: event.comments, save: (comment) => context.store.addEventComment(run, event, comment) };
	});
}

/** Segments after BASE; ':' marks a path parameter. */
const ROUTES: Array<{ name: RouteName; method: string; pattern: string[]; handle: Handler }> = [
	{ name: 'listRuns', method: 'GET', pattern: [], handle: listRuns },
	{ name: 'getRun', method: 'GET', pattern: [':run'], handle: getRun },
	{ name: 'addComment', method: 'POST', pattern: [':run', 'comments'], handle: addComment },
	{ name: 'deleteComment', method: 'DELETE', pattern: [':run', 'comments', ':comment'], handle: deleteComment },
	{ name: 'addEventComment', method: 'POST', pattern: [':run', 'events', ':event', 'comments'], handle: addEventComment },
];

/** The raw parameter segments when the path fits the pattern. */
function matchPath(pattern: string[], segments: string[]): string[] | undefined {
	if (segments.length !== BASE.length + pattern.length) return undefined;
	if (BASE.some((segment, i) => segments[i] !== segment)) return undefined;
	const rest = segments.slice(BASE.length);
	const params: string[] = [];
	for (const [i, part] of pattern.entries()) {
		if (part.startsWith(':') && rest[i] !== '') params.push(rest[i]);
		else if (part !== rest[i]) return undefined;
	}
	return params;
}

export function route(request: ParsedRequest, context: RouteContext): RouteResult {
	if (request.headers.authorization !== `Bearer ${context.apiKey}`) return { response: unauthorized() };
	const segments = request.path.split('/');
	const matching = ROUTES.map((def) => ({ def, params: matchPath(def.pattern, segments) })).filter(
		(candidate) => candidate.params !== undefined,
	);
	if (matching.length === 0) return { response: detail(404, 'Not Found') };
	const chosen = matching.find((candidate) => candidate.def.method === request.method);
	if (!chosen) {
		const allow = matching.map((candidate) => candidate.def.method).join(', ');
		return { response: detail(405, 'Method Not Allowed', { allow }) };
	}
	return { route: chosen.def.name, response: chosen.def.handle(request, chosen.params as string[], context) };
}
