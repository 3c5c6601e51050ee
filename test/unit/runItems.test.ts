import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { REQUEST_DEFAULTS, requestOptions } from '../../nodes/InteractlyWorkflowRun/shared/descriptions';
import { runForEachItem, type ItemOperation, type ItemPolicy } from '../../nodes/InteractlyWorkflowRun/shared/runItems';

const node: INode = { id: 'n', name: 'Interactly', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

function fakeContext(itemCount: number, options: IDataObject, continueOnFail = false) {
	return {
		getInputData: () => Array.from({ length: itemCount }, (_, index) => ({ json: { index } })),
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) => options[name.replace('options.', '')] ?? fallback,
		continueOnFail: () => continueOnFail,
		getNode: () => node,
	} as unknown as IExecuteFunctions;
}

/** An operation that records how many items were in flight at once and the policy each item got. */
function tracingOperation(failOn: number[] = []) {
	const trace = { inFlight: 0, maxInFlight: 0, started: [] as number[], policies: [] as ItemPolicy[] };
	const operation: ItemOperation = async function (itemIndex, policy) {
		trace.started.push(itemIndex);
		trace.policies.push(policy);
		trace.inFlight++;
		trace.maxInFlight = Math.max(trace.maxInFlight, trace.inFlight);
		// Later items finish sooner, so completion order differs from input order.
		await sleep(2 + ((7 * (20 - itemIndex)) % 11));
		trace.inFlight--;
		if (failOn.includes(itemIndex)) throw new NodeOperationError(node, `item ${itemIndex} failed`);
		return [{ done: itemIndex }];
	};
	return { trace, operation };
}

describe('runForEachItem', () => {
	it.each([1, 3, 5, 8])('runs at most %i items at once, and emits them in input order, paired', async (concurrency) => {
		const { trace, operation } = tracingOperation();
		const output = await runForEachItem.call(fakeContext(12, { concurrency }), operation);

		expect(trace.maxInFlight).toBe(concurrency);
		expect(output).toEqual(Array.from({ length: 12 }, (_, index) => ({ json: { done: index }, pairedItem: { item: index } })));
	});

	it('defaults to 5 at once, 2 retries and a 60 s timeout', async () => {
		const { trace, operation } = tracingOperation();
		await runForEachItem.call(fakeContext(10, {}), operation);

		expect(trace.maxInFlight).toBe(5);
		expect(trace.policies.map(({ maxRetries, timeoutMs, itemIndex }) => [itemIndex, maxRetries, timeoutMs])).toEqual(
			Array.from({ length: 10 }, (_, index) => [index, 2, 60_000]),
		);
	});

	it('shares one pacer among the items of an execution, and never between executions', async () => {
		const first = tracingOperation();
		const second = tracingOperation();
		await runForEachItem.call(fakeContext(4, {}), first.operation);
		await runForEachItem.call(fakeContext(4, {}), second.operation);

		expect(new Set(first.trace.policies.map((policy) => policy.pacer)).size).toBe(1);
		expect(first.trace.policies[0].pacer).not.toBe(second.trace.policies[0].pacer);
	});

	it('under Continue On Fail, puts one error item in place of each failed item', async () => {
		const { operation } = tracingOperation([1, 4]);
		const output = await runForEachItem.call(fakeContext(6, { concurrency: 3 }, true), operation);

		expect(output.map(({ json, pairedItem }) => [json, pairedItem])).toEqual([
			[{ done: 0 }, { item: 0 }],
			[{ error: 'item 1 failed' }, { item: 1 }],
			[{ done: 2 }, { item: 2 }],
			[{ done: 3 }, { item: 3 }],
			[{ error: 'item 4 failed' }, { item: 4 }],
			[{ done: 5 }, { item: 5 }],
		]);
		expect(output[1].error).toBeInstanceOf(NodeOperationError);
	});

	it('otherwise stops starting items at the first failure and throws the failure of the lowest item', async () => {
		const { trace, operation } = tracingOperation([2, 3]);
		await expect(runForEachItem.call(fakeContext(10, { concurrency: 2 }), operation)).rejects.toMatchObject({
			message: 'item 2 failed',
			context: { itemIndex: 2 },
		});
		expect(trace.started.length).toBeLessThan(10);
	});

	it('wraps an unexpected error with its item index', async () => {
		const operation: ItemOperation = async function (itemIndex) {
			if (itemIndex === 1) throw new Error('unexpected');
			return [{}];
		};
		await expect(runForEachItem.call(fakeContext(3, { concurrency: 1 }), operation)).rejects.toMatchObject({
			message: 'unexpected',
			context: { itemIndex: 1 },
		});
	});
});

describe('request option defaults', () => {
	it('are the same in the editor as when an option is not set', () => {
		const editorDefaults = Object.fromEntries(requestOptions.map((option) => [option.name, option.default]));
		expect(editorDefaults).toEqual({
			concurrency: REQUEST_DEFAULTS.concurrency,
			maxRetries: REQUEST_DEFAULTS.maxRetries,
			timeout: REQUEST_DEFAULTS.timeoutMs,
		});
	});
});
