import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as workflowRun from './actions/workflowRun';
import { searchWorkflowRuns } from './shared/listSearch';
import { runForEachItem, type ItemOperation } from './shared/runItems';

const operations: Record<string, Record<string, { execute: ItemOperation }>> = {
	workflowRun: {
		addComment: workflowRun.addComment,
		deleteComment: workflowRun.deleteComment,
		get: workflowRun.get,
		getAll: workflowRun.getAll,
	},
};

export class InteractlyWorkflowRun implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Interactly Workflow Run',
		name: 'interactlyWorkflowRun',
		icon: { light: 'file:../../icons/interactly.svg', dark: 'file:../../icons/interactly.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { addComment: "Add comment", deleteComment: "Delete comment", get: "Get run", getAll: "Get many runs" }[$parameter["operation"]] }}',
		description: 'Read, list and comment on the runs of Interactly AI workflows',
		defaults: { name: 'Interactly Workflow Run' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'interactlyApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Workflow Run', value: 'workflowRun' }],
				default: 'workflowRun',
			},
			...workflowRun.description,
		],
	};

	methods = { listSearch: { searchWorkflowRuns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		return [await runForEachItem.call(this, operations[resource][operation].execute)];
	}
}
