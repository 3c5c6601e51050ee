import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import {
	BASE_URL_EXPRESSION,
	InteractlyApi,
	PRODUCTION_BASE_URL,
	QA_BASE_URL,
} from '../../credentials/InteractlyApi.credentials';
import { encodeRunPath, identityHeaders, interactlyBaseUrl } from '../../nodes/InteractlyWorkflowRun/shared/transport';
import { resolveCredentialExpression } from '../../harness/credentials';

const node: INode = { id: 'n', name: 'N', type: 'test.node', typeVersion: 1, position: [0, 0], parameters: {} };
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: { getByName: () => ({}), getByNameAndVersion: () => ({ description: { properties: [] } }), getKnownTypes: () => ({}) } as never,
});
const resolve = (expression: string, credentials: object) => resolveCredentialExpression(workflow, node, expression, credentials as never);

describe('interactlyApi credential', () => {
	it.each([
		[{ environment: 'production' }, PRODUCTION_BASE_URL],
		[{ environment: 'qa' }, QA_BASE_URL],
		[{ environment: 'custom', baseUrl: 'http://localhost:8611' }, 'http://localhost:8611'],
		[{ environment: 'custom', baseUrl: 'http://localhost:8611/' }, 'http://localhost:8611'],
		[{ environment: 'custom', baseUrl: 'http://localhost:8611//' }, 'http://localhost:8611'],
		[{ environment: 'custom', baseUrl: ' https://interactly.example.com/workflows/v1 ' }, 'https://interactly.example.com'],
		[{ environment: 'custom', baseUrl: 'https://interactly.example.com/workflows/v1/' }, 'https://interactly.example.com'],
		[{ environment: 'custom', baseUrl: 'https://example.com/api/workflows/v1/' }, 'https://example.com/api'],
	])('chooses the host for %j, the same in the node and in the credential test', (credentials, expected) => {
		expect(interactlyBaseUrl(credentials as never)).toBe(expected);
		expect(resolve(BASE_URL_EXPRESSION, credentials)).toBe(expected);
	});

	it('builds the Bearer header from the key without surrounding whitespace', () => {
		const { authenticate } = new InteractlyApi();
		expect(resolve(authenticate.properties.headers!.Authorization as string, { apiKey: '\n  key-123 \r\n' })).toBe('Bearer key-123');
	});

	it('sends the identity headers only when filled in', () => {
		expect(identityHeaders({})).toEqual({});
		expect(identityHeaders({ teamId: ' ', userId: '' })).toEqual({});
		expect(identityHeaders({ teamId: ' team-1 ', userId: 'user-2' })).toEqual({ teamid: 'team-1', uuid: 'user-2' });
	});

	it('URL-encodes every path segment after the collection', () => {
		expect(encodeRunPath('5eb7cf5a86d9755df3a6c593', 'comments', 'comment_a/b?c#d')).toBe(
			'/workflows/v1/workflow-runs/5eb7cf5a86d9755df3a6c593/comments/comment_a%2Fb%3Fc%23d',
		);
	});

	it('tests the key with a cheap authenticated list request', () => {
		expect(new InteractlyApi().test.request).toEqual({
			baseURL: BASE_URL_EXPRESSION,
			url: '/workflows/v1/workflow-runs',
			method: 'GET',
			qs: { page: 1, size: 1 },
		});
	});
});
