import { RUNS } from '../../emulator';
import {
	addCommentFromItems,
	commentPosts,
	credentialsFor,
	INTERACTLY,
	interactlyWorkflow,
	useEngineAndEmulator,
} from '../support/engineTest';

const UNKNOWN_RUN = 'ffffffffffffffffffffffff';

describe('HTTP errors become NodeApiErrors with a plain message and the server detail', () => {
	const ctx = useEngineAndEmulator();

	async function failingItem(setUp: () => void, runId: string = RUNS.completedA, credentials = {}) {
		const { engine, emulator } = ctx;
		setUp();
		const workflow = interactlyWorkflow(engine, addCommentFromItems({ options: { maxRetries: 0 } }), [{ runId, note: 'n' }]);
		const result = await engine.run(workflow, credentialsFor(emulator, credentials));
		return result.error as unknown as { message: string; description?: string; httpCode?: string; context: object };
	}

	it.each([
		[
			'401, a wrong key',
			() => {},
			RUNS.completedA,
			{ apiKey: 'not-the-key' },
			'Interactly rejected the API key: check the Interactly API credential',
			'Invalid or missing API key',
			'401',
		],
		[
			'403',
			() => ctx.emulator.setFaults({ failNext: { count: 1, status: 403, body: { detail: 'Key has no access to this team' } } }),
			RUNS.completedA,
			{},
			'The API key has no access to this workflow run or team',
			'Key has no access to this team',
			'403',
		],
		[
			'404, an unknown run',
			() => {},
			UNKNOWN_RUN,
			{},
			'Interactly could not find this workflow run (or comment)',
			'Workflow run not found',
			'404',
		],
		[
			'409, a run still in progress',
			() => {},
			RUNS.running,
			{},
			'The workflow run is still in progress: comments can be added once it has finished',
			'Feedback cannot be left while the run is still in progress',
			'409',
		],
		[
			'422 with a FastAPI detail list',
			() =>
				ctx.emulator.setFaults({
					failNext: {
						count: 1,
						status: 422,
						body: { detail: [{ loc: ['body', 'content'], msg: 'field required', type: 'missing' }] },
					},
				}),
			RUNS.completedA,
			{},
			'Interactly could not validate the request: body.content: field required',
			undefined,
			'422',
		],
		[
			'400 with message and error',
			() =>
				ctx.emulator.setFaults({
					failNext: { count: 1, status: 400, body: { message: 'Invalid comment', error: 'Comment content cannot be blank' } },
				}),
			RUNS.completedA,
			{},
			'Interactly refused the request: Invalid comment: Comment content cannot be blank',
			undefined,
			'400',
		],
		[
			'429 once retries are used up',
			() => ctx.emulator.setFaults({ failNext: { count: 1, status: 429, retryAfter: '1', body: { detail: 'Rate limit exceeded' } } }),
			RUNS.completedA,
			{},
			'Interactly is rate limiting requests, and the retries ran out',
			'Rate limit exceeded',
			'429',
		],
		[
			'503 once retries are used up',
			() => ctx.emulator.setFaults({ failNext: { count: 1, status: 503, body: { detail: 'Maintenance' } } }),
			RUNS.completedA,
			{},
			'Interactly had a server error (HTTP 503)',
			'Maintenance',
			'503',
		],
	])('%s', async (_case, setUp, runId, credentials, message, description, httpCode) => {
		const error = await failingItem(setUp, runId, credentials);
		expect(error).toMatchObject({ message, httpCode, context: { itemIndex: 0 } });
		expect(error.description).toBe(description);
	});

	describe('one bad item among good ones, under each error setting', () => {
		const items = [
			{ runId: RUNS.completedA, note: 'ok 0' },
			{ runId: RUNS.running, note: 'in progress' },
			{ runId: UNKNOWN_RUN, note: 'unknown' },
			{ runId: 'not-a-run', note: 'bad id' },
			{ runId: RUNS.completedB, note: 'ok 4' },
		];
		const errorMessages = [
			'The workflow run is still in progress: comments can be added once it has finished',
			'Interactly could not find this workflow run (or comment)',
			'Invalid Workflow Run ID in item 3: The ID must be 24 hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593 (got "not-a-run")',
		];

		const run = (onError?: 'continueRegularOutput' | 'continueErrorOutput', concurrency = 1) =>
			ctx.engine.run(
				interactlyWorkflow(ctx.engine, addCommentFromItems({ options: { concurrency } }), items, onError ? { onError } : {}),
				credentialsFor(ctx.emulator),
			);

		it('stop on error: the first failing item stops the node, with its index', async () => {
			const result = await run();
			expect(result.error).toMatchObject({ message: errorMessages[0], context: { itemIndex: 1 } });
			expect(result.outputOf(INTERACTLY)).toEqual([]);
			expect(commentPosts(ctx.emulator).map(([runId]) => runId)).toEqual([RUNS.completedA, RUNS.running]);
		});

		it('continue (regular output): one item per input, in order and paired, errors in place', async () => {
			const result = await run('continueRegularOutput', 5);
			expect(result.error).toBeUndefined();
			const [output] = result.outputOf(INTERACTLY);
			expect(output.map((item) => [item.pairedItem, item.json.error ?? item.json._id])).toEqual([
				[{ item: 0 }, RUNS.completedA],
				[{ item: 1 }, errorMessages[0]],
				[{ item: 2 }, errorMessages[1]],
				[{ item: 3 }, errorMessages[2]],
				[{ item: 4 }, RUNS.completedB],
			]);
			// The invalid item never reached the server.
			expect(commentPosts(ctx.emulator).map(([runId]) => runId).sort()).toEqual(
				[RUNS.completedA, RUNS.running, UNKNOWN_RUN, RUNS.completedB].sort(),
			);
		});

		it('continue (error output): successes on the main output, failures on the error output, all paired', async () => {
			const result = await run('continueErrorOutput', 5);
			expect(result.error).toBeUndefined();
			const [success, failure] = result.outputOf(INTERACTLY);
			expect(success.map((item) => [item.pairedItem, item.json._id])).toEqual([
				[{ item: 0 }, RUNS.completedA],
				[{ item: 4 }, RUNS.completedB],
			]);
			expect(failure.map((item) => [item.pairedItem, item.json])).toEqual([
				[{ item: 1 }, { error: errorMessages[0] }],
				[{ item: 2 }, { error: errorMessages[1] }],
				[{ item: 3 }, { error: errorMessages[2] }],
			]);
		});
	});

	describe('a 422 and a key revoked part-way, under each error setting', () => {
		// One item at a time, so the emulator's faults hit the items in order: the first request gets a
		// 422, the second goes through, every request after two gets a 401.
		const items = [
			{ runId: RUNS.completedA, note: 'refused' },
			{ runId: RUNS.completedB, note: 'ok' },
			{ runId: RUNS.completedC, note: 'key revoked' },
		];
		const unprocessable = 'Interactly could not validate the request: body.content: too long for this team';
		const unauthorized = 'Interactly rejected the API key: check the Interactly API credential';

		const run = (onError?: 'continueRegularOutput' | 'continueErrorOutput') => {
			ctx.emulator.setFaults({
				failNext: { count: 1, status: 422, body: { detail: [{ loc: ['body', 'content'], msg: 'too long for this team' }] } },
				unauthorizedAfter: 2,
			});
			return ctx.engine.run(
				interactlyWorkflow(ctx.engine, addCommentFromItems({ options: { concurrency: 1 } }), items, onError ? { onError } : {}),
				credentialsFor(ctx.emulator),
			);
		};

		it('stop on error: the 422 stops the node at item 0', async () => {
			const result = await run();
			expect(result.error).toMatchObject({ message: unprocessable, httpCode: '422', context: { itemIndex: 0 } });
			expect(result.outputOf(INTERACTLY)).toEqual([]);
			expect(commentPosts(ctx.emulator).map(([runId]) => runId)).toEqual([RUNS.completedA]);
		});

		it('continue (regular output): three items, in order and paired', async () => {
			const [output] = (await run('continueRegularOutput')).outputOf(INTERACTLY);
			expect(output.map((item) => [item.pairedItem, item.json.error ?? item.json._id])).toEqual([
				[{ item: 0 }, unprocessable],
				[{ item: 1 }, RUNS.completedB],
				[{ item: 2 }, unauthorized],
			]);
		});

		it('continue (error output): the success on the main output, both failures on the error output', async () => {
			const [success, failure] = (await run('continueErrorOutput')).outputOf(INTERACTLY);
			expect(success.map((item) => [item.pairedItem, item.json._id])).toEqual([[{ item: 1 }, RUNS.completedB]]);
			expect(failure.map((item) => [item.pairedItem, item.json])).toEqual([
				[{ item: 0 }, { error: unprocessable }],
				[{ item: 2 }, { error: unauthorized }],
			]);
		});
	});
});
