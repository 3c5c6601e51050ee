import type { INodeProperties } from 'n8n-workflow';

import type { OutputMode } from './output';

export const WORKFLOW_RUN_ID_REGEX = '[0-9a-f]{24}';

/** The run a request is about; shared by every operation. */
export const workflowRunLocator: INodeProperties = {
	displayName: 'Workflow Run',
	name: 'workflowRunId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The Interactly workflow run: one execution (conversation) of an Interactly workflow. Its ID is 24 lowercase hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593; it is not the workflow ID and not a comment ID.',
	hint: 'Pick a run, paste its ID, or paste its Interactly URL',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a workflow run...',
			typeOptions: { searchListMethod: 'searchWorkflowRuns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5eb7cf5a86d9755df3a6c593',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `^\\s*${WORKFLOW_RUN_ID_REGEX}\\s*$`,
						errorMessage: 'Not a workflow run ID: expected 24 lowercase hexadecimal characters',
					},
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://app.interactly.ai/workflow-runs/5eb7cf5a86d9755df3a6c593',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `.*${WORKFLOW_RUN_ID_REGEX}.*`,
						errorMessage: 'The URL holds no workflow run ID (24 lowercase hexadecimal characters)',
					},
				},
			],
		},
	],
};

const OUTPUT_CHOICES: Array<{ name: string; value: OutputMode; description: string }> = [
	{
		name: 'Workflow Run',
		value: 'run',
		description: 'The whole run record Interactly returns, with every turn, event and comment (can be large)',
	},
	{
		name: 'Simplified',
		value: 'simplified',
		description:
			'A small flat object per run: ID, workflow ID, status, whether the run has finished, comment count, created and updated times (Add Comment adds the new comment)',
	},
	{ name: 'Comment Only', value: 'comment', description: 'Only the comment this node added' },
	{
		name: 'Confirmation',
		value: 'deleted',
		description: 'Only { deleted: true, workflowRunId, commentId }, not the run',
	},
];

/** The "Output" option, offering `values` (in that order of the list above). */
export const outputOption = (values: OutputMode[], defaultValue: OutputMode = 'run'): INodeProperties => ({
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: defaultValue,
	description: 'What each output item holds',
	options: OUTPUT_CHOICES.filter((choice) => values.includes(choice.value)),
});

/** The request options' defaults when an option is not set; n8n's linter wants the same values as literals below. */
export const REQUEST_DEFAULTS = { concurrency: 5, maxRetries: 2, timeoutMs: 60_000 };

/** How requests are sent; the same for every operation. */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1, maxValue: 50 },
		description: 'How many items are sent to Interactly at once. 1 sends them strictly one after another.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0, maxValue: 10 },
		description:
			'How often one item is retried after a rate limit (429), a server error (500, 502, 503, 504), a timeout or a dropped connection. Other errors are never retried.',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeout',
		type: 'number',
		default: 60000,
		typeOptions: { minValue: 1 },
		description: 'How long to wait for each answer before giving up on that attempt, in milliseconds',
	},
];

/** Every operation's "Options": what to output, and how requests are sent. */
export const optionsCollection = (outputs: OutputMode[], defaultOutput: OutputMode = 'run'): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [outputOption(outputs, defaultOutput), ...requestOptions],
});

const RUN_ID_IN_URL = new RegExp(`(?:workflow-runs|runs)/(${WORKFLOW_RUN_ID_REGEX})(?![0-9a-f])`);
const ANY_RUN_ID_IN_URL = new RegExp(`(?<![0-9a-f])(${WORKFLOW_RUN_ID_REGEX})(?![0-9a-f])`, 'g');

/**
 * The raw run ID from the locator's value, before validation: the value itself for "From List" and
 * "By ID" (or a plain string from an AI tool or an expression), the run's ID taken out of a pasted
 * dashboard or API URL for "By URL" (left as the URL when none is found, so validation names it).
 */
export function workflowRunIdInput(parameter: unknown): unknown {
	if (typeof parameter !== 'object' || parameter === null || !('__rl' in parameter)) return parameter;
	const { mode, value } = parameter as { mode?: string; value?: unknown };
	if (mode !== 'url' || typeof value !== 'string') return value;
	const path = value.split(/[?#]/)[0];
	const afterRuns = RUN_ID_IN_URL.exec(path)?.[1];
	const anyIds = path.match(ANY_RUN_ID_IN_URL);
	return afterRuns ?? anyIds?.[anyIds.length - 1] ?? value;
}
