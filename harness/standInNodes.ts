import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

// n8n-nodes-base cannot be installed on this machine (one of its dependencies is fetched from a
// CDN outside the npm registry), so the few core nodes our workflows use are stood in for here,
// under their real type names, passing their input through. Saved workflows keep importing into n8n.
function passThrough(name: string, displayName: string, isTrigger: boolean): INodeType {
	const description: INodeTypeDescription = {
		displayName,
		name,
		group: isTrigger ? ['trigger'] : ['transform'],
		version: [1, 1.1, 1.2, 1.3, 2, 2.1, 2.2, 2.3, 3, 3.1, 3.2, 3.3, 3.4],
		description: `Stand-in for n8n's ${displayName} node in engine tests`,
		defaults: { name: displayName },
		inputs: isTrigger ? [] : [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [this.getInputData()];
		},
	};
}

/**
 * A stand-in for a node that sends something (a message, an email): it sends nothing, but resolves the
 * named text parameters for every item and outputs them, so a test sees what the real node would send.
 */
function echoParameters(name: string, displayName: string, parameterNames: string[]): INodeType {
	const { description } = passThrough(name, displayName, false);
	return {
		description: {
			...description,
			properties: parameterNames.map((parameterName) => ({
				displayName: parameterName,
				name: parameterName,
				type: 'string',
				default: '',
			})),
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [
				this.getInputData().map((_item, itemIndex) => ({
					json: Object.fromEntries(parameterNames.map((parameterName) => [parameterName, this.getNodeParameter(parameterName, itemIndex)])),
					pairedItem: { item: itemIndex },
				})),
			];
		},
	};
}

export const standInNodeTypes: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': passThrough('manualTrigger', 'Manual Trigger', true),
	'n8n-nodes-base.scheduleTrigger': passThrough('scheduleTrigger', 'Schedule Trigger', true),
	'n8n-nodes-base.webhook': passThrough('webhook', 'Webhook', true),
	'n8n-nodes-base.noOp': passThrough('noOp', 'No Operation, do nothing', false),
	'n8n-nodes-base.slack': echoParameters('slack', 'Slack', ['text']),
	'n8n-nodes-base.emailSend': echoParameters('emailSend', 'Send Email', ['toEmail', 'subject', 'text']),
};
