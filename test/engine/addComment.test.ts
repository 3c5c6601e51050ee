import { RUNS, USER_IDS } from '../../emulator';
import {
	addCommentFromItems,
	commentPosts,
	credentialsFor,
	INTERACTLY,
	interactlyWorkflow,
	useEngineAndEmulator,
} from '../support/engineTest';

const GENERATED_LOGICAL_ID = /^comment_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Add Comment through the n8n engine, against the emulator', () => {
	const ctx = useEngineAndEmulator();

	it('posts one comment per item, each with its own resolved values, and emits the stored runs in order', async () => {
		const { engine, emulator } = ctx;
		const items = [
			{ runId: RUNS.completedA, note: 'Caller was transferred twice' },
			{ runId: RUNS.failedB, note: 'Timeout on the billing lookup' },
			{ runId: RUNS.cancelled, note: 'Cancelled by the user – ok ✅' },
		];
		const result = await engine.run(interactlyWorkflow(engine, addCommentFromItems(), items), credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		// Items go out five at a time, so the server may see them in any order.
		const posts = commentPosts(emulator);
		const bodyByRun = new Map(posts);
		expect([...bodyByRun.keys()].sort()).toEqual(items.map((item) => item.runId).sort());
		for (const item of items) {
			expect(bodyByRun.get(item.runId)).toEqual({ logical_id: expect.stringMatching(GENERATED_LOGICAL_ID), content: item.note });
		}
		expect(new Set(posts.map(([, body]) => (body as { logical_id: string }).logical_id)).size).toBe(3);

		const [output] = result.outputOf(INTERACTLY);
		expect(output).toEqual(
			items.map((item, index) => ({ json: emulator.getRun(item.runId), pairedItem: { item: index } })),
		);
		const storedComments = emulator.getRun(RUNS.failedB)!.workflow_run.comments;
		expect(storedComments[storedComments.length - 1]).toMatchObject({
			logical_id: (bodyByRun.get(RUNS.failedB) as { logical_id: string }).logical_id,
			content: 'Timeout on the billing lookup',
		});
	});

	it('maps every additional field to the API body with its own casing, dates in UTC', async () => {
		const { engine, emulator } = ctx;
		const workflow = interactlyWorkflow(
			engine,
			addCommentFromItems({
				additionalFields: {
					logicalId: 'comment_review-42',
					createdBy: USER_IDS.alice,
					updatedBy: USER_IDS.bob,
					createdAt: '2024-07-01T10:30:00',
					updatedAt: '2024-07-02T08:00:00-04:00',
				},
			}),
			[{ runId: RUNS.completedB, note: 'Looks good' }],
		);
		workflow.settings = { timezone: 'Europe/Berlin' };
		const result = await engine.run(workflow, credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		expect(commentPosts(emulator)).toEqual([
			[
				RUNS.completedB,
				{
					logical_id: 'comment_review-42',
					content: 'Looks good',
					createdBy: USER_IDS.alice,
					updatedBy: USER_IDS.bob,
					createdAt: '2024-07-01T08:30:00Z',
					updatedAt: '2024-07-02T12:00:00Z',
				},
			],
		]);
	});

	it('sends the trimmed key as a Bearer token, and the identity headers only when filled in', async () => {
		const { engine, emulator } = ctx;
		const workflow = interactlyWorkflow(engine, addCommentFromItems(), [{ runId: RUNS.completedA, note: 'a' }]);

		await engine.run(workflow, credentialsFor(emulator, { apiKey: `  ${emulator.apiKey}\n`, teamId: '', userId: '' }));
		await engine.run(workflow, credentialsFor(emulator, { teamId: 'team-7', userId: USER_IDS.bob }));

		const [withoutIdentity, withIdentity] = emulator.requests.map((request) => request.headers);
		expect(withoutIdentity.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(withoutIdentity).not.toHaveProperty('teamid');
		expect(withoutIdentity).not.toHaveProperty('uuid');
		expect(withoutIdentity['content-type']).toBe('application/json');
		expect(withIdentity).toMatchObject({ authorization: `Bearer ${emulator.apiKey}`, teamid: 'team-7', uuid: USER_IDS.bob });
	});

	it('reaches the API under a pasted base URL with a trailing slash and /workflows/v1', async () => {
		const { engine, emulator } = ctx;
		const workflow = interactlyWorkflow(engine, addCommentFromItems(), [{ runId: RUNS.completedA, note: 'a' }]);
		const result = await engine.run(workflow, credentialsFor(emulator, { baseUrl: ` ${emulator.url}/workflows/v1/ ` }));

		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => request.path)).toEqual([
			`/workflows/v1/workflow-runs/${RUNS.completedA}/comments`,
		]);
	});

	it('takes the run from a pasted URL, and from the list mode value', async () => {
		const { engine, emulator } = ctx;
		const byUrl = interactlyWorkflow(
			engine,
			addCommentFromItems({
				workflowRunId: { __rl: true, mode: 'url', value: `https://app.interactly.ai/workflows/${'a'.repeat(24)}/workflow-runs/${RUNS.failedA}?tab=events` },
			}),
			[{ note: 'from url' }],
		);
		const fromList = interactlyWorkflow(
			engine,
			addCommentFromItems({ workflowRunId: { __rl: true, mode: 'list', value: RUNS.completedC } }),
			[{ note: 'from list' }],
		);
		await engine.run(byUrl, credentialsFor(emulator));
		await engine.run(fromList, credentialsFor(emulator));

		expect(commentPosts(emulator).map(([runId, body]) => [runId, (body as { content: string }).content])).toEqual([
			[RUNS.failedA, 'from url'],
			[RUNS.completedC, 'from list'],
		]);
	});

	it.each([
		['simplified', (runId: string, comment: object) => ({
			id: runId,
			workflowId: expect.any(String),
			status: 'completed',
			finished: true,
			commentCount: 2,
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
			comment,
		})],
		['comment', (_runId: string, comment: object) => comment],
	])('shapes the %s output from the stored run', async (output, expected) => {
		const { engine, emulator } = ctx;
		const workflow = interactlyWorkflow(engine, addCommentFromItems({ options: { output } }), [
			{ runId: RUNS.completedA, note: 'Shape me' },
		]);
		const result = await engine.run(workflow, credentialsFor(emulator));

		const stored = emulator.getRun(RUNS.completedA)!;
		const added = stored.workflow_run.comments[stored.workflow_run.comments.length - 1];
		expect(added.content).toBe('Shape me');
		const [[item]] = result.outputOf(INTERACTLY);
		expect(item).toEqual({ json: expected(RUNS.completedA, added), pairedItem: { item: 0 } });
		if (output === 'simplified') {
			expect(item.json).toMatchObject({
				workflowId: stored.workflow_run.workflow_id,
				createdAt: stored.created_at,
				updatedAt: stored.updated_at,
			});
		}
	});

	it('outputs a bare comment answer as it came, instead of failing', async () => {
		const { engine, emulator } = ctx;
		emulator.setFaults({ answerShape: 'bareComment' });
		const result = await engine.run(
			interactlyWorkflow(engine, addCommentFromItems({ additionalFields: { logicalId: 'comment_bare' } }), [
				{ runId: RUNS.completedA, note: 'bare' },
			]),
			credentialsFor(emulator),
		);

		const [[item]] = result.outputOf(INTERACTLY);
		expect(item.json).toEqual(
			emulator.getRun(RUNS.completedA)!.workflow_run.comments.find((comment) => comment.logical_id === 'comment_bare'),
		);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('fails an item with a clear error when the answer is neither a run nor a comment', async () => {
		const { engine, emulator } = ctx;
		emulator.setFaults({ answerShape: 'unexpected' });
		const result = await engine.run(
			interactlyWorkflow(engine, addCommentFromItems(), [{ runId: RUNS.completedA, note: 'x' }], {
				onError: 'continueRegularOutput',
			}),
			credentialsFor(emulator),
		);

		expect(result.outputOf(INTERACTLY)).toEqual([
			[
				{
					json: { error: 'Interactly sent an answer this node does not understand' },
					error: expect.objectContaining({
						description:
							"Expected Interactly workflow run data, but got an object with the keys ok. Check that the credential's base URL points at the Interactly API.",
						context: { itemIndex: 0 },
					}),
					pairedItem: { item: 0 },
				},
			],
		]);
	});
});
