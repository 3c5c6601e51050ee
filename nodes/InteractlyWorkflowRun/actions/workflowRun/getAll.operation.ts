import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/descriptions';
import { filled } from '../../shared/fields';
import { fetchRunPage, MAX_PAGE_SIZE } from '../../shared/listRuns';
import { RUN_STATUSES, simplifyRun, TERMINAL_STATUSES, type OutputMode } from '../../shared/output';
import type { ItemPolicy } from '../../shared/runItems';
import { listRunsSchema } from '../../shared/schemas';
import { validateItem, type FieldGuide } from '../../shared/validate';

const titleCase = (status: string) => status.replace(/(^|_)([a-z])/g, (_, gap: string, letter: string) => `${gap ? ' ' : ''}${letter.toUpperCase()}`);

const statusOptions = RUN_STATUSES.map((status) => ({
	name: titleCase(status),
	value: status,
	description: TERMINAL_STATUSES.includes(status) ? 'Finished: the run has ended' : 'Not finished yet',
})).sort((a, b) => a.name.localeCompare(b.name));

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description:
					'Only runs created at or before this time. ISO 8601, e.g. 2024-06-30T23:59:59Z; a time without a zone is read in the workflow time zone.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. refund',
				description: 'Text to look for in the run ID, workflow ID, run logical ID and comments (case-insensitive)',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description:
					'Only runs created at or after this time. ISO 8601, e.g. 2024-06-01T00:00:00Z; a time without a zone is read in the workflow time zone.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: statusOptions,
				default: [],
				description:
					'Only runs in any of these statuses. Finished (terminal) statuses: completed, failed, cancelled, aborted_looping_risk; the others mean the run is still in progress. An expression may give other statuses as a comma-separated text.',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6650a1f2c3d4e5f601b2c301',
				description: 'Only runs of this Interactly workflow (the workflow ID, not a run ID)',
			},
		],
	},
	optionsCollection(['run', 'simplified']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowRun'], operation: ['getAll'] } },
	properties,
);

const dateHint = 'Use an ISO 8601 date-time such as 2024-06-01T00:00:00Z, or pick one in the date picker.';
const guide: FieldGuide = {
	limit: { label: 'Limit', hint: 'Use a whole number of at least 1, or turn on Return All.' },
	workflow_id: { label: 'Workflow ID', hint: 'Give the workflow ID as text, or remove the filter.' },
	status: { label: 'Status', hint: 'Pick statuses from the list, or give them as comma-separated text.' },
	start: { label: 'Start Date', hint: dateHint },
	end: { label: 'End Date', hint: dateHint },
	search: { label: 'Search', hint: 'Give the search as text, or remove the filter.' },
};

export async function execute(this: IExecuteFunctions, itemIndex: number, policy: ItemPolicy): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const filters = filled(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const { limit, status, ...query } = validateItem(
		this.getNode(),
		itemIndex,
		listRunsSchema(this.getTimezone()),
		{
			limit: returnAll ? undefined : this.getNodeParameter('limit', itemIndex, 50),
			workflow_id: filters.workflowId,
			status: filters.status,
			start: filters.startDate,
			end: filters.endDate,
			search: filters.search,
		},
		guide,
	);
	const output = this.getNodeParameter('options.output', itemIndex, 'run') as OutputMode;
	const size = Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	const filterQuery = filled({ ...query, status: status?.join(',') });

	const runs: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const { records, hasMore } = await fetchRunPage.call(this, page, size, filterQuery, policy);
		// Shaped page by page: with Simplified, earlier pages' full run documents can be freed.
		for (const record of records.slice(0, limit === undefined ? undefined : limit - runs.length)) {
			runs.push(output === 'simplified' ? simplifyRun(record) : record);
		}
		if (!hasMore || records.length === 0 || runs.length === limit) return runs;
	}
}
