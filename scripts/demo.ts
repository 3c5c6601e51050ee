/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a command-line script, not part of the published package */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';

import { startEmulator, type Emulator } from '../emulator';
import { Engine, PACKAGE_DIR, stopEngineTimers, type EngineWorkflow } from '../harness/engine';

const WORKFLOW_FILE = join(PACKAGE_DIR, 'test', 'workflows', 'review-comments.json');
const OUTPUT_FILE = join(PACKAGE_DIR, '.demo', 'output.json');
const BUILT_NODE = join(PACKAGE_DIR, 'dist', 'nodes', 'InteractlyWorkflowRun', 'InteractlyWorkflowRun.node.js');

function newestSourceTime(folder: string): number {
	return readdirSync(folder, { withFileTypes: true }).reduce((newest, entry) => {
		const path = join(folder, entry.name);
		return Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
	}, 0);
}

function buildIfNeeded() {
	const sourcesChanged = ['nodes', 'credentials', 'icons'].map((folder) => newestSourceTime(join(PACKAGE_DIR, folder)));
	if (existsSync(BUILT_NODE) && statSync(BUILT_NODE).mtimeMs >= Math.max(...sourcesChanged)) return;
	console.log('• Building the package (npm run build)…');
	const build = spawnSync('npm', ['run', 'build'], { cwd: PACKAGE_DIR, encoding: 'utf8' });
	if (build.status !== 0) {
		console.error(build.stdout, build.stderr);
		throw new Error('npm run build failed');
	}
}

function cell(value: unknown, width: number) {
	const text = String(value ?? '').replace(/\s+/g, ' ');
	return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

async function main() {
	buildIfNeeded();
	const workflow = JSON.parse(readFileSync(WORKFLOW_FILE, 'utf8')) as EngineWorkflow & { name: string };
	const trigger = Object.keys(workflow.pinData ?? {})[0];
	const items = workflow.pinData![trigger];

	let emulator: Emulator | undefined;
	let credentials;
	if (process.env.INTERACTLY_API_KEY) {
		const baseUrl = process.env.INTERACTLY_BASE_URL;
		credentials = { apiKey: process.env.INTERACTLY_API_KEY, environment: baseUrl ? 'custom' : 'production', baseUrl: baseUrl ?? '' };
		const runIds = process.env.INTERACTLY_RUN_IDS?.split(',').map((id) => id.trim());
		runIds?.forEach((runId, index) => items[index] && (items[index].json.runId = runId));
		console.log(`• Target: the Interactly API at ${baseUrl ?? 'https://api.interactly.ai'} (INTERACTLY_API_KEY is set)`);
	} else {
		emulator = await startEmulator({
			onRequest: ({ method, path, status, ms }) => console.log(`    ${method} ${path} → ${status} (${ms} ms)`),
		});
		credentials = { apiKey: emulator.apiKey, environment: 'custom', baseUrl: emulator.url };
		console.log(`• Started the local Interactly emulator at ${emulator.url}`);
	}

	console.log("• Loading n8n-nodes-interactly into n8n's execution engine (n8n-core)…");
	const engine = await Engine.start();
	console.log(`• Running "${workflow.name}": ${trigger} → ${items.length} items → Interactly Workflow Run (Add Comment, Continue On Fail)`);
	const result = await engine.run(workflow, { interactlyApi: credentials });
	const interactlyNode = workflow.nodes.find((node) => node.type === engine.nodeType)!.name;
	const [outputItems = []] = result.outputOf(interactlyNode);

	mkdirSync(join(PACKAGE_DIR, '.demo'), { recursive: true });
	writeFileSync(OUTPUT_FILE, `${JSON.stringify(outputItems, null, 2)}\n`);

	console.log('');
	console.log(`${cell('item', 5)} ${cell('run', 24)} ${cell('outcome', 9)} comment or error`);
	console.log(`${'-'.repeat(5)} ${'-'.repeat(24)} ${'-'.repeat(9)} ${'-'.repeat(60)}`);
	for (const item of outputItems) {
		const index = (item.pairedItem as { item: number }).item;
		const failed = item.json.error !== undefined;
		const comment = item.json.comment as { content?: string } | undefined;
		console.log(
			`${cell(index, 5)} ${cell(items[index].json.runId, 24)} ${cell(failed ? 'error' : 'commented', 9)} ${failed ? item.json.error : comment?.content}`,
		);
	}
	console.log('');
	if (result.error) console.log(`The workflow stopped: ${result.error.message}`);
	console.log(`Full output (${outputItems.length} items) written to ${relative(process.cwd(), OUTPUT_FILE)}`);

	await emulator?.close();
	stopEngineTimers();
}

main().catch((error) => {
	console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
