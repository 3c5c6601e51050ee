import { SEEDED_RUNS } from './seed';
import type { RunComment, RunEvent, WorkflowRunRecord } from './types';

export interface RunFilter {
	workflowId?: string;
	/** Any of these statuses; empty means all. */
	statuses: string[];
	/** Epoch milliseconds, inclusive bounds on created_at. */
	start?: number;
	end?: number;
	search?: string;
}

function matches(record: WorkflowRunRecord, filter: RunFilter): boolean {
	const run = record.workflow_run;
	const createdAt = Date.parse(record.created_at);
	if (filter.workflowId !== undefined && run.workflow_id !== filter.workflowId) return false;
	if (filter.statuses.length > 0 && !filter.statuses.includes(run.status)) return false;
	if (filter.start !== undefined && createdAt < filter.start) return false;
	if (filter.end !== undefined && createdAt > filter.end) return false;
	if (filter.search !== undefined) {
		const needle = filter.search.toLowerCase();
		const haystack = [record._id, run.workflow_id, run.logical_id, ...run.comments.map((c) => c.content)];
		if (!haystack.some((text) => text.toLowerCase().includes(needle))) return false;
	}
	return true;
}

/** In-memory runs; each instance starts from its own deep copy of the seed. */
export class RunStore {
	private runs = new Map<string, WorkflowRunRecord>();

	constructor() {
		this.reset();
	}

	reset(): void {
		this.runs = new Map(SEEDED_RUNS.map((run) => [run._id, structuredClone(run)]));
	}

	get(id: string): WorkflowRunRecord | undefined {
		return this.runs.get(id);
	}

	add(record: WorkflowRunRecord): void {
		this.runs.set(record._id, record);
	}

	/** Newest first. */
	list(filter: RunFilter): WorkflowRunRecord[] {
		return [...this.runs.values()]
			.filter((record) => matches(record, filter))
			.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
	}

	findEvent(record: WorkflowRunRecord, eventId: string): RunEvent | undefined {
		for (const pair of record.workflow_run.input_output_pairs) {
			const found = pair.run_output.events.find((event) => event.logical_id === eventId);
			if (found) return found;
		}
		return undefined;
	}

	addComment(record: WorkflowRunRecord, comment: RunComment): void {
		record.workflow_run.comments.push(comment);
		record.updated_at = new Date().toISOString();
	}

	addEventComment(record: WorkflowRunRecord, event: RunEvent, comment: RunComment): void {
		event.comments.push(comment);
		record.updated_at = new Date().toISOString();
	}

	/** False when the run has no comment with that logical_id. */
	deleteComment(record: WorkflowRunRecord, logicalId: string): boolean {
		const comments = record.workflow_run.comments;
		const index = comments.findIndex((comment) => comment.logical_id === logicalId);
		if (index < 0) return false;
		comments.splice(index, 1);
		record.updated_at = new Date().toISOString();
		return true;
	}
}
