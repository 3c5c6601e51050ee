import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchRunPage } from './listRuns';
import { Pacer } from './pacer';

const PAGE_SIZE = 50;

/** The run picker: searches on the server (run ID, workflow ID, comments) and pages through the list endpoint. */
export async function searchWorkflowRuns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const search = filter?.trim();
	const { records, hasMore } = await fetchRunPage.call(this, page, PAGE_SIZE, search ? { search } : {}, {
		maxRetries: 1,
		timeoutMs: 20_000,
		pacer: new Pacer(),
		itemIndex: 0,
	});
	return {
		results: records.map((record) => {
			const run = record.workflow_run;
			const created = typeof record.created_at === 'string' ? ` · ${record.created_at.slice(0, 16).replace('T', ' ')}` : '';
			return {
				name: `${run.status ?? 'unknown status'}${created} · ${record._id}`,
				value: record._id,
			};
		}),
		paginationToken: hasMore && records.length > 0 ? String(page + 1) : undefined,
	};
}
