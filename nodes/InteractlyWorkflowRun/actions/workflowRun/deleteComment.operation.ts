import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { commentWriteCheck } from '../../shared/commentCheck';
import { optionsCollection, workflowRunLocator } from '../../shared/descriptions';
import { readRunAnswer, shapeRunOutput, type OutputMode } from '../../shared/output';
import type { ItemPolicy } from '../../shared/runItems';
import { commentIdSchema } from '../../shared/schemas';
import { encodeRunPath, interactlyRequest } from '../../shared/transport';
import { readWorkflowRunId, validateItem, type FieldGuide } from '../../shared/validate';

const properties: INodeProperties[] = [
	{
		...workflowRunLocator,
		description:
			'The run the comment belongs to. Its ID is 24 lowercase hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593.',
	},
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. comment_0b8f6a52-3c1e-4d7a-9f2b-1e5c7d9a0b11',
		description:
			"The comment's logical ID, as in the run's comments list (field logical_id), usually comment_ followed by a UUID. Not the run ID. Deleting cannot be undone.",
		hint: 'Add Comment and Get output this as logical_id on each comment',
	},
	optionsCollection(['run', 'simplified', 'deleted'], 'deleted'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowRun'], operation: ['deleteComment'] } },
	properties,
);

const guide: FieldGuide = {
	commentId: {
		label: 'Comment ID',
		hint: "Use the comment's logical_id from the run's comments list, e.g. comment_0b8f6a52-3c1e-4d7a-9f2b-1e5c7d9a0b11.",
	},
};

export async function execute(this: IExecuteFunctions, itemIndex: number, policy: ItemPolicy): Promise<IDataObject[]> {
	const workflowRunId = readWorkflowRunId(this, itemIndex);
	const { commentId } = validateItem(
		this.getNode(),
		itemIndex,
		z.object({ commentId: commentIdSchema }),
		{ commentId: this.getNodeParameter('commentId', itemIndex, undefined) },
		guide,
	);
	const output = this.getNodeParameter('options.output', itemIndex, 'deleted') as OutputMode;
	const answer = await interactlyRequest.call(
		this,
		{ method: 'DELETE', path: encodeRunPath(workflowRunId, 'comments', commentId) },
		{ ...policy, findLandedResult: commentWriteCheck(this, workflowRunId, commentId, 'gone', policy) },
	);
	if (output === 'deleted') return [{ deleted: true, workflowRunId, commentId }];
	return [shapeRunOutput(readRunAnswer(this.getNode(), itemIndex, answer), output, workflowRunId)];
}
