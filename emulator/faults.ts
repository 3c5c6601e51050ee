import { detail, json, unauthorized, type ApiResponse } from './response';
import type { RunEvent, WorkflowRunRecord } from './types';

export interface FailNextFault {
	count: number;
	status: number;
	/** Raw `Retry-After` header value: seconds or an HTTP date. */
	retryAfter?: string;
	/** Answer an HTML error page (text/html) instead of JSON. */
	html?: boolean;
	/** JSON-encoded as the answer; a string is sent verbatim (e.g. to send malformed JSON). */
	body?: unknown;
}

export interface FaultPlan {
	/** Delay before every answer. */
	latencyMs?: number;
	/** Token bucket (burst defaults to max(1, perSecond)); over the limit → 429 with Retry-After. */
	rateLimit?: { perSecond: number; burst?: number };
	failNext?: FailNextFault;
	/** The next N requests are never answered; their sockets stay open until the client gives up or close(). */
	hangNext?: number;
	/** The next N comment writes (POST or DELETE) are applied to the store, then the socket is destroyed without an answer. */
	dropAfterCommitNext?: number;
	/** Answer of a successful comment POST: the record envelope (default), the bare comment, or `{"ok":true}`. */
	answerShape?: 'envelope' | 'bareComment' | 'unexpected';
	/** Every record in an answer carries this many generated events (GENERATED_EVENT_BYTES each) in input_output_pairs[0]. */
	eventsPerRun?: number;
	/** After this many more requests, every request gets 401. */
	unauthorizedAfter?: number;
}

export type FaultOutcome = { kind: 'proceed' } | { kind: 'hang' } | { kind: 'answer'; response: ApiResponse };

function failure(fault: FailNextFault): ApiResponse {
	const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
	if (fault.html) {
		const page = `<!DOCTYPE html>\n<html><head><title>${fault.status} Error</title></head><body><h1>${fault.status} Error</h1><p>The upstream server failed.</p></body></html>\n`;
		return { status: fault.status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: page };
	}
	if (typeof fault.body === 'string') {
		return { status: fault.status, headers: { ...headers, 'content-type': 'application/json' }, body: fault.body };
	}
	if (fault.body !== undefined) return json(fault.status, fault.body, headers);
	return detail(fault.status, `Injected fault: HTTP ${fault.status}`, headers);
}

/**
 * The misbehaviour controls. At most one fault answers a request, checked in this order:
 * unauthorizedAfter (counts every request), hangNext, rateLimit, failNext. A counter is only
 * consumed by a request it acts on, so hangNext: 1 + failNext: 1 hang one request and fail the next.
 */
export class Faults {
	private plan: FaultPlan = {};
	private tokens = 0;
	private refilledAt = 0;

	set(plan: FaultPlan): void {
		this.plan = { ...this.plan, ...plan };
		if (plan.failNext) this.plan.failNext = { ...plan.failNext };
		if (plan.rateLimit) {
			this.tokens = this.burst(plan.rateLimit);
			this.refilledAt = Date.now();
		}
	}

	reset(): void {
		this.plan = {};
	}

	get latencyMs(): number {
		return this.plan.latencyMs ?? 0;
	}

	get answerShape(): NonNullable<FaultPlan['answerShape']> {
		return this.plan.answerShape ?? 'envelope';
	}

	get eventsPerRun(): number | undefined {
		return this.plan.eventsPerRun;
	}

	/** Called once per request, in arrival order. */
	next(): FaultOutcome {
		const plan = this.plan;
		if (plan.unauthorizedAfter !== undefined) {
			if (plan.unauthorizedAfter <= 0) return { kind: 'answer', response: unauthorized() };
			plan.unauthorizedAfter -= 1;
		}
		if (plan.hangNext) {
			plan.hangNext -= 1;
			return { kind: 'hang' };
		}
		if (plan.rateLimit) {
			const retryAfterSeconds = this.takeToken(plan.rateLimit);
			if (retryAfterSeconds !== undefined) {
				return {
					kind: 'answer',
					response: detail(429, 'Rate limit exceeded', { 'retry-after': String(retryAfterSeconds) }),
				};
			}
		}
		if (plan.failNext && plan.failNext.count > 0) {
			plan.failNext.count -= 1;
			return { kind: 'answer', response: failure(plan.failNext) };
		}
		return { kind: 'proceed' };
	}

	/** Called for each comment write that reached the normal handling; true when its answer must be dropped. */
	takeDropAfterCommit(): boolean {
		if (!this.plan.dropAfterCommitNext) return false;
		this.plan.dropAfterCommitNext -= 1;
		return true;
	}

	private burst(limit: NonNullable<FaultPlan['rateLimit']>): number {
		return limit.burst ?? Math.max(1, limit.perSecond);
	}

	/** Undefined when a token was taken, else the whole seconds until one is available (at least 1). */
	private takeToken(limit: NonNullable<FaultPlan['rateLimit']>): number | undefined {
		const now = Date.now();
		this.tokens = Math.min(this.burst(limit), this.tokens + ((now - this.refilledAt) / 1000) * limit.perSecond);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return undefined;
		}
		return Math.max(1, Math.ceil((1 - this.tokens) / limit.perSecond));
	}
}

/** Exact length of JSON.stringify(event) for each generated event, so eventsPerRun: 400 adds ~200 KB. */
export const GENERATED_EVENT_BYTES = 500;
const FILLER = 'The agent looked up the order, checked the carrier status and summarised the result. ';

function generatedEvent(index: number): RunEvent {
	const event: RunEvent = {
		logical_id: `event_generated_${index}`,
		type: 'message',
		role: index % 2 === 0 ? 'user' : 'assistant',
		node_id: 'node_agent',
		thread_id: 'main',
		content: '',
		created_at: '2024-01-01T00:00:00Z',
		comments: [],
	};
	const padding = GENERATED_EVENT_BYTES - JSON.stringify(event).length;
	event.content = FILLER.repeat(Math.ceil(padding / FILLER.length)).slice(0, padding);
	return event;
}

/** A copy of the record whose first pair carries `count` generated events instead of its own. */
export function withGeneratedEvents(record: WorkflowRunRecord, count: number): WorkflowRunRecord {
	const [first, ...rest] = record.workflow_run.input_output_pairs;
	if (!first) return record;
	const events = Array.from({ length: count }, (_, index) => generatedEvent(index));
	const pairs = [{ ...first, run_output: { ...first.run_output, events } }, ...rest];
	return { ...record, workflow_run: { ...record.workflow_run, input_output_pairs: pairs } };
}
