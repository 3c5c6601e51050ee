// A command-line entry point has to read process.argv/env and print to the console.
/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
import { RUNS } from './seed';
import { startEmulator } from './server';

const DEFAULT_PORT = 8611;

function portFromArgs(args: string[]): number {
	const flag = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	const raw = flag < 0 ? process.env.PORT : args[flag].includes('=') ? args[flag].split('=')[1] : args[flag + 1];
	const port = raw === undefined ? DEFAULT_PORT : Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${raw}`);
	return port;
}

async function main(): Promise<void> {
	const emulator = await startEmulator({
		port: portFromArgs(process.argv.slice(2)),
		// Authorization is never logged: only method, path, status and duration.
		onRequest: ({ method, path, status, ms }) => console.log(`${method} ${path} ${status} ${ms}ms`),
	});
	// Two runs that failed in the last hours, so "failed since yesterday" flows (examples/) find something.
	const recentFailures = [3, 1].map((hoursAgo) =>
		emulator.addRun({ status: 'failed', created_at: new Date(Date.now() - hoursAgo * 3_600_000).toISOString() }),
	);
	console.log(`Interactly emulator listening on ${emulator.url}`);
	console.log(`API key: ${emulator.apiKey}`);
	console.log('In n8n, set the Interactly credential to environment "Custom", base URL above, and this API key.');
	console.log(`Runs to try: ${RUNS.completedA} (completed), ${RUNS.running} (running: refuses comments),`);
	console.log(`  ${recentFailures.map((run) => run._id).join(', ')} (failed in the last hours); GET /workflows/v1/workflow-runs lists all.`);
	console.log('Press Ctrl+C to stop.');
	const stop = () => void emulator.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	if ((error as { code?: string }).code === 'EADDRINUSE') console.error('Another program uses that port: choose one with --port <number> (or PORT=<number>).');
	process.exit(1);
});
