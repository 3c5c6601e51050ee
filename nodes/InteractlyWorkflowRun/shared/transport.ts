import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { PRODUCTION_BASE_URL, QA_BASE_URL } from '../../../credentials/InteractlyApi.credentials';
import { describeFailure, toNodeApiError, type RequestFailure } from './errors';
import type { Pacer } from './pacer';
import { isRateLimit, mayAnswerOwnEarlierWrite, mayHaveTakenEffect, retryDelayMs } from './retry';

export interface InteractlyCredentials {
	apiKey: string;
	environment: 'production' | 'qa' | 'custom';
	baseUrl?: string;
	teamId?: string;
	userId?: string;
}

export interface InteractlyRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

export interface RequestPolicy {
	maxRetries: number;
	timeoutMs: number;
	pacer: Pacer;
	itemIndex: number;
	// After an ambiguous failure (the request may have taken effect), asked before sending again:
	// returns the answer if the earlier attempt did land, so it is not repeated.
	findLandedResult?: () => Promise<unknown>;
}

export function interactlyBaseUrl(credentials: Pick<InteractlyCredentials, 'environment' | 'baseUrl'>) {
	if (credentials.environment === 'qa') return QA_BASE_URL;
	if (credentials.environment !== 'custom') return PRODUCTION_BASE_URL;
	return String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/workflows\/v1$/, '')
		.replace(/\/+$/, '');
}

export function identityHeaders(credentials: Pick<InteractlyCredentials, 'teamId' | 'userId'>) {
	const headers: Record<string, string> = {};
	const teamId = credentials.teamId?.trim();
	const userId = credentials.userId?.trim();
	if (teamId) headers.teamid = teamId;
	if (userId) headers.uuid = userId;
	return headers;
}

export function encodeRunPath(workflowRunId: string, ...rest: string[]) {
	return ['/workflows/v1/workflow-runs', workflowRunId, ...rest]
		.map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment)))
		.join('/');
}

type Attempt = { ok: true; body: unknown } | { ok: false; failure: RequestFailure };

async function sendOnce(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	options: IHttpRequestOptions,
): Promise<Attempt> {
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'interactlyApi',
			options,
		)) as { statusCode: number; headers: Record<string, string>; body: unknown };
		if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, body: response.body };
		return {
			ok: false,
			failure: {
				kind: 'http',
				status: response.statusCode,
				retryAfter: response.headers?.['retry-after'],
				body: response.body,
			},
		};
	} catch (error) {
		return { ok: false, failure: describeFailure(error, options.timeout ?? 0) };
	}
}

/** The only place that talks HTTP to Interactly: auth, identity headers, retries, pacing, error mapping. */
export async function interactlyRequest(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	request: InteractlyRequest,
	policy: RequestPolicy,
): Promise<unknown> {
	const credentials = await this.getCredentials<InteractlyCredentials>('interactlyApi');
	const baseUrl = interactlyBaseUrl(credentials);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		headers: identityHeaders(credentials),
		qs: request.qs,
		body: request.body,
		json: true,
		timeout: policy.timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	let mayHaveLanded = false;
	const landedEarlier = async () => (mayHaveLanded ? await policy.findLandedResult?.() : undefined);
	for (let attempt = 0; ; attempt++) {
		const startedAt = await policy.pacer.waitForTurn();
		const result = await sendOnce(this, options);
		if (result.ok) {
			policy.pacer.recordSuccess();
			return result.body;
		}
		const { failure } = result;
		if (isRateLimit(failure)) policy.pacer.recordRateLimit(startedAt);
		// After an attempt that may have landed, a 409 or 404 is most likely that attempt's own effect.
		const askedAboutRefusal = mayHaveLanded && mayAnswerOwnEarlierWrite(failure);
		const landedBefore = askedAboutRefusal ? await landedEarlier() : undefined;
		if (landedBefore !== undefined) return landedBefore;
		mayHaveLanded ||= mayHaveTakenEffect(failure);
		const delayMs = retryDelayMs(failure, attempt);
		if (delayMs === undefined || attempt >= policy.maxRetries) {
			// Out of attempts: an item whose request did land must not be reported as failed (unless just asked).
			const landedAnyway = askedAboutRefusal ? undefined : await landedEarlier().catch(() => undefined);
			if (landedAnyway !== undefined) return landedAnyway;
			throw toNodeApiError(this.getNode(), failure, {
				itemIndex: policy.itemIndex,
				baseUrl,
				secret: credentials.apiKey,
				attempts: attempt + 1,
			});
		}
		await sleep(delayMs);
		const landed = await landedEarlier();
		if (landed !== undefined) return landed;
	}
}
