// Shapes of the stored workflow-run record, as in /work/shared/interactly-api.md.

export interface RunComment {
	logical_id: string;
	content: string;
	createdBy: string | null;
	updatedBy: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface RunEvent {
	logical_id: string;
	type: string;
	role: string;
	node_id: string;
	thread_id: string;
	content: string;
	created_at: string;
	comments: RunComment[];
}

export interface InputOutputPair {
	run_input: {
		command: string;
		workflow_id: string;
		workflow_run_id: string;
		dynamic_variables: Record<string, unknown>;
		runtime_variables: Record<string, unknown>;
		miscellaneous: Record<string, unknown>;
		thread_to_node_inputs: Record<string, unknown>;
	};
	run_output: {
		events: RunEvent[];
		thread_to_node_outputs: Record<string, unknown>;
	};
	evaluation: Record<string, unknown>;
}

export interface WorkflowRunState {
	logical_id: string;
	workflow_id: string;
	version_number: number;
	/** An open set: see TERMINAL_STATUSES for the ones that accept comments. */
	status: string;
	termination_source: string | null;
	run_by: string;
	input_output_pairs: InputOutputPair[];
	comments: RunComment[];
	llm_token_usage: Record<string, number>;
	llm_latency_stats: Record<string, number>;
}

export interface WorkflowRunRecord {
	_id: string;
	team_id: string;
	created_by: string;
	updated_by: string;
	created_at: string;
	updated_at: string;
	workflow_run: WorkflowRunState;
}

export const TERMINAL_STATUSES: readonly string[] = [
	'completed',
	'failed',
	'cancelled',
	'aborted_looping_risk',
];
