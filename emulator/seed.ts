// The key below is a made-up value that only this local emulator accepts, not a secret.
/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import type { InputOutputPair, RunComment, RunEvent, WorkflowRunRecord } from './types';

/** The key the emulator accepts unless startEmulator({ apiKey }) says otherwise. */
export const EMULATOR_API_KEY = 'emulator-key-4f1c9a7e2b6d';

export const TEAM_ID = '64f0c2a1b3d4e5f601a2b3c4';

export const USER_IDS = {
	alice: '64f0c2a1b3d4e5f601a2b3d1',
	bob: '64f0c2a1b3d4e5f601a2b3d2',
} as const;

export const WORKFLOW_IDS = {
	support: '6650a1f2c3d4e5f601b2c301',
	onboarding: '6650a1f2c3d4e5f601b2c302',
	billing: '6650a1f2c3d4e5f601b2c303',
} as const;

/**
 * Seeded run ids, named by status: RUNS.completedA … RUNS.notStarted.
 * completedA and failedA already carry one run-level comment (SEEDED_COMMENT_IDS).
 */
export const RUNS = {
	completedA: '6660b7e1a2c3d4e5f6a7b801',
	completedB: '6660b7e1a2c3d4e5f6a7b802',
	completedC: '6660b7e1a2c3d4e5f6a7b803',
	failedA: '6660b7e1a2c3d4e5f6a7b804',
	failedB: '6660b7e1a2c3d4e5f6a7b805',
	cancelled: '6660b7e1a2c3d4e5f6a7b806',
	abortedLoopingRisk: '6660b7e1a2c3d4e5f6a7b807',
	running: '6660b7e1a2c3d4e5f6a7b808',
	waitingForUserInput: '6660b7e1a2c3d4e5f6a7b809',
	notStarted: '6660b7e1a2c3d4e5f6a7b80a',
} as const;

export const SEEDED_COMMENT_IDS = {
	completedA: 'comment_0b8f6a52-3c1e-4d7a-9f2b-1e5c7d9a0b11',
	failedA: 'comment_5d2e8c41-7a3b-4f6e-8d1c-2b9a4e6f8c22',
} as const;

export interface RunSpec {
	_id: string;
	workflow_id: string;
	status: string;
	created_at: string;
	logical_id?: string;
	termination_source?: string | null;
	/** How many input/output pairs (turns), two events each (three when failed). */
	turns?: number;
	comments?: RunComment[];
}

const dialogue: Record<string, string[]> = {
	[WORKFLOW_IDS.support]: [
		'My order #4471 has not arrived yet.',
		'I am sorry to hear that. The parcel left our warehouse on Monday; let me check the carrier.',
		'Can you send it again?',
		'I have requested a replacement shipment. You will get a tracking link by email.',
	],
	[WORKFLOW_IDS.onboarding]: [
		'Hi, I just signed up. Where do I start?',
		'Welcome! First, connect your calendar so I can suggest meeting slots.',
		'Done, it is connected.',
		'Great. Next, invite your team from Settings > Members.',
	],
	[WORKFLOW_IDS.billing]: [
		'I was charged twice this month.',
		'I see two charges of $49 on May 3rd. I have opened a refund for the duplicate.',
		'How long will the refund take?',
		'Refunds usually reach your card within 5 to 7 business days.',
	],
};

function event(runId: string, turn: number, index: number, role: string, content: string, at: string): RunEvent {
	return {
		logical_id: `event_${runId.slice(-4)}_${turn}_${index}`,
		type: role === 'system' ? 'error' : 'message',
		role,
		node_id: role === 'user' ? 'node_user_input' : 'node_agent',
		thread_id: 'main',
		content,
		created_at: at,
		comments: [],
	};
}

function turnEvents(spec: RunSpec, turn: number): RunEvent[] {
	const lines = dialogue[spec.workflow_id] ?? dialogue[WORKFLOW_IDS.support];
	const events = [
		event(spec._id, turn, 0, 'user', lines[(turn * 2) % lines.length], spec.created_at),
		event(spec._id, turn, 1, 'assistant', lines[(turn * 2 + 1) % lines.length], spec.created_at),
	];
	if (spec.status === 'failed') {
		events.push(event(spec._id, turn, 2, 'system', 'LLM provider timed out after 30s', spec.created_at));
	}
	return events;
}

function pair(spec: RunSpec, turn: number, events: RunEvent[]): InputOutputPair {
	return {
		run_input: {
			command: turn === 0 ? 'start' : 'user_input',
			workflow_id: spec.workflow_id,
			workflow_run_id: spec._id,
			dynamic_variables: { customer_name: 'Dana Reyes', channel: 'web_chat' },
			runtime_variables: {},
			miscellaneous: {},
			thread_to_node_inputs: {},
		},
		run_output: { events, thread_to_node_outputs: {} },
		evaluation: {},
	};
}

/** Builds a complete record in the contract's shape; used for the seed and for Emulator.addRun. */
export function buildRun(spec: RunSpec): WorkflowRunRecord {
	const turns = spec.turns ?? (spec.status === 'not_started' ? 0 : 2);
	// A run that has not started yet still has its first input recorded, with no output events.
	const pairs = turns === 0 ? [pair(spec, 0, [])] : Array.from({ length: turns }, (_, turn) => pair(spec, turn, turnEvents(spec, turn)));
	return {
		_id: spec._id,
		team_id: TEAM_ID,
		created_by: USER_IDS.alice,
		updated_by: USER_IDS.alice,
		created_at: spec.created_at,
		updated_at: spec.comments?.at(-1)?.updatedAt ?? spec.created_at,
		workflow_run: {
			logical_id: spec.logical_id ?? `run_${spec._id.slice(-6)}`,
			workflow_id: spec.workflow_id,
			version_number: 3,
			status: spec.status,
			termination_source: spec.termination_source ?? null,
			run_by: USER_IDS.alice,
			input_output_pairs: pairs,
			comments: spec.comments ?? [],
			llm_token_usage: { prompt_tokens: 412 * turns, completion_tokens: 96 * turns, total_tokens: 508 * turns },
			llm_latency_stats: { calls: turns, mean_ms: turns ? 840 : 0, p95_ms: turns ? 1320 : 0, max_ms: turns ? 1410 : 0 },
		},
	};
}

function seededComment(logicalId: string, content: string, at: string): RunComment {
	return { logical_id: logicalId, content, createdBy: USER_IDS.bob, updatedBy: USER_IDS.bob, createdAt: at, updatedAt: at };
}

const completedAComment = seededComment(
	SEEDED_COMMENT_IDS.completedA,
	'Good answer, replacement was the right call.',
	'2024-05-02T10:00:00Z',
);
const failedAComment = seededComment(SEEDED_COMMENT_IDS.failedA, 'Escalated to the platform team.', '2024-05-15T12:05:00Z');
const { support, onboarding, billing } = WORKFLOW_IDS;

const SEED_SPECS: RunSpec[] = [
	{ _id: RUNS.completedA, workflow_id: support, status: 'completed', created_at: '2024-05-02T09:15:00Z', termination_source: 'end_node', comments: [completedAComment] },
	{ _id: RUNS.completedB, workflow_id: onboarding, status: 'completed', created_at: '2024-05-10T14:30:00Z', termination_source: 'end_node' },
	{ _id: RUNS.completedC, workflow_id: billing, status: 'completed', created_at: '2024-06-01T08:00:00Z', termination_source: 'end_node', turns: 1 },
	{ _id: RUNS.failedA, workflow_id: support, status: 'failed', created_at: '2024-05-15T11:45:00Z', termination_source: 'error', comments: [failedAComment] },
	{ _id: RUNS.failedB, workflow_id: billing, status: 'failed', created_at: '2024-06-03T16:20:00Z', termination_source: 'error', turns: 1 },
	{ _id: RUNS.cancelled, workflow_id: onboarding, status: 'cancelled', created_at: '2024-05-20T07:05:00Z', termination_source: 'user', turns: 1 },
	{ _id: RUNS.abortedLoopingRisk, workflow_id: support, status: 'aborted_looping_risk', created_at: '2024-05-25T19:40:00Z', termination_source: 'loop_guard' },
	{ _id: RUNS.running, workflow_id: support, status: 'running', created_at: '2024-06-10T13:00:00Z', turns: 1 },
	{ _id: RUNS.waitingForUserInput, workflow_id: onboarding, status: 'waiting_for_user_input', created_at: '2024-06-11T09:30:00Z', turns: 1 },
	{ _id: RUNS.notStarted, workflow_id: billing, status: 'not_started', created_at: '2024-06-12T06:00:00Z' },
];

export const SEEDED_RUNS: readonly WorkflowRunRecord[] = SEED_SPECS.map(buildRun);
