import { RUNS } from '../../emulator';
import { credentialsFor, useEngineAndEmulator } from '../support/engineTest';

// The run picker ("From List" mode) called as the editor does: n8n-core's LoadOptionsContext.
describe('The workflow run picker, against the emulator', () => {
	const ctx = useEngineAndEmulator();
	const parameters = { resource: 'workflowRun', operation: 'get' };

	it('searches on the server and names each run by status, creation time and ID', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.listSearch('searchWorkflowRuns', parameters, credentialsFor(emulator), '  escalated ');

		expect(emulator.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/workflows/v1/workflow-runs', query: { page: '1', size: '50', search: 'escalated' } },
		]);
		expect(emulator.requests[0].headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(result).toEqual({
			results: [{ name: `failed · 2024-05-15 11:45 · ${RUNS.failedA}`, value: RUNS.failedA }],
			paginationToken: undefined,
		});
	});

	it('pages: a token while more runs exist, none on the last page', async () => {
		const { engine, emulator } = ctx;
		for (let index = 0; index < 41; index++) emulator.addRun({ created_at: `2025-02-01T10:${String(index).padStart(2, '0')}:00Z` });
		const first = await engine.listSearch('searchWorkflowRuns', parameters, credentialsFor(emulator));
		const second = await engine.listSearch('searchWorkflowRuns', parameters, credentialsFor(emulator), '', first.paginationToken as string);

		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ page: '1', size: '50' },
			{ page: '2', size: '50' },
		]);
		expect([first.results.length, first.paginationToken]).toEqual([50, '2']);
		expect(first.results[0].name).toMatch(/^completed · 2025-02-01 10:40 · [0-9a-f]{24}$/);
		expect(second).toEqual({
			results: [{ name: `completed · 2024-05-02 09:15 · ${RUNS.completedA}`, value: RUNS.completedA }],
			paginationToken: undefined,
		});
	});
});
