import type { INodeProperties } from 'n8n-workflow';

import * as addComment from './addComment.operation';

export { addComment };

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
				description: 'Leave a review note on a finished workflow run',
			},
		],
		default: 'addComment',
	},
	...addComment.description,
];
