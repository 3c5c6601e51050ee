import type { NodeParameterValueType } from 'n8n-workflow';

import { RUNS } from '../../emulator';
import { SIMPLIFIED_FAILED_A } from '../support/simplifiedRuns';
import { credentialsFor, INTERACTLY, interactlyWorkflow, runIdById, useEngineAndEmulator } from '../support/engineTest';

const getRun = (workflowRunId: NodeParameterValueType, options = {}) => ({
	resource: 'workflowRun',
	operation: 'get',
	workflowRunId,
	options,
});

describe('Get through the n8n engine, against the emulator', () => {
	const ctx = useEngineAndEmulator();

	it('sends one GET per item and outputs each stored run, paired with its item', async () => {
		const { engine, emulator } = ctx;
		const items = [{ runId: RUNS.completedA }, { runId: RUNS.running }];
		const result = await engine.run(
			interactlyWorkflow(engine, getRun(runIdById('={{ $json.runId }}')), items),
			credentialsFor(emulator, { teamId: 'team-7' }),
		);

		expect(result.error).toBeUndefined();
		expect(emulator.requests.map(({ method, path, query, rawBody }) => ({ method, path, query, rawBody }))).toEqual(
			items.map((item) => ({ method: 'GET', path: `/workflows/v1/workflow-runs/${item.runId}`, query: {}, rawBody: '' })),
		);
		expect(emulator.requests[0].headers).toMatchObject({ authorization: `Bearer ${emulator.apiKey}`, teamid: 'team-7' });
		expect(result.outputOf(INTERACTLY)).toEqual([
			items.map((item, index) => ({ json: emulator.getRun(item.runId), pairedItem: { item: index } })),
		]);
	});

	it('outputs the simplified run', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, getRun({ __rl: true, mode: 'list', value: RUNS.failedA }, { output: 'simplified' }), [{}]),
			credentialsFor(emulator),
		);

		expect(result.outputOf(INTERACTLY)).toEqual([
			[
				{
					json: SIMPLIFIED_FAILED_A,
					pairedItem: { item: 0 },
				},
			],
		]);
	});

	it('fails an item with a bad run ID before sending anything', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, getRun(runIdById('={{ $json.runId }}')), [{ runId: RUNS.completedA }, { runId: 'run-17' }]),
			credentialsFor(emulator),
		);

		expect(result.error?.message).toBe(
			'Invalid Workflow Run ID in item 1: The ID must be 24 hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593 (got "run-17")',
		);
		expect(emulator.requests.map((request) => request.path)).toEqual([`/workflows/v1/workflow-runs/${RUNS.completedA}`]);
	});

	it('retries a GET after a 503, and maps a 404 to an item error under Continue On Fail', async () => {
		const { engine, emulator } = ctx;
		emulator.setFaults({ failNext: { count: 1, status: 503, retryAfter: '0' } });
		const missing = '0123456789abcdef01234567';
		const result = await engine.run(
			interactlyWorkflow(engine, getRun(runIdById('={{ $json.runId }}'), { output: 'simplified', concurrency: 1 }), [
				{ runId: RUNS.completedB },
				{ runId: missing },
			], { onError: 'continueRegularOutput' }),
			credentialsFor(emulator),
		);

		expect(emulator.requests.map((request) => request.path.split('/')[4])).toEqual([RUNS.completedB, RUNS.completedB, missing]);
		const [output] = result.outputOf(INTERACTLY);
		expect(output.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			[RUNS.completedB, { item: 0 }],
			['Interactly could not find this workflow run (or comment)', { item: 1 }],
		]);
	});
});
