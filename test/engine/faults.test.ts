import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { RUNS, startEmulator, type Emulator, type FaultPlan } from '../../emulator';
import type { EngineRun } from '../../harness/engine';
import {
	addCommentFromItems,
	commentPosts,
	credentialsFor,
	INTERACTLY,
	interactlyWorkflow,
	useEngineAndEmulator,
	type OnError,
} from '../support/engineTest';

// Three finished runs, one item each, so every item's comments can be counted on its own run.
const ITEMS = [
	{ runId: RUNS.completedA, note: 'fault matrix item 0' },
	{ runId: RUNS.completedB, note: 'fault matrix item 1' },
	{ runId: RUNS.failedB, note: 'fault matrix item 2' },
	{ runId: RUNS.cancelled, note: 'fault matrix item 3' },
];

/** What one item ends as: posted, or failed with this message (`landed`: the comment is stored anyway). */
type Expected = 'ok' | { error: string; landed?: boolean };

interface FaultCase {
	name: string;
	faults?: FaultPlan;
	options?: Record<string, number>;
	/** Credential fields replacing the emulator's (e.g. a base URL nobody listens on). */
	credentials?: () => ICredentialDataDecryptedObject;
	expected: Expected[];
}

const SERVER_ERROR_503 = 'Interactly had a server error (HTTP 503)';
const UNAUTHORIZED = 'Interactly rejected the API key: check the Interactly API credential';
const UNEXPECTED_ANSWER = 'Interactly sent an answer this node does not understand';

let closedUrl = '';
const refused = () => `Could not connect to Interactly at ${closedUrl} (connection refused)`;

const CASES: FaultCase[] = [
	{ name: '503 twice, then OK', faults: { failNext: { count: 2, status: 503 } }, expected: ['ok', 'ok', 'ok', 'ok'] },
	{
		name: '503 for ever: the retries run out',
		faults: { failNext: { count: 1000, status: 503 } },
		options: { concurrency: 4, maxRetries: 1 },
		expected: ITEMS.map(() => ({ error: SERVER_ERROR_503 })),
	},
	{
		name: '429 with Retry-After in seconds',
		faults: { failNext: { count: 1, status: 429, retryAfter: '1' } },
		expected: ['ok', 'ok', 'ok', 'ok'],
	},
	{
		name: '429 with Retry-After as an HTTP date in the past',
		faults: { failNext: { count: 2, status: 429, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' } },
		expected: ['ok', 'ok', 'ok', 'ok'],
	},
	{
		name: 'a request that never answers: timeout, then retry',
		faults: { hangNext: 1 },
		options: { timeout: 300 },
		expected: ['ok', 'ok', 'ok', 'ok'],
	},
	{
		name: 'connection refused',
		options: { concurrency: 4, maxRetries: 1 },
		credentials: () => ({ baseUrl: closedUrl }),
		// A getter: the closed port is only known once the tests start.
		get expected() {
			return ITEMS.map(() => ({ error: refused() }));
		},
	},
	{
		name: 'an HTML 502 page, then OK',
		faults: { failNext: { count: 1, status: 502, html: true } },
		expected: ['ok', 'ok', 'ok', 'ok'],
	},
	{
		name: '200 with an unexpected body (the comment is stored, the item fails)',
		faults: { answerShape: 'unexpected' },
		expected: ITEMS.map(() => ({ error: UNEXPECTED_ANSWER, landed: true })),
	},
	{
		name: '401 part-way through',
		faults: { unauthorizedAfter: 2 },
		expected: ['ok', 'ok', { error: UNAUTHORIZED }, { error: UNAUTHORIZED }],
	},
	{
		name: 'dropped after commit: the GET finds the comment, nothing is posted twice',
		faults: { dropAfterCommitNext: 2 },
		expected: ['ok', 'ok', 'ok', 'ok'],
	},
];

const MODES: Array<[string, OnError | undefined]> = [
	['stop on error', undefined],
	['continue (regular output)', 'continueRegularOutput'],
	['continue (error output)', 'continueErrorOutput'],
];

const logged: string[] = [];

/** Every logical_id stored on any run, run-level and event-level. */
function storedLogicalIds(emulator: Emulator): string[] {
	return Object.values(RUNS).flatMap((runId) => {
		const run = emulator.getRun(runId)!.workflow_run;
		const eventComments = run.input_output_pairs.flatMap((pair) => pair.run_output.events.flatMap((event) => event.comments));
		return [...run.comments, ...eventComments].map((comment) => comment.logical_id);
	});
}

const project = (items: INodeExecutionData[]) => items.map(({ json, pairedItem }) => ({ json, pairedItem }));

describe('the fault matrix: every item ends once, on the right branch, and no comment is stored twice', () => {
	const ctx = useEngineAndEmulator();

	beforeAll(async () => {
		const gone = await startEmulator();
		closedUrl = gone.url;
		await gone.close();
		const capture = (message: string, metadata?: object) => logged.push(`${message} ${JSON.stringify(metadata ?? {})}`);
		LoggerProxy.init({ error: capture, warn: capture, info: capture, debug: capture });
	});
	beforeEach(() => {
		logged.length = 0;
	});

	function expectedOutputs(expected: Expected[], onError: OnError | undefined) {
		const { emulator } = ctx;
		const item = (state: Expected, index: number) => ({
			json: state === 'ok' ? emulator.getRun(ITEMS[index].runId) : { error: state.error },
			pairedItem: { item: index },
		});
		const all = expected.map(item);
		if (onError === 'continueErrorOutput') {
			return [all.filter((_, i) => expected[i] === 'ok'), all.filter((_, i) => expected[i] !== 'ok')];
		}
		return [all];
	}

	/** Whether each item's comment ended up stored, given that stop-on-error never sends the items after a failure. */
	function expectedLanded(expected: Expected[], onError: OnError | undefined) {
		const firstFailure = expected.findIndex((state) => state !== 'ok');
		return expected.map((state, index) => {
			if (!onError && firstFailure >= 0 && index > firstFailure) return false;
			return state === 'ok' || state.landed === true;
		});
	}

	function expectNoDuplicatesAndOneIdPerItem(emulator: Emulator) {
		const ids = storedLogicalIds(emulator);
		expect(new Set(ids).size).toBe(ids.length);
		for (const { runId } of ITEMS) {
			const posted = commentPosts(emulator)
				.filter(([postedTo]) => postedTo === runId)
				.map(([, body]) => (body as { logical_id: string }).logical_id);
			expect(new Set(posted).size).toBeLessThanOrEqual(1);
		}
	}

	function expectNoSecret(emulator: Emulator, result: EngineRun) {
		expect(JSON.stringify(result.run)).not.toContain(emulator.apiKey);
		expect(logged.join('\n')).not.toContain(emulator.apiKey);
	}

	describe.each(MODES)('%s', (_mode, onError) => {
		it.each(CASES.map((faultCase) => [faultCase.name, faultCase] as const))('%s', async (_name, faultCase) => {
			const { engine, emulator } = ctx;
			if (faultCase.faults) emulator.setFaults(faultCase.faults);
			const workflow = interactlyWorkflow(
				engine,
				addCommentFromItems({ options: { concurrency: 1, ...faultCase.options } }),
				ITEMS,
				onError ? { onError } : {},
			);
			const result = await engine.run(workflow, credentialsFor(emulator, faultCase.credentials?.()));

			const firstFailure = faultCase.expected.findIndex((state) => state !== 'ok');
			if (!onError && firstFailure >= 0) {
				const failed = faultCase.expected[firstFailure] as { error: string };
				expect(result.error).toMatchObject({ message: failed.error, context: { itemIndex: firstFailure } });
				expect(result.outputOf(INTERACTLY)).toEqual([]);
			} else {
				expect(result.error).toBeUndefined();
				expect(result.outputOf(INTERACTLY).map(project)).toEqual(expectedOutputs(faultCase.expected, onError));
			}

			const landed = expectedLanded(faultCase.expected, onError);
			ITEMS.forEach(({ runId, note }, index) => {
				const stored = emulator.getRun(runId)!.workflow_run.comments.filter((comment) => comment.content === note);
				expect([index, stored.length]).toEqual([index, landed[index] ? 1 : 0]);
			});
			expectNoDuplicatesAndOneIdPerItem(emulator);
			expectNoSecret(emulator, result);
		});
	});

	describe('Max Retries and Timeout (ms)', () => {
		async function runOne(options: Record<string, number>, faults: FaultPlan) {
			const { engine, emulator } = ctx;
			emulator.setFaults(faults);
			const workflow = interactlyWorkflow(engine, addCommentFromItems({ options }), [ITEMS[0]]);
			const result = await engine.run(workflow, credentialsFor(emulator));
			const requests = emulator.requests.map((request) => `${request.method} ${request.path.split('/').slice(4).join('/')}`);
			const logicalIds = new Set(commentPosts(emulator).map(([, body]) => (body as { logical_id: string }).logical_id));
			return { result, requests, logicalIds };
		}
		const post = `POST ${ITEMS[0].runId}/comments`;
		const get = `GET ${ITEMS[0].runId}`;

		it('retries a 429 as often as Max Retries says, with one logical ID throughout', async () => {
			const { result, requests, logicalIds } = await runOne({ maxRetries: 3 }, { failNext: { count: 3, status: 429, retryAfter: '0' } });
			expect(result.error).toBeUndefined();
			expect(requests).toEqual([post, post, post, post]);
			expect(logicalIds.size).toBe(1);
		});

		it('fails the item once the retries have run out', async () => {
			const { result, requests } = await runOne({ maxRetries: 2 }, { failNext: { count: 3, status: 429, retryAfter: '0' } });
			expect(result.error).toMatchObject({
				message: 'Interactly is rate limiting requests, and the retries ran out',
				description: 'Injected fault: HTTP 429 (after 3 attempts)',
				context: { itemIndex: 0 },
			});
			expect(requests).toEqual([post, post, post]);
		});

		it('does not retry at all with Max Retries 0', async () => {
			const { result, requests } = await runOne({ maxRetries: 0 }, { failNext: { count: 1, status: 503 } });
			expect(result.error).toMatchObject({ message: SERVER_ERROR_503, description: 'Injected fault: HTTP 503' });
			// No second POST; a 503 may still have stored the comment, so the run is read once before the item fails.
			expect(requests).toEqual([post, get]);
		});

		it('reports success when the last attempt was dropped after the comment was stored', async () => {
			const { result, requests, logicalIds } = await runOne({ maxRetries: 0 }, { dropAfterCommitNext: 1 });
			expect(result.error).toBeUndefined();
			expect(requests).toEqual([post, get]);
			const [[item]] = result.outputOf(INTERACTLY);
			const { comments } = ctx.emulator.getRun(ITEMS[0].runId)!.workflow_run;
			expect(comments.filter((comment) => logicalIds.has(comment.logical_id))).toHaveLength(1);
			expect(item).toEqual({ json: ctx.emulator.getRun(ITEMS[0].runId), pairedItem: { item: 0 } });
		});

		it.each([400, 401, 403, 404, 409, 422])('never retries a %i', async (status) => {
			const { result, requests } = await runOne({}, { failNext: { count: 1, status } });
			expect(result.error).toMatchObject({ httpCode: String(status), context: { itemIndex: 0 } });
			expect(requests).toEqual([post]);
		});

		it('fails at once when Retry-After asks for more than a minute', async () => {
			const { result, requests } = await runOne({}, { failNext: { count: 1, status: 503, retryAfter: '3600' } });
			expect(result.error).toMatchObject({ message: SERVER_ERROR_503 });
			expect(requests).toEqual([post, get]);
		});

		it('gives up on an attempt after Timeout (ms); the check for a landed comment times out the same way', async () => {
			const { result, requests } = await runOne({ timeout: 200, maxRetries: 1 }, { hangNext: 3 });
			expect(result.error).toMatchObject({
				message: 'Interactly did not answer within 200 ms',
				description: '(after 2 attempts)',
				context: { itemIndex: 0 },
			});
			expect(requests).toEqual([post, get, get]);
		});
	});

	it('keeps input order and pairing with many items in flight and faults on some of them', async () => {
		const { engine, emulator } = ctx;
		const runs = Array.from({ length: 12 }, () => emulator.addRun()._id);
		const items = runs.map((runId, index) => ({ runId, note: `busy ${index}` }));
		emulator.setFaults({ latencyMs: 5, failNext: { count: 3, status: 503 }, dropAfterCommitNext: 2 });
		const workflow = interactlyWorkflow(engine, addCommentFromItems({ options: { concurrency: 4 } }), items, {
			onError: 'continueErrorOutput',
		});
		const result = await engine.run(workflow, credentialsFor(emulator));

		expect(result.outputOf(INTERACTLY).map(project)).toEqual([
			runs.map((runId, index) => ({ json: emulator.getRun(runId), pairedItem: { item: index } })),
			[],
		]);
		for (const [index, runId] of runs.entries()) {
			expect(emulator.getRun(runId)!.workflow_run.comments.map((comment) => comment.content)).toEqual([`busy ${index}`]);
		}
	});
});
