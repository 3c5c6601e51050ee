import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bareCommentSchema, runEnvelopeSchema, runRecordSchema, type Comment, type RunRecord } from './schemas';

export type OutputMode = 'run' | 'simplified' | 'comment' | 'deleted';

export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled', 'aborted_looping_risk'];

/** The statuses the API is known to use, in-progress ones first; the set is open, new values may appear. */
export const RUN_STATUSES = [
	'not_started',
	'pending',
	'started',
	'running',
	'paused',
	'waiting_for_user_input',
	...TERMINAL_STATUSES,
];

/** A run answer read tolerantly: the record (envelope removed), or a bare comment from newer servers. */
export type RunAnswer = { record: RunRecord } | { comment: Comment };

function unexpectedAnswer(node: INode, itemIndex: number, body: unknown) {
	const shape =
		body === null || body === undefined || body === ''
			? 'an empty body'
			: typeof body === 'object'
				? `an object with the keys ${Object.keys(body).slice(0, 8).join(', ') || '(none)'}`
				: `${typeof body} data`;
	return new NodeOperationError(node, 'Interactly sent an answer this node does not understand', {
		itemIndex,
		description: `Expected Interactly workflow run data, but got ${shape}. Check that the credential's base URL points at the Interactly API.`,
	});
}

export function readRunAnswer(node: INode, itemIndex: number, body: unknown): RunAnswer {
	const envelope = runEnvelopeSchema.safeParse(body);
	// The original objects are kept (not zod's copies): unknown fields pass through untouched.
	if (envelope.success) return { record: (body as { workflow_run: RunRecord }).workflow_run };
	if (bareCommentSchema.safeParse(body).success) return { comment: body as Comment };
	throw unexpectedAnswer(node, itemIndex, body);
}

export function simplifyRun(record: RunRecord): IDataObject {
	const run = record.workflow_run;
	const status = run.status ?? null;
	return {
		id: record._id,
		workflowId: run.workflow_id ?? null,
		status,
		finished: status !== null && TERMINAL_STATUSES.includes(status),
		commentCount: run.comments?.length ?? 0,
		createdAt: (record.created_at as string | undefined) ?? null,
		updatedAt: (record.updated_at as string | undefined) ?? null,
	};
}

/** The comment this request added: the one with our logical ID, else the last one (as the API appends). */
export function findAddedComment(record: RunRecord, logicalId: string): Comment | undefined {
	const comments = record.workflow_run.comments ?? [];
	return comments.find((comment) => comment.logical_id === logicalId) ?? comments[comments.length - 1];
}

export function shapeRunOutput(answer: RunAnswer, mode: OutputMode, workflowRunId: string, logicalId?: string): IDataObject {
	if ('comment' in answer) {
		return mode === 'simplified' ? { id: workflowRunId, comment: answer.comment } : answer.comment;
	}
	const { record } = answer;
	const added = logicalId === undefined ? undefined : findAddedComment(record, logicalId);
	if (mode === 'comment') return added ?? {};
	if (mode === 'simplified') return added ? { ...simplifyRun(record), comment: added } : simplifyRun(record);
	return record;
}

const PAGE_ROW_KEYS = ['workflow_runs', 'items', 'data', 'results'];

/** One page of the list endpoint: rows under a resource-named key, beside page / pages / total. */
export function readRunPage(node: INode, itemIndex: number, body: unknown, page: number, size: number) {
	const page_ = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const rows = Array.isArray(body) ? body : PAGE_ROW_KEYS.map((key) => page_[key]).find(Array.isArray);
	if (!rows) throw unexpectedAnswer(node, itemIndex, body);
	const records = rows.filter((row): row is RunRecord => runRecordSchema.safeParse(row).success);
	const pages = typeof page_.pages === 'number' ? page_.pages : undefined;
	const hasMore = pages !== undefined ? page < pages : rows.length >= size;
	return { records, hasMore };
}
