import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { readRunPage } from './output';
import { interactlyRequest, type RequestPolicy } from './transport';

export const LIST_RUNS_PATH = '/workflows/v1/workflow-runs';

/** The API's largest page. */
export const MAX_PAGE_SIZE = 100;

/** One page of the run list: `query` holds the filters under the API's own names. */
export async function fetchRunPage(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	page: number,
	size: number,
	query: IDataObject,
	policy: RequestPolicy,
) {
	const body = await interactlyRequest.call(
		this,
		{ method: 'GET', path: LIST_RUNS_PATH, qs: { page, size, ...query } },
		policy,
	);
	return readRunPage(this.getNode(), policy.itemIndex, body, page, size);
}
