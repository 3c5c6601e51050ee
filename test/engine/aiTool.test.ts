import { RUNS } from '../../emulator';
import { commentPosts, credentialsFor, INTERACTLY, interactlyWorkflow, useEngineAndEmulator } from '../support/engineTest';

// An AI agent fills a tool's parameters from `$fromAI(key, description, type)` expressions. In
// n8n-workflow 2.8.0, `$fromAI` (workflow-data-proxy.js, handleFromAi) answers in a normal execute
// context from the node's input item at index runIndex (0 in a first run): `json.query[key]`, else
// `json[key]`, else the default. The agent's tool call supplies exactly that one item, so the tests
// below feed the tool's arguments as the input item json, as the agent does; the last one shows
// that a second input item is not read, which is why an agent calls the tool once per action.

const addCommentByAgent = {
	resource: 'workflowRun',
	operation: 'addComment',
	workflowRunId: {
		__rl: true,
		mode: 'id',
		value: "={{ $fromAI('workflowRunId', 'The 24-hex id of the run', 'string') }}",
	},
	content: "={{ $fromAI('content', 'The review note to leave on the run', 'string') }}",
	additionalFields: { logicalId: "={{ $fromAI('logicalId', 'Leave empty', 'string', 'comment_agent-1') }}" },
};

describe('The node as an AI agent tool: parameters from $fromAI', () => {
	const ctx = useEngineAndEmulator();

	it('adds the comment the agent asked for, with its arguments as the input item', async () => {
		const { engine, emulator } = ctx;
		const args = { workflowRunId: RUNS.failedB, content: 'The billing lookup timed out; raise the tool timeout.' };
		const result = await engine.run(interactlyWorkflow(engine, addCommentByAgent, [args]), credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		expect(emulator.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'POST', path: `/workflows/v1/workflow-runs/${RUNS.failedB}/comments`, query: {} },
		]);
		expect(emulator.requests[0].body).toEqual({ logical_id: 'comment_agent-1', content: args.content });
		expect(emulator.requests[0].headers).toMatchObject({
			authorization: `Bearer ${emulator.apiKey}`,
			'content-type': 'application/json',
		});
		expect(result.outputOf(INTERACTLY)).toEqual([[{ json: emulator.getRun(RUNS.failedB), pairedItem: { item: 0 } }]]);
	});

	it('also reads the arguments from a `query` object, as n8n passes some tool calls', async () => {
		const { engine, emulator } = ctx;
		const query = { workflowRunId: RUNS.cancelled, content: 'User hung up; nothing to fix.', logicalId: 'comment_agent-2' };
		await engine.run(interactlyWorkflow(engine, addCommentByAgent, [{ query }]), credentialsFor(emulator));

		expect(commentPosts(emulator)).toEqual([
			[RUNS.cancelled, { logical_id: 'comment_agent-2', content: 'User hung up; nothing to fix.' }],
		]);
	});

	it('fails clearly when the agent gives a run ID that is not one, before sending anything', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, addCommentByAgent, [{ workflowRunId: 'the failed billing run', content: 'x' }]),
			credentialsFor(emulator),
		);

		expect(result.error?.message).toBe(
			'Invalid Workflow Run ID in item 0: The ID must be 24 hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593 (got "the failed billing run")',
		);
		expect(emulator.requests).toEqual([]);
	});

	it('lists runs with a status and limit chosen by the agent', async () => {
		const { engine, emulator } = ctx;
		const parameters = {
			resource: 'workflowRun',
			operation: 'getAll',
			limit: "={{ $fromAI('limit', 'How many runs at most', 'number') }}",
			filters: { status: "={{ $fromAI('status', 'Comma-separated statuses, e.g. failed', 'string') }}" },
			options: { output: 'simplified' },
		};
		const result = await engine.run(
			interactlyWorkflow(engine, parameters, [{ limit: 1, status: 'failed' }]),
			credentialsFor(emulator),
		);

		expect(emulator.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/workflows/v1/workflow-runs', query: { page: '1', size: '1', status: 'failed' } },
		]);
		expect(result.outputOf(INTERACTLY)[0].map((item) => [item.json.id, item.json.status, item.pairedItem])).toEqual([
			[RUNS.failedB, 'failed', { item: 0 }],
		]);
	});

	it('resolves $fromAI from the first input item only, for every item', async () => {
		const { engine, emulator } = ctx;
		await engine.run(
			interactlyWorkflow(engine, { ...addCommentByAgent, additionalFields: {} }, [
				{ workflowRunId: RUNS.completedA, content: 'first' },
				{ workflowRunId: RUNS.completedB, content: 'second' },
			]),
			credentialsFor(emulator),
		);

		expect(commentPosts(emulator).map(([runId, body]) => [runId, (body as { content: string }).content])).toEqual([
			[RUNS.completedA, 'first'],
			[RUNS.completedA, 'first'],
		]);
	});
});
