import type { INodeProperties } from 'n8n-workflow';

import * as addComment from './addComment.operation';
import * as deleteComment from './deleteComment.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { addComment, deleteComment, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflowRun'] } },
		options: [
			{
				name: 'Add Comment',
				value: 'addComment',
				action: 'Add a comment to a workflow run',
				description:
					'Leave a review note on one finished run (completed, failed, cancelled or aborted_looping_risk), e.g. what went wrong or what to change',
			},
			{
				name: 'Delete Comment',
				value: 'deleteComment',
				action: 'Delete a comment from a workflow run',
				description: "Remove one comment from a run's comments, by the comment's logical ID",
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a workflow run',
				description: 'Read one run by its ID: status, turns and events, and comments',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workflow runs',
				description: 'List runs, newest first, filtered by workflow, status, creation time or search text',
			},
		],
		default: 'addComment',
	},
	...addComment.description,
	...deleteComment.description,
	...get.description,
	...getAll.description,
];
