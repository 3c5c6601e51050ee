/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling, not part of the published package */
import './userFolder';

import { Container } from '@n8n/di';
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IPinData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';
import { resolve } from 'path';

import { EngineCredentialsHelper } from './credentials';
import { standInNodeTypes } from './standInNodes';

export const PACKAGE_DIR = resolve(__dirname, '..');

export type EngineWorkflow = Pick<IWorkflowBase, 'nodes' | 'connections'> & {
	pinData?: IPinData;
	settings?: IWorkflowBase['settings'];
	/** The node to start from, when n8n's own choice finds none (stand-in triggers are not real triggers). */
	startNode?: string;
};

export interface EngineRun {
	run: IRun;
	/** The items a node emitted on each of its outputs (0 = main, 1 = error output when enabled). */
	outputOf(nodeName: string): INodeExecutionData[][];
	/** The error that stopped the workflow, if one did. */
	error: IRun['data']['resultData']['error'];
}

/** Loads the built package the way n8n does: `package.json`'s `n8n` section pointing into `dist/`. */
export async function loadPackage(packageDir = PACKAGE_DIR) {
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const nodeTypes: Record<string, INodeType> = { ...standInNodeTypes };
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) nodeTypes[`${loader.packageName}.${name}`] = type as INodeType;
	const credentialTypes: Record<string, ICredentialType> = {};
	for (const [name, { type }] of Object.entries(loader.credentialTypes)) credentialTypes[name] = type;
	return { packageName: loader.packageName, nodeTypes, credentialTypes };
}

type LoadedPackage = Awaited<ReturnType<typeof loadPackage>>;

function nodeTypeRegistry(nodeTypes: Record<string, INodeType>): INodeTypes {
	const get = (type: string) => {
		const nodeType = nodeTypes[type];
		if (!nodeType) throw new Error(`Unknown node type "${type}" in the engine harness`);
		return nodeType;
	};
	return { getByName: get, getByNameAndVersion: get, getKnownTypes: () => ({}) };
}

function additionalDataFor(credentialsHelper: EngineCredentialsHelper, hooks?: ExecutionLifecycleHooks) {
	return {
		hooks,
		credentialsHelper,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the engine harness');
		},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in the engine harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export class Engine {
	private constructor(
		readonly loaded: LoadedPackage,
		private readonly nodeTypes: INodeTypes,
	) {}

	static async start(packageDir = PACKAGE_DIR) {
		const loaded = await loadPackage(packageDir);
		return new Engine(loaded, nodeTypeRegistry(loaded.nodeTypes));
	}

	/** The full type name n8n gives our node, e.g. `n8n-nodes-interactly.interactlyWorkflowRun`. */
	get nodeType() {
		return `${this.loaded.packageName}.interactlyWorkflowRun`;
	}

	/** Runs a workflow from its first trigger through n8n-core's WorkflowExecute, as a manual execution. */
	async run(
		workflowData: EngineWorkflow,
		credentials: Record<string, ICredentialDataDecryptedObject>,
		mode: WorkflowExecuteMode = 'manual',
	): Promise<EngineRun> {
		const credentialsHelper = new EngineCredentialsHelper(this.loaded.credentialTypes, credentials);
		const workflow = new Workflow({
			id: 'engine',
			nodes: workflowData.nodes,
			connections: workflowData.connections,
			nodeTypes: this.nodeTypes,
			settings: workflowData.settings,
			active: false,
			pinData: workflowData.pinData,
		});
		const hooks = new ExecutionLifecycleHooks(mode, 'engine-execution', { id: 'engine' } as IWorkflowBase);
		const finished = createDeferredPromise<IRun>();
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished.resolve(fullRunData));
		const startNode = workflowData.startNode ? workflow.getNode(workflowData.startNode) : workflow.getStartNode();
		if (!startNode) throw new Error('The workflow has no trigger to start from');
		const runExecutionData = createRunExecutionData({
			resultData: { pinData: workflowData.pinData },
			executionData: { nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }] },
		});
		const additionalData = additionalDataFor(credentialsHelper, hooks);
		await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
		const run = await finished.promise;
		return {
			run,
			error: run.data.resultData.error,
			outputOf: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.map((items) => items ?? []) ?? [],
		};
	}

	/**
	 * Calls one of our node's `listSearch` methods the way the editor does for a resource locator's
	 * list mode: through n8n-core's LoadOptionsContext for a node with `parameters`.
	 */
	async listSearch(
		method: string,
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const node: INode = {
			id: 'list-search',
			name: 'Interactly',
			type: this.nodeType,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { interactlyApi: { id: '1', name: 'Interactly' } },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: this.nodeTypes });
		const credentialsHelper = new EngineCredentialsHelper(this.loaded.credentialTypes, credentials);
		const context = new LoadOptionsContext(workflow, node, additionalDataFor(credentialsHelper), 'parameters.workflowRunId');
		const search = this.loaded.nodeTypes[this.nodeType].methods?.listSearch?.[method];
		if (!search) throw new Error(`The node has no listSearch method "${method}"`);
		return await search.call(context, filter, paginationToken);
	}

	/**
	 * Tests a credential the way n8n's CredentialsTester does for a `test.request` credential: a
	 * temporary node whose only parameter routes that request, run by n8n-core's RoutingNode.
	 */
	async testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<{ status: 'OK' | 'Error'; message: string }> {
		const credentialType = this.loaded.credentialTypes[type];
		const credentialsHelper = new EngineCredentialsHelper(this.loaded.credentialTypes, { [type]: data });
		const testNodeType: INodeType = {
			description: {
				...standInNodeTypes['n8n-nodes-base.noOp'].description,
				credentials: [{ name: type, required: true }],
				properties: [
					{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credentialType.test!.request } },
				],
			},
		};
		const node: INode = {
			id: 'temp',
			name: 'Temp-Node',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { [type]: { id: 'test', name: 'Credential under test' } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: nodeTypeRegistry({ 'n8n-nodes-base.noOp': testNodeType }),
		});
		const context = new ExecuteContext(
			workflow,
			node,
			additionalDataFor(credentialsHelper),
			'internal',
			createRunExecutionData(),
			0,
			[],
			{ main: [[{ json: {} }]] },
			{ node, data: {}, source: null },
			[],
		);
		const credentials = credentialsHelper.withDefaults(type, data);
		try {
			await new RoutingNode(context, testNodeType, { id: 'test', name: 'test', type, data: credentials }).runNode();
			return { status: 'OK', message: 'Connection successful!' };
		} catch (error) {
			const { response, code } = (error.cause ?? {}) as { response?: { status: number; statusText?: string }; code?: string };
			const rule = credentialType.test?.rules?.find(
				(candidate) => candidate.type === 'responseCode' && candidate.properties.value === response?.status,
			);
			const message = (rule?.properties as IDataObject | undefined)?.message as string | undefined;
			if (response) return { status: 'Error', message: message ?? response.statusText ?? `Received HTTP status code: ${response.status}` };
			return { status: 'Error', message: code ?? String(error.message) };
		}
	}
}

/** n8n-core starts a 60 s cleanup timer when loaded; clearing it lets a test or script exit at once. */
export function stopEngineTimers() {
	const manager = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
	if (manager.cleanupTimer) clearInterval(manager.cleanupTimer);
}
