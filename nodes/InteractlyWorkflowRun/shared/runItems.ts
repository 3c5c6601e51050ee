import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { REQUEST_DEFAULTS } from './descriptions';
import { Pacer } from './pacer';
import type { RequestPolicy } from './transport';

export type ItemPolicy = Omit<RequestPolicy, 'findLandedResult'>;

/** One operation applied to one input item; returns that item's output objects. */
export type ItemOperation = (this: IExecuteFunctions, itemIndex: number, policy: ItemPolicy) => Promise<IDataObject[]>;

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

// n8n turns an item carrying `error` into `{ json: { error: message } }`, and sends it down the error
// output when the node has one.
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

/**
 * Runs `operation` for every input item, up to `concurrency` at once. Output keeps the input order and
 * pairs every item with its input. Under "Continue On Fail" a failed item becomes one error item;
 * otherwise the first failure (by item order) stops the node once the requests in flight have ended.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const concurrency = Math.max(1, Math.floor(this.getNodeParameter('options.concurrency', 0, REQUEST_DEFAULTS.concurrency) as number));
	const pacer = new Pacer();
	const outputs: INodeExecutionData[][] = new Array(itemCount);
	const failures: Array<{ itemIndex: number; error: NodeApiError | NodeOperationError }> = [];
	let nextItem = 0;

	const worker = async () => {
		while (nextItem < itemCount && failures.length === 0) {
			const itemIndex = nextItem++;
			try {
				const policy: ItemPolicy = {
					itemIndex,
					pacer,
					maxRetries: this.getNodeParameter('options.maxRetries', itemIndex, REQUEST_DEFAULTS.maxRetries) as number,
					timeoutMs: this.getNodeParameter('options.timeout', itemIndex, REQUEST_DEFAULTS.timeoutMs) as number,
				};
				const results = await operation.call(this, itemIndex, policy);
				outputs[itemIndex] = results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (caught) {
				const error = asNodeError(this, caught, itemIndex);
				if (this.continueOnFail()) outputs[itemIndex] = [errorItem(error, itemIndex)];
				else failures.push({ itemIndex, error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, itemCount) }, worker));

	if (failures.length > 0) {
		throw failures.reduce((first, failure) => (failure.itemIndex < first.itemIndex ? failure : first)).error;
	}
	return outputs.flat();
}
