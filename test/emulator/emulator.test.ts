import { sleep } from 'n8n-workflow';

import {
	EMULATOR_API_KEY,
	GENERATED_EVENT_BYTES,
	RUNS,
	SEEDED_COMMENT_IDS,
	WORKFLOW_IDS,
	startEmulator,
	type Emulator,
	type WorkflowRunRecord,
} from '../../emulator';

const RUNS_PATH = '/workflows/v1/workflow-runs';
const UNKNOWN_RUN = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const USER_ID = '64f0c2a1b3d4e5f601a2b3e9';

interface Answer {
	status: number;
	headers: Headers;
	body: unknown;
	text: string;
}

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator();
});

afterEach(() => emulator.reset());

afterAll(async () => {
	await emulator.close();
});

async function call(
	method: string,
	path: string,
	options: { json?: unknown; raw?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Answer> {
	const response = await fetch(emulator.url + path, {
		method,
		headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json', ...options.headers },
		body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
		signal: options.signal,
	});
	const text = await response.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: response.status, headers: response.headers, body, text };
}

const commentsPath = (runId: string) => `${RUNS_PATH}/${runId}/comments`;
const postComment = (runId: string, json: unknown) => call('POST', commentsPath(runId), { json });
const innerRun = (answer: Answer) => (answer.body as { workflow_run: WorkflowRunRecord }).workflow_run.workflow_run;
const listIds = (answer: Answer) => (answer.body as { workflow_runs: WorkflowRunRecord[] }).workflow_runs.map((r) => r._id);

describe('authentication and recording', () => {
	it('refuses a missing, wrong or differently-cased key with 401', async () => {
		for (const authorization of ['', 'Bearer wrong', `bearer ${EMULATOR_API_KEY}`, EMULATOR_API_KEY]) {
			const answer = await call('GET', `${RUNS_PATH}/${RUNS.completedA}`, { headers: { authorization } });
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ detail: 'Invalid or missing API key' });
			expect(answer.headers.get('content-type')).toBe('application/json');
		}
	});

	it('accepts a key given at start', async () => {
		const other = await startEmulator({ apiKey: 'other-key' });
		try {
			const response = await fetch(`${other.url}${RUNS_PATH}`, { headers: { authorization: 'Bearer other-key' } });
			expect(response.status).toBe(200);
		} finally {
			await other.close();
		}
	});

	it('records every request with raw path, query, headers and body', async () => {
		await call('POST', `${RUNS_PATH}/${RUNS.completedA}/events/a%2Fb/comments?x=1&s=a&s=b`, {
			raw: '{"content":"hi"}',
			headers: { teamid: 'team-1', uuid: 'user-1' },
		});
		await call('GET', RUNS_PATH, { headers: { authorization: 'nope' } });
		await call('POST', commentsPath(RUNS.completedA), { raw: 'not json' });
		expect(emulator.requests).toHaveLength(3);
		const [first, second, third] = emulator.requests;
		expect(first).toMatchObject({
			method: 'POST',
			path: `${RUNS_PATH}/${RUNS.completedA}/events/a%2Fb/comments`,
			query: { x: '1', s: ['a', 'b'] },
			rawBody: '{"content":"hi"}',
			body: { content: 'hi' },
		});
		expect(first.headers).toMatchObject({ teamid: 'team-1', uuid: 'user-1', authorization: `Bearer ${EMULATOR_API_KEY}` });
		expect(second).toMatchObject({ method: 'GET', path: RUNS_PATH, query: {}, rawBody: '', body: undefined });
		expect(third).toMatchObject({ rawBody: 'not json', body: undefined });
	});
});

describe('GET one run', () => {
	it('answers the stored record in an envelope', async () => {
		const answer = await call('GET', `${RUNS_PATH}/${RUNS.completedA}`);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ workflow_run: emulator.getRun(RUNS.completedA) });
		expect(innerRun(answer).comments).toHaveLength(1);
	});

	it('decodes the id segment', async () => {
		const encoded = RUNS.completedB.replace(/^6/, '%36');
		expect((await call('GET', `${RUNS_PATH}/${encoded}`)).status).toBe(200);
	});

	it.each(['XYZ', RUNS.completedA.toUpperCase(), `${RUNS.completedA}0`, '%zz', '%20' + RUNS.completedA.slice(1)])(
		'refuses the malformed id %s with 422',
		async (id) => {
			const answer = await call('GET', `${RUNS_PATH}/${id}`);
			expect(answer.status).toBe(422);
			expect(answer.body).toEqual({
				detail: [{ loc: ['path', 'workflow_run_id'], msg: "String should match pattern '^[0-9a-f]{24}$'", type: 'value_error' }],
			});
		},
	);

	it('answers 404 for an unknown run', async () => {
		const answer = await call('GET', `${RUNS_PATH}/${UNKNOWN_RUN}`);
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({ detail: 'Workflow run not found' });
	});
});

describe('POST a comment', () => {
	it('stores the comment, answers the record and keeps it', async () => {
		const before = emulator.getRun(RUNS.completedB)!;
		const comment = {
			logical_id: 'comment_fixed',
			content: '  Nice run \n',
			createdBy: USER_ID,
			updatedBy: USER_ID,
			createdAt: '2024-07-01T10:00:00Z',
			updatedAt: '2024-07-01T10:00:00+02:00',
		};
		const answer = await postComment(RUNS.completedB, comment);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toBe('application/json');
		const stored = { ...comment, content: 'Nice run' };
		expect(innerRun(answer).comments).toEqual([stored]);
		const after = emulator.getRun(RUNS.completedB)!;
		expect(answer.body).toEqual({ workflow_run: after });
		expect(after.updated_at).not.toBe(before.updated_at);
		expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.now() - 5000);

		const read = await call('GET', `${RUNS_PATH}/${RUNS.completedB}`);
		expect(innerRun(read).comments).toEqual([stored]);
	});

	it('appends after existing comments and fills the missing fields', async () => {
		const answer = await postComment(RUNS.completedA, { content: 'second' });
		expect(answer.status).toBe(200);
		const comments = innerRun(answer).comments;
		expect(comments.map((c) => c.logical_id)[0]).toBe(SEEDED_COMMENT_IDS.completedA);
		const added = comments[1];
		expect(added.logical_id).toMatch(/^comment_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(added).toMatchObject({ content: 'second', createdBy: null, updatedBy: null });
		expect(added.createdAt).toMatch(/Z$/);
		expect(added.updatedAt).toBe(added.createdAt);
	});

	it('accepts explicit nulls', async () => {
		const answer = await postComment(RUNS.completedC, {
			logical_id: null,
			content: 'ok',
			createdBy: null,
			updatedBy: null,
			createdAt: null,
			updatedAt: null,
		});
		expect(answer.status).toBe(200);
		expect(innerRun(answer).comments[0].logical_id).toMatch(/^comment_/);
	});

	it('answers 422 for bodies that are not a JSON object', async () => {
		const cases: Array<[string, unknown]> = [
			['{"content":', { loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }],
			['', { loc: ['body'], msg: 'Field required', type: 'missing' }],
			['[1]', { loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type' }],
			['"text"', { loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type' }],
		];
		for (const [raw, error] of cases) {
			const answer = await call('POST', commentsPath(RUNS.completedA), { raw });
			expect(answer.status).toBe(422);
			expect(answer.body).toEqual({ detail: [error] });
		}
	});

	it('answers 422 listing every field of the wrong type or shape, with a bad path id', async () => {
		const answer = await postComment('nope', {
			logical_id: 7,
			content: ['x'],
			createdBy: 'short',
			updatedBy: `${USER_ID}0`,
			createdAt: 'yesterday',
			updatedAt: '2024-02-30T10:00:00Z',
		});
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({
			detail: [
				{ loc: ['path', 'workflow_run_id'], msg: "String should match pattern '^[0-9a-f]{24}$'", type: 'value_error' },
				{ loc: ['body', 'logical_id'], msg: 'Input should be a valid string', type: 'string_type' },
				{ loc: ['body', 'content'], msg: 'Input should be a valid string', type: 'string_type' },
				{ loc: ['body', 'createdBy'], msg: 'String should have at least 24 characters', type: 'string_too_short' },
				{ loc: ['body', 'updatedBy'], msg: 'String should have at most 24 characters', type: 'string_too_long' },
				{ loc: ['body', 'createdAt'], msg: 'Input should be a valid datetime', type: 'datetime_parsing' },
				{ loc: ['body', 'updatedAt'], msg: 'Input should be a valid datetime', type: 'datetime_parsing' },
			],
		});
		expect(emulator.getRun(RUNS.completedA)!.workflow_run.comments).toHaveLength(1);
	});

	it('answers 404 for an unknown run', async () => {
		const answer = await postComment(UNKNOWN_RUN, { content: 'x' });
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({ detail: 'Workflow run not found' });
	});

	it.each([[{}], [{ content: null }], [{ content: '' }], [{ content: ' \n\t ' }]])('refuses blank content %j with 400', async (body) => {
		const answer = await postComment(RUNS.completedA, body);
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ message: 'Invalid comment', error: 'Comment content cannot be blank' });
	});

	it('counts the 5,000-character limit in code points, after trimming', async () => {
		const emoji = '😀'.repeat(5000);
		expect((await postComment(RUNS.completedA, { content: `  ${emoji}  ` })).status).toBe(200);
		const tooLong = await postComment(RUNS.completedA, { content: 'a'.repeat(5001) });
		expect(tooLong.status).toBe(400);
		expect(tooLong.body).toEqual({ message: 'Invalid comment', error: 'Comment content cannot exceed 5000 characters' });
		expect(emulator.getRun(RUNS.completedA)!.workflow_run.comments.map((c) => c.content)).toHaveLength(2);
	});

	it('refuses runs that are not in a terminal status with 409, unknown statuses included', async () => {
		const unknown = emulator.addRun({ status: 'archiving' });
		for (const runId of [RUNS.running, RUNS.waitingForUserInput, RUNS.notStarted, unknown._id]) {
			const answer = await postComment(runId, { content: 'too early' });
			expect(answer.status).toBe(409);
			expect(answer.body).toEqual({ detail: 'Feedback cannot be left while the run is still in progress' });
		}
		for (const runId of [RUNS.failedB, RUNS.cancelled, RUNS.abortedLoopingRisk]) {
			expect((await postComment(runId, { content: 'fine' })).status).toBe(200);
		}
	});

	it('refuses a logical_id the run already has with 409', async () => {
		const answer = await postComment(RUNS.completedA, { logical_id: SEEDED_COMMENT_IDS.completedA, content: 'again' });
		expect(answer.status).toBe(409);
		expect(answer.body).toEqual({ detail: 'A comment with this logical_id already exists' });
		expect((await postComment(RUNS.completedB, { logical_id: SEEDED_COMMENT_IDS.completedA, content: 'x' })).status).toBe(200);
	});
});

describe('DELETE a comment', () => {
	it('removes it and answers the record', async () => {
		const path = `${commentsPath(RUNS.failedA)}/${SEEDED_COMMENT_IDS.failedA}`;
		const answer = await call('DELETE', path);
		expect(answer.status).toBe(200);
		expect(innerRun(answer).comments).toEqual([]);
		expect(answer.body).toEqual({ workflow_run: emulator.getRun(RUNS.failedA) });
		const again = await call('DELETE', path);
		expect(again.status).toBe(404);
		expect(again.body).toEqual({ detail: 'Comment not found' });
	});

	it('decodes the comment id and answers 404 for an unknown run', async () => {
		await postComment(RUNS.completedB, { logical_id: 'a/b c', content: 'x' });
		expect((await call('DELETE', `${commentsPath(RUNS.completedB)}/a%2Fb%20c`)).status).toBe(200);
		const answer = await call('DELETE', `${commentsPath(UNKNOWN_RUN)}/x`);
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({ detail: 'Workflow run not found' });
	});
});

describe('POST an event comment', () => {
	const eventOf = (runId: string) => emulator.getRun(runId)!.workflow_run.input_output_pairs[1].run_output.events[0];

	it('stores the comment on the event and answers the record', async () => {
		const event = eventOf(RUNS.completedA);
		const answer = await call('POST', `${RUNS_PATH}/${RUNS.completedA}/events/${event.logical_id}/comments`, {
			json: { content: ' step was slow ', logical_id: 'c1' },
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ workflow_run: emulator.getRun(RUNS.completedA) });
		expect(eventOf(RUNS.completedA).comments).toMatchObject([{ logical_id: 'c1', content: 'step was slow' }]);
		expect(emulator.getRun(RUNS.completedA)!.workflow_run.comments).toHaveLength(1);
		const duplicate = await call('POST', `${RUNS_PATH}/${RUNS.completedA}/events/${event.logical_id}/comments`, {
			json: { content: 'x', logical_id: 'c1' },
		});
		expect(duplicate.status).toBe(409);
	});

	it('answers 404 for an unknown event and 409 for a run in progress', async () => {
		const unknown = await call('POST', `${RUNS_PATH}/${RUNS.completedA}/events/nope/comments`, { json: { content: 'x' } });
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({ detail: 'Event not found' });
		const runningEvent = emulator.getRun(RUNS.running)!.workflow_run.input_output_pairs[0].run_output.events[0];
		const early = await call('POST', `${RUNS_PATH}/${RUNS.running}/events/${runningEvent.logical_id}/comments`, {
			json: { content: 'x' },
		});
		expect(early.status).toBe(409);
	});
});

describe('GET the run list', () => {
	it('pages all runs newest first with the default page and size', async () => {
		const answer = await call('GET', RUNS_PATH);
		expect(answer.status).toBe(200);
		const body = answer.body as { workflow_runs: WorkflowRunRecord[] };
		expect(body).toMatchObject({ page: 1, size: 20, total: 10, pages: 1 });
		const dates = body.workflow_runs.map((r) => r.created_at);
		expect(dates).toEqual([...dates].sort().reverse());
		expect(listIds(answer)[0]).toBe(RUNS.notStarted);
		expect(body.workflow_runs[0]).toEqual(emulator.getRun(RUNS.notStarted));
	});

	it('pages through added runs', async () => {
		for (let i = 0; i < 25; i++) emulator.addRun({ created_at: `2025-01-01T00:00:${String(i).padStart(2, '0')}Z` });
		const first = await call('GET', `${RUNS_PATH}?page=1&size=15`);
		const second = await call('GET', `${RUNS_PATH}?page=2&size=15`);
		const beyond = await call('GET', `${RUNS_PATH}?page=4&size=15`);
		expect(first.body).toMatchObject({ page: 1, size: 15, total: 35, pages: 3 });
		expect(listIds(first)).toHaveLength(15);
		expect(listIds(second)).toHaveLength(15);
		expect(new Set([...listIds(first), ...listIds(second)]).size).toBe(30);
		expect(beyond.body).toEqual({ workflow_runs: [], page: 4, size: 15, total: 35, pages: 3 });
	});

	it('filters by workflow, status (repeated or comma-separated), dates and search', async () => {
		const ids = async (query: string) => listIds(await call('GET', `${RUNS_PATH}?${query}`));
		expect(await ids(`workflow_id=${WORKFLOW_IDS.billing}`)).toEqual([RUNS.notStarted, RUNS.failedB, RUNS.completedC]);
		expect(await ids('status=failed&status=cancelled')).toEqual([RUNS.failedB, RUNS.cancelled, RUNS.failedA]);
		expect(await ids('status=failed,cancelled')).toEqual([RUNS.failedB, RUNS.cancelled, RUNS.failedA]);
		expect(await ids(`status=completed&workflow_id=${WORKFLOW_IDS.onboarding}`)).toEqual([RUNS.completedB]);
		expect(await ids('start=2024-06-03T16:20:00Z&end=2024-06-11T09:30:00Z')).toEqual([
			RUNS.waitingForUserInput,
			RUNS.running,
			RUNS.failedB,
		]);
		expect(await ids('end=2024-05-10T16:30:00%2B02:00')).toEqual([RUNS.completedB, RUNS.completedA]);
		expect(await ids('start=2024-06-11')).toEqual([RUNS.notStarted, RUNS.waitingForUserInput]);
		expect(await ids('search=ESCALATED')).toEqual([RUNS.failedA]);
		expect(await ids(`search=${RUNS.cancelled.slice(-5)}`)).toEqual([RUNS.cancelled]);
		expect(await ids('search=run_a7b807')).toEqual([RUNS.abortedLoopingRisk]);
		expect(await ids(`search=${WORKFLOW_IDS.support.toUpperCase()}`)).toHaveLength(4);
		expect(await ids('status=paused')).toEqual([]);
	});

	it('finds a comment added through the API', async () => {
		await postComment(RUNS.completedC, { content: 'Refund handled well' });
		expect(listIds(await call('GET', `${RUNS_PATH}?search=refund%20HANDLED`))).toEqual([RUNS.completedC]);
	});

	it.each([
		['page=0', { loc: ['query', 'page'], msg: 'Input should be greater than or equal to 1', type: 'greater_than_equal' }],
		['size=0', { loc: ['query', 'size'], msg: 'Input should be greater than or equal to 1', type: 'greater_than_equal' }],
		['size=101', { loc: ['query', 'size'], msg: 'Input should be less than or equal to 100', type: 'less_than_equal' }],
		['page=abc', { loc: ['query', 'page'], msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' }],
		['start=soon', { loc: ['query', 'start'], msg: 'Input should be a valid datetime', type: 'datetime_parsing' }],
	])('refuses %s with 422', async (query, error) => {
		const answer = await call('GET', `${RUNS_PATH}?${query}`);
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({ detail: [error] });
	});
});

describe('routing', () => {
	it('answers 404 for unknown paths and 405 for wrong methods', async () => {
		for (const path of ['/', '/workflows/v1/other', `${RUNS_PATH}/${RUNS.completedA}/extra`, `${RUNS_PATH}//comments`]) {
			const answer = await call('GET', path);
			expect(answer.status).toBe(404);
			expect(answer.body).toEqual({ detail: 'Not Found' });
		}
		const answer = await call('PUT', commentsPath(RUNS.completedA), { json: {} });
		expect(answer.status).toBe(405);
		expect(answer.body).toEqual({ detail: 'Method Not Allowed' });
		expect(answer.headers.get('allow')).toBe('POST');
	});
});

describe('faults', () => {
	const getRun = (signal?: AbortSignal) => call('GET', `${RUNS_PATH}/${RUNS.completedA}`, { signal });

	it('delays every answer by latencyMs', async () => {
		emulator.setFaults({ latencyMs: 150 });
		const started = Date.now();
		expect((await getRun()).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('rate-limits with a token bucket and Retry-After', async () => {
		emulator.setFaults({ rateLimit: { perSecond: 1, burst: 2 } });
		expect((await getRun()).status).toBe(200);
		expect((await getRun()).status).toBe(200);
		const limited = await getRun();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('1');
		expect(limited.body).toEqual({ detail: 'Rate limit exceeded' });
	});

	it('fails the next N requests with the given status, header and body', async () => {
		emulator.setFaults({ failNext: { count: 2, status: 503, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' } });
		for (let i = 0; i < 2; i++) {
			const failed = await getRun();
			expect(failed.status).toBe(503);
			expect(failed.headers.get('retry-after')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
			expect(failed.body).toEqual({ detail: 'Injected fault: HTTP 503' });
		}
		expect((await getRun()).status).toBe(200);

		emulator.setFaults({ failNext: { count: 1, status: 502, html: true } });
		const html = await getRun();
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(html.text).toContain('<h1>502 Error</h1>');

		emulator.setFaults({ failNext: { count: 1, status: 200, body: '{"workflow_run": ' } });
		expect(await getRun()).toMatchObject({ status: 200, text: '{"workflow_run": ', body: undefined });

		emulator.setFaults({ failNext: { count: 1, status: 500, body: { error: 'boom' } } });
		expect(await getRun()).toMatchObject({ status: 500, body: { error: 'boom' } });
	});

	it('fails a POST before applying it', async () => {
		emulator.setFaults({ failNext: { count: 1, status: 500 } });
		expect((await postComment(RUNS.completedB, { content: 'x' })).status).toBe(500);
		expect(emulator.getRun(RUNS.completedB)!.workflow_run.comments).toEqual([]);
	});

	it('leaves hangNext requests unanswered, then answers again', async () => {
		emulator.setFaults({ hangNext: 1 });
		await expect(getRun(AbortSignal.timeout(300))).rejects.toThrow();
		expect(emulator.requests).toHaveLength(1);
		expect((await getRun()).status).toBe(200);
	});

	it('close() finishes while a request hangs', async () => {
		const other = await startEmulator();
		other.setFaults({ hangNext: 1, latencyMs: 60_000 });
		const outcome = async () =>
			await fetch(`${other.url}${RUNS_PATH}`, { headers: { authorization: `Bearer ${other.apiKey}` } }).then(
				() => 'answered',
				() => 'failed',
			);
		const hung = outcome();
		const delayed = outcome();
		await sleep(100);
		expect(other.requests).toHaveLength(2);
		const started = Date.now();
		await other.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await Promise.all([hung, delayed])).toEqual(['failed', 'failed']);
	});

	it('applies dropAfterCommitNext comment POSTs but never answers them', async () => {
		emulator.setFaults({ dropAfterCommitNext: 1 });
		expect((await getRun()).status).toBe(200);
		await expect(postComment(RUNS.completedB, { logical_id: 'landed', content: 'x' })).rejects.toThrow();
		expect(emulator.getRun(RUNS.completedB)!.workflow_run.comments.map((c) => c.logical_id)).toEqual(['landed']);
		const retry = await postComment(RUNS.completedB, { logical_id: 'landed', content: 'x' });
		expect(retry.status).toBe(409);
	});

	it('answers comment POSTs in the shape asked for', async () => {
		emulator.setFaults({ answerShape: 'bareComment' });
		const bare = await postComment(RUNS.completedB, { logical_id: 'b1', content: ' bare ' });
		expect(bare.status).toBe(200);
		expect(bare.body).toEqual(emulator.getRun(RUNS.completedB)!.workflow_run.comments[0]);
		expect(bare.body).toMatchObject({ logical_id: 'b1', content: 'bare' });

		emulator.setFaults({ answerShape: 'unexpected' });
		const odd = await postComment(RUNS.completedB, { content: 'odd' });
		expect(odd).toMatchObject({ status: 200, body: { ok: true } });
		expect(emulator.getRun(RUNS.completedB)!.workflow_run.comments).toHaveLength(2);
		expect((await getRun()).body).toEqual({ workflow_run: emulator.getRun(RUNS.completedA) });
	});

	it('inflates every answered record with eventsPerRun generated events', async () => {
		emulator.setFaults({ eventsPerRun: 400 });
		const answer = await getRun();
		const events = innerRun(answer).input_output_pairs[0].run_output.events;
		expect(events).toHaveLength(400);
		for (const event of events) expect(JSON.stringify(event).length).toBe(GENERATED_EVENT_BYTES);
		expect(answer.text.length).toBeGreaterThan(200_000);
		expect(answer.text.length).toBeLessThan(210_000);
		const listed = await call('GET', `${RUNS_PATH}?size=2`);
		const rows = (listed.body as { workflow_runs: WorkflowRunRecord[] }).workflow_runs;
		expect(rows.map((r) => r.workflow_run.input_output_pairs[0].run_output.events.length)).toEqual([400, 400]);
		expect(emulator.getRun(RUNS.completedA)!.workflow_run.input_output_pairs[0].run_output.events).toHaveLength(2);
	});

	it('revokes the key after unauthorizedAfter requests', async () => {
		emulator.setFaults({ unauthorizedAfter: 2 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await getRun()).status);
		expect(statuses).toEqual([200, 200, 401, 401]);
	});

	it('merges fault plans, and reset() restores state, requests and faults', async () => {
		emulator.setFaults({ failNext: { count: 5, status: 500 } });
		emulator.setFaults({ unauthorizedAfter: 0 });
		expect((await getRun()).status).toBe(401);
		emulator.resetFaults();
		await postComment(RUNS.completedB, { content: 'x' });
		emulator.setFaults({ failNext: { count: 1, status: 500 } });
		emulator.reset();
		expect(emulator.requests).toEqual([]);
		expect(emulator.getRun(RUNS.completedB)!.workflow_run.comments).toEqual([]);
		expect((await getRun()).status).toBe(200);
	});
});

describe('robustness', () => {
	it('survives garbage and keeps serving', async () => {
		const cases: Array<[string, number]> = [
			['\u0000\u00ff{{{', 422],
			['null', 422],
			['{"content": 1e999}', 422],
			['{"content": {"nested": [1, 2]}}', 422],
			['{"content": "\\ud800"}', 200],
		];
		for (const [raw, status] of cases) {
			expect((await call('POST', commentsPath(RUNS.completedA), { raw })).status).toBe(status);
		}
		expect(emulator.getRun(RUNS.completedA)!.workflow_run.comments[1].content).toBe('\ud800');
		expect((await call('GET', `${RUNS_PATH}/%E0%A4%A`)).status).toBe(422);
		expect((await call('GET', `${RUNS_PATH}?page=%ZZ&status=%`)).status).toBe(422);
		expect((await call('GET', `${RUNS_PATH}/${RUNS.completedA}`)).status).toBe(200);
	});
});
