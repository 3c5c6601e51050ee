import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { Pacer } from '../../nodes/InteractlyWorkflowRun/shared/pacer';
import { interactlyRequest, type RequestPolicy } from '../../nodes/InteractlyWorkflowRun/shared/transport';

const node: INode = { id: 'n', name: 'Interactly', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const STAND_IN_CREDENTIAL = 'unit-test-key-7d41c0';
const BASE_URL = 'http://127.0.0.1:8611';

type Scripted = { statusCode: number; body: unknown; headers?: Record<string, string> } | { throws: unknown };

/** A context whose requests get the scripted answers in turn; `sent` records the options of each request. */
function scriptedContext(script: Scripted[]) {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		getCredentials: async () => ({ apiKey: STAND_IN_CREDENTIAL, environment: 'custom', baseUrl: BASE_URL }),
		getNode: () => node,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const next = script.shift();
				if (!next) throw new Error('no more scripted answers');
				if ('throws' in next) throw next.throws;
				return { headers: {}, ...next };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, sent };
}

const dropped = { throws: { httpCode: 'ECONNRESET', messages: ['socket hang up'] } };
const policy = (overrides: Partial<RequestPolicy> = {}): RequestPolicy => ({
	maxRetries: 2,
	timeoutMs: 1500,
	pacer: new Pacer(),
	itemIndex: 3,
	...overrides,
});
const post = { method: 'POST' as const, path: '/workflows/v1/workflow-runs/abc/comments', body: { logical_id: 'comment_1', content: 'x' } };

describe('interactlyRequest', () => {
	it('sends one request with the timeout, the JSON body and no thrown HTTP errors', async () => {
		const { context, sent } = scriptedContext([{ statusCode: 200, body: { ok: 1 } }]);
		await expect(interactlyRequest.call(context, post, policy())).resolves.toEqual({ ok: 1 });
		expect(sent).toEqual([
			{
				method: 'POST',
				url: `${BASE_URL}/workflows/v1/workflow-runs/abc/comments`,
				headers: {},
				qs: undefined,
				body: { logical_id: 'comment_1', content: 'x' },
				json: true,
				timeout: 1500,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			},
		]);
	});

	it('sends the very same body again on a retry', async () => {
		const { context, sent } = scriptedContext([
			{ statusCode: 429, body: {}, headers: { 'retry-after': '0' } },
			{ statusCode: 200, body: 'posted' },
		]);
		await expect(interactlyRequest.call(context, post, policy())).resolves.toBe('posted');
		expect(sent.map((options) => options.body)).toEqual([post.body, post.body]);
	});

	it('after a dropped connection, asks whether the comment landed before posting again', async () => {
		const { context, sent } = scriptedContext([dropped]);
		const findLandedResult = jest.fn(async () => 'found by GET');
		await expect(interactlyRequest.call(context, post, policy({ findLandedResult }))).resolves.toBe('found by GET');
		expect(sent).toHaveLength(1);
		expect(findLandedResult).toHaveBeenCalledTimes(1);
	});

	it('takes a 409 after an ambiguous failure as success when the comment is there', async () => {
		// The first attempt was slow to land: the check after it found nothing, the retry met the stored comment.
		const { context, sent } = scriptedContext([
			{ statusCode: 503, body: {}, headers: { 'retry-after': '0' } },
			{ statusCode: 409, body: { detail: 'A comment with this logical_id already exists' } },
		]);
		const findLandedResult = jest.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce('found by GET');
		await expect(interactlyRequest.call(context, post, policy({ findLandedResult }))).resolves.toBe('found by GET');
		expect(sent).toHaveLength(2);
		expect(findLandedResult).toHaveBeenCalledTimes(2);
	});

	it('after asking about a 409 that followed an ambiguous failure, does not ask again before failing', async () => {
		const { context, sent } = scriptedContext([
			{ statusCode: 503, body: {}, headers: { 'retry-after': '0' } },
			{ statusCode: 409, body: { detail: 'A comment with this logical_id already exists' } },
		]);
		const findLandedResult = jest.fn().mockResolvedValue(undefined);
		await expect(interactlyRequest.call(context, post, policy({ findLandedResult }))).rejects.toMatchObject({
			message: 'A comment with this logical ID already exists on the workflow run',
		});
		expect(sent).toHaveLength(2);
		expect(findLandedResult).toHaveBeenCalledTimes(2);
	});

	it('fails a 409 on the first attempt without asking: that logical ID was already used', async () => {
		const { context } = scriptedContext([{ statusCode: 409, body: { detail: 'A comment with this logical_id already exists' } }]);
		const findLandedResult = jest.fn();
		await expect(interactlyRequest.call(context, post, policy({ findLandedResult }))).rejects.toMatchObject({
			message: 'A comment with this logical ID already exists on the workflow run',
			context: { itemIndex: 3 },
		});
		expect(findLandedResult).not.toHaveBeenCalled();
	});

	it('does not ask after failures that cannot have landed (429, refused)', async () => {
		const { context } = scriptedContext([
			{ statusCode: 429, body: {}, headers: { 'retry-after': '0' } },
			{ throws: { httpCode: 'ECONNREFUSED' } },
			{ statusCode: 200, body: 'posted' },
		]);
		const findLandedResult = jest.fn();
		await expect(interactlyRequest.call(context, post, policy({ findLandedResult }))).resolves.toBe('posted');
		expect(findLandedResult).not.toHaveBeenCalled();
	});

	it('keeps the API key out of the error, even when the server echoes it', async () => {
		const { context } = scriptedContext([{ statusCode: 400, body: { message: 'Bad key', error: `key ${STAND_IN_CREDENTIAL} is malformed` } }]);
		const error = await interactlyRequest.call(context, post, policy()).catch((caught: unknown) => caught);
		expect(JSON.stringify(error)).not.toContain(STAND_IN_CREDENTIAL);
		expect(error).toMatchObject({ message: 'Interactly refused the request: Bad key: key [redacted] is malformed' });
	});
});
