// The emulator is a local test server, so it needs Node's http and timers modules, which the community rules forbid in packages.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'http';
import { randomBytes } from 'crypto';
import type { AddressInfo } from 'net';
import { setTimeout as delay } from 'timers/promises';

import { Faults, type FaultPlan } from './faults';
import type { ApiResponse } from './response';
import { detail } from './response';
import { route } from './routes';
import { buildRun, EMULATOR_API_KEY, WORKFLOW_IDS, type RunSpec } from './seed';
import { RunStore } from './store';
import type { WorkflowRunRecord } from './types';

export interface RecordedRequest {
	method: string;
	/** Pathname as received, still percent-encoded. */
	path: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** Parsed JSON, or undefined when the body is empty or not JSON. */
	body: unknown;
}

export interface RequestLogEntry {
	method: string;
	path: string;
	status: number | 'hung' | 'dropped';
	ms: number;
}

export interface EmulatorOptions {
	/** Default 0: any free port. */
	port?: number;
	/** Default EMULATOR_API_KEY. */
	apiKey?: string;
	/** Called once per request when it is answered, hung or dropped. */
	onRequest?: (entry: RequestLogEntry) => void;
}

export type NewRun = Partial<RunSpec>;

export interface Emulator {
	url: string;
	apiKey: string;
	/** Every request received, in order, including hung and faulted ones. */
	requests: RecordedRequest[];
	/** Merges into the current plan. */
	setFaults(plan: FaultPlan): void;
	resetFaults(): void;
	/** State back to the seed, requests cleared, faults cleared. */
	reset(): void;
	/** A copy of the stored record. */
	getRun(id: string): WorkflowRunRecord | undefined;
	/** Stores an extra run (defaults: random id, support workflow, completed, created now) and returns a copy. */
	addRun(partial?: NewRun): WorkflowRunRecord;
	/** Closes the server and destroys every open socket, hung ones included. */
	close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				request.removeAllListeners('data');
				reject(new BodyTooLarge());
			} else chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function parseJson(text: string): unknown {
	try {
		return text === '' ? undefined : JSON.parse(text);
	} catch {
		return undefined;
	}
}

function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
	const record: Record<string, string | string[]> = {};
	for (const key of new Set(query.keys())) {
		const values = query.getAll(key);
		record[key] = values.length === 1 ? values[0] : values;
	}
	return record;
}

function send(response: ServerResponse, answer: ApiResponse): void {
	response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
	response.end(answer.body);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const apiKey = options.apiKey ?? EMULATOR_API_KEY;
	const store = new RunStore();
	const faults = new Faults();
	const requests: RecordedRequest[] = [];
	// Aborts pending latency delays on close() so no timer keeps the process alive.
	const closing = new AbortController();

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const started = Date.now();
		const method = request.method ?? 'GET';
		const [path, rawQuery = ''] = (request.url ?? '/').split('#')[0].split(/\?(.*)/s);
		const log = (status: RequestLogEntry['status']) => options.onRequest?.({ method, path, status, ms: Date.now() - started });
		const answer = (reply: ApiResponse) => {
			send(response, reply);
			log(reply.status);
		};

		let rawBody: string;
		try {
			rawBody = await readBody(request);
		} catch (error) {
			if (error instanceof BodyTooLarge) answer(detail(413, 'Request body too large'));
			return;
		}
		const query = new URLSearchParams(rawQuery);
		const body = parseJson(rawBody);
		requests.push({ method, path, query: queryRecord(query), headers: request.headers, rawBody, body });

		const outcome = faults.next();
		if (outcome.kind === 'hang') return log('hung');
		if (faults.latencyMs > 0) await delay(faults.latencyMs, undefined, { signal: closing.signal });
		if (outcome.kind === 'answer') return answer(outcome.response);

		const context = { store, apiKey, answerShape: faults.answerShape, eventsPerRun: faults.eventsPerRun };
		const result = route({ method, path, query, headers: request.headers, rawBody, body }, context);
		const writesComments = result.route === 'addComment' || result.route === 'addEventComment' || result.route === 'deleteComment';
		if (writesComments && faults.takeDropAfterCommit()) {
			request.socket.destroy();
			return log('dropped');
		}
		answer(result.response);
	}

	const server = http.createServer((request, response) => {
		handle(request, response).catch(() => {
			// A delay aborted by close(), or a bug: never let it take the server down.
			if (!response.headersSent && !closing.signal.aborted) send(response, detail(500, 'Internal Server Error'));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		apiKey,
		requests,
		setFaults: (plan) => faults.set(plan),
		resetFaults: () => faults.reset(),
		reset: () => {
			store.reset();
			faults.reset();
			requests.length = 0;
		},
		getRun: (id) => {
			const record = store.get(id);
			return record && structuredClone(record);
		},
		addRun: (partial = {}) => {
			const record = buildRun({
				_id: randomBytes(12).toString('hex'),
				workflow_id: WORKFLOW_IDS.support,
				status: 'completed',
				created_at: new Date().toISOString(),
				...partial,
			});
			store.add(record);
			return structuredClone(record);
		},
		close: () =>
			new Promise<void>((resolve) => {
				closing.abort();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
