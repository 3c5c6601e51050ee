import { randomUUID } from 'crypto';

import { RUNS, startEmulator } from '../../emulator';
import { addCommentFromItems, credentialsFor, interactlyWorkflow, useEngineAndEmulator } from '../support/engineTest';

// Distinctive enough that any copy of it in the output, an error or a log is found.
const KEY_UNDER_TEST = `interactly-key-${randomUUID()}`;

/** JSON.stringify replacer that also writes out an Error's non-enumerable message, stack and cause. */
function withErrorInternals(_key: string, value: unknown) {
	if (!(value instanceof Error)) return value;
	const { message, stack, cause } = value;
	return { ...value, message, stack, cause };
}

describe('the API key never appears in output, errors or logs', () => {
	const ctx = useEngineAndEmulator();
	const logged: string[] = [];
	beforeEach(() => {
		logged.length = 0;
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
				logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg, withErrorInternals))).join(' '));
			});
		}
	});
	afterEach(() => jest.restoreAllMocks());

	it('on every error path, under stop and continue, with the right key and a wrong one', async () => {
		const { engine } = ctx;
		// An emulator that accepts the secret, so the key travels on every request.
		const emulator = await startEmulator({ apiKey: KEY_UNDER_TEST });
		try {
			const items = [
				{ runId: RUNS.completedA, note: 'ok' },
				{ runId: RUNS.running, note: 'conflict' },
				{ runId: 'ffffffffffffffffffffffff', note: 'missing' },
				{ runId: 'bad', note: 'invalid' },
				{ runId: RUNS.completedB, note: 'ok too' },
				{ runId: RUNS.completedC, note: 'server error' },
			];
			const serialized: string[] = [];
			const authorizations = new Set<string | undefined>();
			for (const onError of [undefined, 'continueRegularOutput', 'continueErrorOutput'] as const) {
				for (const apiKey of [KEY_UNDER_TEST, `${KEY_UNDER_TEST}-wrong`]) {
					emulator.reset();
					emulator.setFaults({ failNext: { count: 1, status: 500, body: { detail: `upstream said ${apiKey}` } } });
					const workflow = interactlyWorkflow(engine, addCommentFromItems({ options: { maxRetries: 0, concurrency: 1 } }), items, onError ? { onError } : {});
					const result = await engine.run(workflow, credentialsFor(emulator, { apiKey }));
					serialized.push(JSON.stringify(result.run, withErrorInternals));
					emulator.requests.forEach((request) => authorizations.add(request.headers.authorization));
				}
			}
			expect([...authorizations].sort()).toEqual([`Bearer ${KEY_UNDER_TEST}`, `Bearer ${KEY_UNDER_TEST}-wrong`]);
			const everything = [...serialized, ...logged].join('\n');
			expect(everything).toContain('[redacted]');
			expect(everything).not.toContain(KEY_UNDER_TEST);
		} finally {
			await emulator.close();
		}
	});

	it('keeps the key out of the credential test result', async () => {
		const result = await ctx.engine.testCredential('interactlyApi', credentialsFor(ctx.emulator, { apiKey: KEY_UNDER_TEST }).interactlyApi);
		expect(JSON.stringify(result)).not.toContain(KEY_UNDER_TEST);
	});
});
