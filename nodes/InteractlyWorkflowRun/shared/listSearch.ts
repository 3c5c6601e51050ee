import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { Pacer } from './pacer';
import { readRunPage } from './output';
import { interactlyRequest } from './transport';

const PAGE_SIZE = 50;

/** The run picker: searches on the server and pages through the list endpoint. */
export async function searchWorkflowRuns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const qs: Record<string, string | number> = { page, size: PAGE_SIZE };
	if (filter?.trim()) qs.search = filter.trim();
	const body = await interactlyRequest.call(
		this,
		{ method: 'GET', path: '/workflows/v1/workflow-runs', qs },
		{ maxRetries: 1, timeoutMs: 20_000, pacer: new Pacer(), itemIndex: 0 },
	);
	const { records, hasMore } = readRunPage(this.getNode(), 0, body, page, PAGE_SIZE);
	return {
		results: records.map((record) => {
			const run = record.workflow_run;
			return {
				name: `${record._id} · ${run.status ?? 'unknown status'} · workflow ${run.workflow_id ?? '?'}`,
				value: record._id,
			};
		}),
		paginationToken: hasMore ? String(page + 1) : undefined,
	};
}
