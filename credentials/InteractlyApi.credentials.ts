import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export const PRODUCTION_BASE_URL = 'https://api.interactly.ai';
export const QA_BASE_URL = 'https://api-qa.interactly.ai';

// The same rule as `interactlyBaseUrl()` in the node's transport, written as an n8n expression
// because the credential test request is resolved by n8n before any node code exists.
// test/unit/credentials.test.ts checks that both agree.
export const BASE_URL_EXPRESSION =
	'={{ $credentials.environment === "custom" ? String($credentials.baseUrl || "").trim().replace(/\\/+$/, "").replace(/\\/workflows\\/v1$/, "").replace(/\\/+$/, "") : $credentials.environment === "qa" ? "' +
	QA_BASE_URL +
	'" : "' +
	PRODUCTION_BASE_URL +
	'" }}';

export class InteractlyApi implements ICredentialType {
	name = 'interactlyApi';

	displayName = 'Interactly API';

	icon: Icon = { light: 'file:../icons/interactly.svg', dark: 'file:../icons/interactly.dark.svg' };

	documentationUrl = 'https://github.com/interactly-ai/n8n-nodes-interactly#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create one in the Interactly dashboard under API Keys. Spaces or line breaks around a pasted key are ignored.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: PRODUCTION_BASE_URL },
				{ name: 'QA', value: 'qa', description: QA_BASE_URL },
				{
					name: 'Custom',
					value: 'custom',
					description: 'A self-hosted or local Interactly API, e.g. the emulator',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://localhost:8611',
			description:
				'Root URL of the Interactly API, without a path. A trailing slash or /workflows/v1 is removed.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Team ID',
			name: 'teamId',
			type: 'string',
			default: '',
			description: 'Optional. Sent as the teamid header on every request when filled in.',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description: 'Optional. Sent as the uuid header on every request when filled in.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{ "Bearer " + String($credentials.apiKey || "").trim() }}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/workflows/v1/workflow-runs',
			method: 'GET',
			qs: { page: 1, size: 1 },
		},
	};
}
