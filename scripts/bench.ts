/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a command-line benchmark, not part of the published package */
// npm run bench [-- --quick] [-- --only-paced]: prints figures, asserts nothing. Every measurement runs the engine in a
// child process of its own (clean CPU time and peak RSS) against an emulator on 127.0.0.1 in this one.
import { spawn } from 'child_process';
import { randomUUID } from 'crypto';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { startEmulator, type FaultPlan } from '../emulator';
import { Engine, stopEngineTimers, type EngineWorkflow } from '../harness/engine';
import { addCommentFromItems, credentialsFor, INTERACTLY, interactlyWorkflow } from '../test/support/engineTest';

const QUICK = process.argv.includes('--quick');
const ITEMS = QUICK ? 1_000 : 10_000;
const RATE_PER_SECOND = 200;
const BARE_LOOP_TYPE = 'bench.bareHttpLoop';

type Kind = 'node' | 'bareLoop';
type OutputMode = 'run' | 'simplified' | 'comment';

interface Measurement {
	kind: Kind;
	items: number;
	output: OutputMode;
	faults: FaultPlan;
	/** The node's Concurrency option; unset: the default. */
	concurrency?: number;
	/** Heap limit for the child, in MB, when its output is expected to be large. */
	heapMb?: number;
}

interface ChildReport {
	wallMs: number;
	cpuMs: number;
	failed: number;
	outputItems: number;
	peakRssMb: number;
}

interface Report extends ChildReport {
	duplicates: number;
	storedComments: number;
	/** How many answers the emulator gave with each status ("hung", "dropped" included). */
	statuses: Record<string, number>;
}

/** One run per item, with an ID both processes can compute, so every answer has the same size. */
const benchRunId = (index: number) => `b${index.toString(16).padStart(23, '0')}`;

const benchItems = (count: number) => Array.from({ length: count }, (_, index) => ({ runId: benchRunId(index), note: `bench comment ${index}` }));

/** What a plain n8n node doing the same posts looks like: one httpRequestWithAuthentication per item, nothing else. */
const bareLoopNode: INodeType = {
	description: {
		displayName: 'Bare HTTP Loop',
		name: 'bareHttpLoop',
		group: ['transform'],
		version: 1,
		description: 'Posts one comment per item, one after another, with no retries, validation or pacing',
		defaults: { name: 'Bare HTTP Loop' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'interactlyApi', required: true }],
		properties: [
			{ displayName: 'Run ID', name: 'runId', type: 'string', default: '' },
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('interactlyApi');
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < this.getInputData().length; index++) {
			const runId = this.getNodeParameter('runId', index) as string;
			const json = await this.helpers.httpRequestWithAuthentication.call(this, 'interactlyApi', {
				method: 'POST',
				url: `${baseUrl}/workflows/v1/workflow-runs/${runId}/comments`,
				body: { logical_id: `comment_${randomUUID()}`, content: this.getNodeParameter('content', index) },
				json: true,
			});
			output.push({ json, pairedItem: { item: index } });
		}
		return [output];
	},
};

function workflowFor(engine: Engine, measurement: Measurement): EngineWorkflow {
	const concurrency = measurement.concurrency === undefined ? {} : { concurrency: measurement.concurrency };
	const parameters = addCommentFromItems({ options: { output: measurement.output, ...concurrency } });
	const workflow = interactlyWorkflow(engine, parameters, benchItems(measurement.items), { onError: 'continueRegularOutput' });
	if (measurement.kind === 'bareLoop') {
		// The same two expressions the node resolves per item.
		const parameters = { runId: '={{ $json.runId }}', content: '={{ $json.note }}' };
		workflow.nodes[1] = { ...workflow.nodes[1], type: BARE_LOOP_TYPE, parameters, onError: undefined };
	}
	return workflow;
}

async function runChild(measurement: Measurement, url: string, apiKey: string): Promise<ChildReport> {
	const engine = await Engine.start();
	engine.loaded.nodeTypes[BARE_LOOP_TYPE] = bareLoopNode;
	const workflow = workflowFor(engine, measurement);
	const credentials = credentialsFor({ url, apiKey } as never);
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const result = await engine.run(workflow, credentials);
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	stopEngineTimers();
	const output = result.outputOf(INTERACTLY)[0] ?? [];
	const failed = output.filter((item) => item.json.error !== undefined).length + (result.error ? measurement.items - output.length : 0);
	return {
		wallMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		failed,
		outputItems: output.length,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
	};
}

function spawnChild(measurement: Measurement, url: string, apiKey: string): Promise<ChildReport> {
	const heap = measurement.heapMb ? [`--max-old-space-size=${measurement.heapMb}`] : [];
	const args = [...heap, ...process.execArgv, __filename, '--child', JSON.stringify({ measurement, url, apiKey })];
	const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	return new Promise((resolve, reject) => {
		child.on('exit', (code) => {
			const lastLine = stdout.trim().split('\n').pop() ?? '';
			if (code === 0) resolve(JSON.parse(lastLine) as ChildReport);
			else reject(new Error(`measurement failed (exit ${code}): ${stdout}`));
		});
	});
}

async function measure(measurement: Measurement): Promise<Report> {
	const statuses: Record<string, number> = {};
	const emulator = await startEmulator({ onRequest: ({ status }) => (statuses[status] = (statuses[status] ?? 0) + 1) });
	for (let index = 0; index < measurement.items; index++) emulator.addRun({ _id: benchRunId(index) });
	emulator.setFaults(measurement.faults);
	try {
		const report = await spawnChild(measurement, emulator.url, emulator.apiKey);
		const logicalIds = benchItems(measurement.items).flatMap(
			({ runId }) => emulator.getRun(runId)?.workflow_run.comments.map((comment) => comment.logical_id) ?? [],
		);
		return { ...report, statuses, storedComments: logicalIds.length, duplicates: logicalIds.length - new Set(logicalIds).size };
	} finally {
		await emulator.close();
	}
}

const pacedMeasurement = (concurrency?: number): Measurement => ({
	kind: 'node',
	concurrency,
	items: ITEMS,
	output: 'simplified',
	faults: { latencyMs: 20, rateLimit: { perSecond: RATE_PER_SECOND } },
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

async function main() {
	if (process.argv.includes('--only-paced')) return console.log(await measure(pacedMeasurement(Number(process.env.BENCH_CONCURRENCY) || undefined)));
	console.log(`Interactly node benchmark: ${ITEMS} items${QUICK ? ' (--quick)' : ''}, Node ${process.version}\n`);

	const idealMs = (ITEMS / RATE_PER_SECOND) * 1000;
	console.log(`1. ${ITEMS} items, 20 ms latency, ${RATE_PER_SECOND} requests/s limit (simplified output)`);
	for (const concurrency of [undefined, 10]) {
		const paced = await measure(pacedMeasurement(concurrency));
		console.log(`   concurrency ${concurrency ?? '5 (default)'}: wall time ${seconds(paced.wallMs)}, ratio to ${seconds(idealMs)}: ${(paced.wallMs / idealMs).toFixed(3)}`);
		console.log(`     items failed ${paced.failed}, comments stored ${paced.storedComments}, duplicate comments ${paced.duplicates}`);
		console.log(`     answers by status ${JSON.stringify(paced.statuses)}, peak RSS ${mb(paced.peakRssMb)}`);
	}
	console.log();

	console.log('2. CPU time per item, no latency, no limit (run output, same engine, same posts)');
	for (const kind of ['node', 'bareLoop'] as const) {
		const report = await measure({ kind, items: ITEMS, output: 'run', faults: {} });
		const label = kind === 'node' ? 'Interactly node    ' : 'bare httpRequest loop';
		console.log(
			`   ${label}: ${(report.cpuMs / ITEMS).toFixed(3)} ms CPU/item, wall ${seconds(report.wallMs)}, failed ${report.failed}, duplicates ${report.duplicates}`,
		);
	}

	console.log('\n3. Peak RSS by output mode, small run documents vs ~200 KB ones (eventsPerRun: 400)');
	for (const output of ['comment', 'simplified', 'run'] as const) {
		const figures: string[] = [];
		for (const eventsPerRun of [0, 400]) {
			const report = await measure({ kind: 'node', items: ITEMS, output, faults: { eventsPerRun }, heapMb: 16_384 });
			figures.push(`${eventsPerRun === 0 ? 'small' : '200 KB'}: ${mb(report.peakRssMb)} (wall ${seconds(report.wallMs)}, failed ${report.failed})`);
		}
		console.log(`   ${output.padEnd(10)} ${figures.join('   ')}`);
	}
}

if (process.argv.includes('--child')) {
	const { measurement, url, apiKey } = JSON.parse(process.argv[process.argv.indexOf('--child') + 1]) as {
		measurement: Measurement;
		url: string;
		apiKey: string;
	};
	runChild(measurement, url, apiKey)
		.then((report) => console.log(`\n${JSON.stringify(report)}`))
		.catch((error: unknown) => {
			console.error(error);
			process.exit(1);
		});
} else {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
