import { RUNS, SEEDED_COMMENT_IDS } from '../../emulator';
import { SIMPLIFIED_FAILED_A } from '../support/simplifiedRuns';
import { credentialsFor, INTERACTLY, interactlyWorkflow, runIdById, useEngineAndEmulator } from '../support/engineTest';

const deleteComment = (options = {}) => ({
	resource: 'workflowRun',
	operation: 'deleteComment',
	workflowRunId: runIdById('={{ $json.runId }}'),
	commentId: '={{ $json.commentId }}',
	options,
});

describe('Delete Comment through the n8n engine, against the emulator', () => {
	const ctx = useEngineAndEmulator();
	const items = [
		{ runId: RUNS.completedA, commentId: SEEDED_COMMENT_IDS.completedA },
		{ runId: RUNS.failedA, commentId: ` ${SEEDED_COMMENT_IDS.failedA} ` },
	];

	it('sends one DELETE per item, with the trimmed comment ID encoded in the path, and confirms by default', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(interactlyWorkflow(engine, deleteComment(), items), credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		// Both items go out at once, so the server may see them in either order.
		const requests = emulator.requests.map(({ method, path, query, rawBody }) => ({ method, path, query, rawBody }));
		expect(requests.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
			{
				method: 'DELETE',
				path: `/workflows/v1/workflow-runs/${RUNS.completedA}/comments/${SEEDED_COMMENT_IDS.completedA}`,
				query: {},
				rawBody: '',
			},
			{
				method: 'DELETE',
				path: `/workflows/v1/workflow-runs/${RUNS.failedA}/comments/${SEEDED_COMMENT_IDS.failedA}`,
				query: {},
				rawBody: '',
			},
		]);
		expect(emulator.requests[0].headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(result.outputOf(INTERACTLY)).toEqual([
			[
				{ json: { deleted: true, workflowRunId: RUNS.completedA, commentId: SEEDED_COMMENT_IDS.completedA }, pairedItem: { item: 0 } },
				{ json: { deleted: true, workflowRunId: RUNS.failedA, commentId: SEEDED_COMMENT_IDS.failedA }, pairedItem: { item: 1 } },
			],
		]);
		expect(emulator.getRun(RUNS.completedA)!.workflow_run.comments).toEqual([]);
		expect(emulator.getRun(RUNS.failedA)!.workflow_run.comments).toEqual([]);
	});

	it('outputs the run without the comment, whole or simplified', async () => {
		const { engine, emulator } = ctx;
		const whole = await engine.run(interactlyWorkflow(engine, deleteComment({ output: 'run' }), [items[0]]), credentialsFor(emulator));
		const simplified = await engine.run(
			interactlyWorkflow(engine, deleteComment({ output: 'simplified' }), [items[1]]),
			credentialsFor(emulator),
		);

		expect(whole.outputOf(INTERACTLY)).toEqual([[{ json: emulator.getRun(RUNS.completedA), pairedItem: { item: 0 } }]]);
		expect(simplified.outputOf(INTERACTLY)).toEqual([
			[
				{
					json: { ...SIMPLIFIED_FAILED_A, commentCount: 0, updatedAt: emulator.getRun(RUNS.failedA)!.updated_at },
					pairedItem: { item: 0 },
				},
			],
		]);
	});

	it('after a DELETE whose answer was lost, reads the run and, the comment being gone, does not send it again', async () => {
		const { engine, emulator } = ctx;
		emulator.setFaults({ dropAfterCommitNext: 1 });
		const result = await engine.run(interactlyWorkflow(engine, deleteComment(), [items[0]]), credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		expect(emulator.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`DELETE /workflows/v1/workflow-runs/${RUNS.completedA}/comments/${SEEDED_COMMENT_IDS.completedA}`,
			`GET /workflows/v1/workflow-runs/${RUNS.completedA}`,
		]);
		expect(result.outputOf(INTERACTLY)).toEqual([
			[{ json: { deleted: true, workflowRunId: RUNS.completedA, commentId: SEEDED_COMMENT_IDS.completedA }, pairedItem: { item: 0 } }],
		]);
	});

	it('after a 503, reads the run and, the comment still being there, deletes it again', async () => {
		const { engine, emulator } = ctx;
		emulator.setFaults({ failNext: { count: 1, status: 503, retryAfter: '0' } });
		const result = await engine.run(interactlyWorkflow(engine, deleteComment(), [items[0]]), credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		const deletePath = `/workflows/v1/workflow-runs/${RUNS.completedA}/comments/${SEEDED_COMMENT_IDS.completedA}`;
		expect(emulator.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`DELETE ${deletePath}`,
			`GET /workflows/v1/workflow-runs/${RUNS.completedA}`,
			`DELETE ${deletePath}`,
		]);
		expect(emulator.getRun(RUNS.completedA)!.workflow_run.comments).toEqual([]);
	});

	it('refuses a blank comment ID before sending anything', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, deleteComment(), [{ runId: RUNS.completedA, commentId: '   ' }]),
			credentialsFor(emulator),
		);

		expect(result.error?.message).toBe('Invalid Comment ID in item 0: Comment ID is empty (got "   ")');
		expect(emulator.requests).toEqual([]);
	});

	it('reports an unknown comment as an item error under Continue On Fail', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, deleteComment(), [{ runId: RUNS.completedB, commentId: 'comment_gone' }], {
				onError: 'continueRegularOutput',
			}),
			credentialsFor(emulator),
		);

		expect(emulator.requests.map((request) => request.path)).toEqual([
			`/workflows/v1/workflow-runs/${RUNS.completedB}/comments/comment_gone`,
		]);
		expect(result.outputOf(INTERACTLY)).toEqual([
			[{ json: { error: 'Interactly could not find this workflow run (or comment)' }, error: expect.anything(), pairedItem: { item: 0 } }],
		]);
	});
});
