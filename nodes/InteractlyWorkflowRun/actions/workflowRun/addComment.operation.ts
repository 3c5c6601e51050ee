import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { commentWriteCheck } from '../../shared/commentCheck';
import { optionsCollection, workflowRunLocator } from '../../shared/descriptions';
import { filled } from '../../shared/fields';
import { readRunAnswer, shapeRunOutput, type OutputMode } from '../../shared/output';
import type { ItemPolicy } from '../../shared/runItems';
import { addCommentBodySchema, MAX_COMMENT_CHARACTERS } from '../../shared/schemas';
import { encodeRunPath, interactlyRequest } from '../../shared/transport';
import { readWorkflowRunId, validateItem, type FieldGuide } from '../../shared/validate';

const properties: INodeProperties[] = [
	{
		...workflowRunLocator,
		description:
			'The run to comment on. Its ID is 24 lowercase hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593. Only finished runs (status completed, failed, cancelled or aborted_looping_risk) accept comments; a run still in progress is refused.',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Caller was transferred twice; check the routing prompt',
		description: `The comment text: a reviewer's note on the run for the people who review it in Interactly, e.g. what went wrong, why, or what to change. Plain text, 1 to ${MAX_COMMENT_CHARACTERS} characters; surrounding spaces are trimmed.`,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Created At',
				name: 'createdAt',
				type: 'dateTime',
				default: '',
				description:
					'When the comment was written. A time without a zone is read in the workflow time zone. Defaults to now.',
			},
			{
				displayName: 'Created By',
				name: 'createdBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. 64b7cf5a86d9755df3a6c101',
				description: 'ID of the Interactly user who wrote the comment (24 characters)',
			},
			{
				displayName: 'Logical ID',
				name: 'logicalId',
				type: 'string',
				default: '',
				placeholder: 'e.g. comment_3f2b…',
				description:
					'Unique ID of the comment. Leave empty and the node makes one (comment_ + a UUID), which also keeps retries from adding the comment twice.',
			},
			{
				displayName: 'Updated At',
				name: 'updatedAt',
				type: 'dateTime',
				default: '',
				description: 'When the comment was last changed. A time without a zone is read in the workflow time zone.',
			},
			{
				displayName: 'Updated By',
				name: 'updatedBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. 64b7cf5a86d9755df3a6c101',
				description: 'ID of the Interactly user who last changed the comment (24 characters)',
			},
		],
	},
	optionsCollection(['run', 'simplified', 'comment']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowRun'], operation: ['addComment'] } },
	properties,
);

const guide: FieldGuide = {
	content: {
		label: 'Content',
		hint: `Give the comment some text of at most ${MAX_COMMENT_CHARACTERS} characters. If it comes from an expression, check the field it reads exists on this item.`,
	},
	logical_id: { label: 'Logical ID', hint: 'Leave Logical ID empty to let the node make one, or give a non-empty text.' },
	createdBy: { label: 'Created By', hint: 'Use the 24-character ID of an Interactly user, or remove the field.' },
	updatedBy: { label: 'Updated By', hint: 'Use the 24-character ID of an Interactly user, or remove the field.' },
	createdAt: {
		label: 'Created At',
		hint: 'Use an ISO 8601 date-time such as 2023-11-07T05:31:56Z, or pick one in the date picker.',
	},
	updatedAt: {
		label: 'Updated At',
		hint: 'Use an ISO 8601 date-time such as 2023-11-07T05:31:56Z, or pick one in the date picker.',
	},
};

export async function execute(this: IExecuteFunctions, itemIndex: number, policy: ItemPolicy): Promise<IDataObject[]> {
	const node = this.getNode();
	const workflowRunId = readWorkflowRunId(this, itemIndex);
	const additionalFields = filled(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const body = validateItem(
		node,
		itemIndex,
		addCommentBodySchema(this.getTimezone()),
		{
			logical_id: additionalFields.logicalId ?? `comment_${randomUUID()}`,
			content: this.getNodeParameter('content', itemIndex, undefined),
			createdBy: additionalFields.createdBy,
			updatedBy: additionalFields.updatedBy,
			createdAt: additionalFields.createdAt,
			updatedAt: additionalFields.updatedAt,
		},
		guide,
	);
	const output = this.getNodeParameter('options.output', itemIndex, 'run') as OutputMode;

	const answer = await interactlyRequest.call(
		this,
		{ method: 'POST', path: encodeRunPath(workflowRunId, 'comments'), body: filled(body as IDataObject) },
		{ ...policy, findLandedResult: commentWriteCheck(this, workflowRunId, body.logical_id, 'present', policy) },
	);
	return [shapeRunOutput(readRunAnswer(node, itemIndex, answer), output, workflowRunId, body.logical_id)];
}
