import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, workflowRunLocator } from '../../shared/descriptions';
import { readRunAnswer, shapeRunOutput, type OutputMode } from '../../shared/output';
import type { ItemPolicy } from '../../shared/runItems';
import { encodeRunPath, interactlyRequest } from '../../shared/transport';
import { readWorkflowRunId } from '../../shared/validate';

const properties: INodeProperties[] = [
	{
		...workflowRunLocator,
		description:
			'The run to read. Its ID is 24 lowercase hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593; it is not the workflow ID.',
	},
	optionsCollection(['run', 'simplified']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflowRun'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, policy: ItemPolicy): Promise<IDataObject[]> {
	const workflowRunId = readWorkflowRunId(this, itemIndex);
	const output = this.getNodeParameter('options.output', itemIndex, 'run') as OutputMode;
	const answer = await interactlyRequest.call(this, { method: 'GET', path: encodeRunPath(workflowRunId) }, policy);
	return [shapeRunOutput(readRunAnswer(this.getNode(), itemIndex, answer), output, workflowRunId)];
}
