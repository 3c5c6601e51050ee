import type { INodeParameters } from 'n8n-workflow';

import { RUNS, WORKFLOW_IDS, type Emulator } from '../../emulator';
import { SIMPLIFIED_FAILED_A } from '../support/simplifiedRuns';
import { credentialsFor, INTERACTLY, interactlyWorkflow, useEngineAndEmulator } from '../support/engineTest';

const getMany = (parameters: INodeParameters) => ({ resource: 'workflowRun', operation: 'getAll', ...parameters });

/** The seeded runs, newest first, as the list endpoint orders them. */
const SEEDED_NEWEST_FIRST = [
	RUNS.notStarted,
	RUNS.waitingForUserInput,
	RUNS.running,
	RUNS.failedB,
	RUNS.completedC,
	RUNS.abortedLoopingRisk,
	RUNS.cancelled,
	RUNS.failedA,
	RUNS.completedB,
	RUNS.completedA,
];

/** Adds `count` completed runs, all newer than the seed; returns their IDs newest first. */
function addRuns(emulator: Emulator, count: number) {
	const ids = Array.from({ length: count }, (_, index) => {
		const createdAt = new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString();
		return emulator.addRun({ created_at: createdAt })._id;
	});
	return ids.reverse();
}

const listQueries = (emulator: Emulator) =>
	emulator.requests.map((request) => {
		expect([request.method, request.path]).toEqual(['GET', '/workflows/v1/workflow-runs']);
		return request.query;
	});

describe('Get Many through the n8n engine, against the emulator', () => {
	const ctx = useEngineAndEmulator();

	it('sends every filter as its query parameter, dates in UTC, and outputs the matching runs newest first', async () => {
		const { engine, emulator } = ctx;
		const workflow = interactlyWorkflow(
			engine,
			getMany({
				filters: {
					workflowId: ` ${WORKFLOW_IDS.support} `,
					status: ['failed', 'aborted_looping_risk'],
					startDate: '2024-05-01T00:00:00',
					endDate: '2024-05-31T23:59:59+02:00',
					search: '',
				},
			}),
			[{}],
		);
		workflow.settings = { timezone: 'Europe/Berlin' };
		const result = await engine.run(workflow, credentialsFor(emulator, { teamId: 'team-7' }));

		expect(result.error).toBeUndefined();
		expect(listQueries(emulator)).toEqual([
			{
				page: '1',
				size: '50',
				workflow_id: WORKFLOW_IDS.support,
				status: 'failed,aborted_looping_risk',
				start: '2024-04-30T22:00:00Z',
				end: '2024-05-31T21:59:59Z',
			},
		]);
		expect(emulator.requests[0].headers).toMatchObject({ authorization: `Bearer ${emulator.apiKey}`, teamid: 'team-7' });
		expect(result.outputOf(INTERACTLY)).toEqual([
			[RUNS.abortedLoopingRisk, RUNS.failedA].map((id) => ({ json: emulator.getRun(id), pairedItem: { item: 0 } })),
		]);
	});

	it('searches on the server and outputs simplified runs', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, getMany({ filters: { search: 'escalated' }, options: { output: 'simplified' } }), [{}]),
			credentialsFor(emulator),
		);

		expect(listQueries(emulator)).toEqual([{ page: '1', size: '50', search: 'escalated' }]);
		expect(result.outputOf(INTERACTLY)).toEqual([
			[
				{
					json: SIMPLIFIED_FAILED_A,
					pairedItem: { item: 0 },
				},
			],
		]);
	});

	it('with Return All, follows the pages until the last one', async () => {
		const { engine, emulator } = ctx;
		const added = addRuns(emulator, 245);
		const result = await engine.run(
			interactlyWorkflow(engine, getMany({ returnAll: true, options: { output: 'simplified' } }), [{}]),
			credentialsFor(emulator),
		);

		expect(listQueries(emulator)).toEqual([
			{ page: '1', size: '100' },
			{ page: '2', size: '100' },
			{ page: '3', size: '100' },
		]);
		const [output] = result.outputOf(INTERACTLY);
		expect(output.map((item) => item.json.id)).toEqual([...added, ...SEEDED_NEWEST_FIRST]);
		expect(output.every((item) => Object.keys(item.json).length === 7 && item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(output[0].json).toEqual({
			id: added[0],
			workflowId: WORKFLOW_IDS.support,
			status: 'completed',
			finished: true,
			commentCount: 0,
			createdAt: '2025-01-01T04:04:00.000Z',
			updatedAt: '2025-01-01T04:04:00.000Z',
		});
	});

	it('stops paging once the limit is reached', async () => {
		const { engine, emulator } = ctx;
		const added = addRuns(emulator, 245);
		const result = await engine.run(
			interactlyWorkflow(engine, getMany({ returnAll: false, limit: 150, options: { output: 'simplified' } }), [{}]),
			credentialsFor(emulator),
		);

		expect(listQueries(emulator)).toEqual([
			{ page: '1', size: '100' },
			{ page: '2', size: '100' },
		]);
		expect(result.outputOf(INTERACTLY)[0].map((item) => item.json.id)).toEqual(added.slice(0, 150));
	});

	it('asks for no more than a small limit, once per input item', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, getMany({ limit: 2, filters: { status: '={{ $json.status }}' } }), [
				{ status: 'completed' },
				{ status: 'failed, cancelled' },
			]),
			credentialsFor(emulator),
		);

		expect(listQueries(emulator)).toEqual([
			{ page: '1', size: '2', status: 'completed' },
			{ page: '1', size: '2', status: 'failed,cancelled' },
		]);
		expect(result.outputOf(INTERACTLY)[0].map((item) => [item.json._id, item.pairedItem])).toEqual([
			[RUNS.completedC, { item: 0 }],
			[RUNS.completedB, { item: 0 }],
			[RUNS.failedB, { item: 1 }],
			[RUNS.cancelled, { item: 1 }],
		]);
	});

	it('outputs nothing when no run matches', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, getMany({ returnAll: true, filters: { search: 'no such run' } }), [{}]),
			credentialsFor(emulator),
		);

		expect(result.error).toBeUndefined();
		expect(listQueries(emulator)).toEqual([{ page: '1', size: '100', search: 'no such run' }]);
		expect(result.outputOf(INTERACTLY)).toEqual([[]]);
	});

	it('fails an item with an unreadable date before sending anything', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(
			interactlyWorkflow(engine, getMany({ filters: { startDate: '={{ "yesterday" }}' } }), [{}]),
			credentialsFor(emulator),
		);

		expect(result.error?.message).toBe(
			'Invalid Start Date in item 0: Start Date "yesterday" is not an ISO 8601 date-time, e.g. 2023-11-07T05:31:56Z (got "yesterday")',
		);
		expect(emulator.requests).toEqual([]);
	});
});
