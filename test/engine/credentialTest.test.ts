import { credentialsFor, useEngineAndEmulator } from '../support/engineTest';

describe('the credential test, run as n8n runs it, against the emulator', () => {
	const ctx = useEngineAndEmulator();

	it('passes with a good key, after one authenticated list request', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.testCredential('interactlyApi', credentialsFor(emulator, { baseUrl: `${emulator.url}/` }).interactlyApi);

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emulator.requests.map(({ method, path, query, headers }) => [method, path, query, headers.authorization])).toEqual([
			['GET', '/workflows/v1/workflow-runs', { page: '1', size: '1' }, `Bearer ${emulator.apiKey}`],
		]);
	});

	it('fails with a clear message for a bad key', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.testCredential('interactlyApi', credentialsFor(emulator, { apiKey: 'wrong-key' }).interactlyApi);

		expect(result).toEqual({ status: 'Error', message: 'Authorization failed - please check your credentials' });
	});

	it('fails with a clear message when nothing listens at the base URL', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.testCredential('interactlyApi', credentialsFor(emulator, { baseUrl: 'http://127.0.0.1:9' }).interactlyApi);

		expect(result).toEqual({ status: 'Error', message: 'The service refused the connection - perhaps it is offline' });
	});
});
