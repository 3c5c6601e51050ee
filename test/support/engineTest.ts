import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../emulator';
import { Engine, stopEngineTimers, type EngineWorkflow } from '../../harness/engine';

export const TRIGGER = 'Manual Trigger';
export const INTERACTLY = 'Interactly';

export type OnError = INode['onError'];

/** One emulator and one loaded engine per test file; state and recorded requests reset before each test. */
export function useEngineAndEmulator() {
	const context = {} as { engine: Engine; emulator: Emulator };
	beforeAll(async () => {
		context.emulator = await startEmulator();
		context.engine = await Engine.start();
	});
	beforeEach(() => context.emulator.reset());
	afterAll(async () => {
		await context.emulator.close();
		stopEngineTimers();
	});
	return context;
}

export function credentialsFor(emulator: Emulator, extra: ICredentialDataDecryptedObject = {}) {
	return {
		interactlyApi: { apiKey: emulator.apiKey, environment: 'custom', baseUrl: emulator.url, ...extra },
	};
}

/** Manual Trigger with the given items pinned → Interactly Workflow Run with `parameters`. */
export function interactlyWorkflow(
	engine: Engine,
	parameters: INodeParameters,
	items: IDataObject[],
	nodeSettings: Partial<INode> = {},
): EngineWorkflow {
	return {
		nodes: [
			{ id: 'trigger', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'interactly',
				name: INTERACTLY,
				type: engine.nodeType,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { interactlyApi: { id: '1', name: 'Interactly emulator' } },
				...nodeSettings,
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: INTERACTLY, type: 'main', index: 0 }]] } },
		pinData: { [TRIGGER]: items.map((json) => ({ json })) },
	};
}

export const runIdById = (value: string) => ({ __rl: true, mode: 'id', value });

/** Add Comment parameters with the run and content read from each item's `runId` and `note`. */
export const addCommentFromItems = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'workflowRun',
	operation: 'addComment',
	workflowRunId: runIdById('={{ $json.runId }}'),
	content: '={{ $json.note }}',
	...extra,
});

/** The comment POSTs the emulator received, as [run id, parsed body]. */
export function commentPosts(emulator: Emulator) {
	return emulator.requests
		.filter((request) => request.method === 'POST' && request.path.endsWith('/comments'))
		.map((request) => [request.path.split('/')[4], request.body] as const);
}
