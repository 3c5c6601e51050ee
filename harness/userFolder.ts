/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling, not part of the published package */
import { randomBytes } from 'crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core keeps its instance settings (an encryption key) in <N8N_USER_FOLDER>/.n8n: use a
// throw-away folder, not the user's home, with a key already in place. Imported before n8n-core.
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = mkdtempSync(join(tmpdir(), 'interactly-n8n-'));
	mkdirSync(join(userFolder, '.n8n'));
	writeFileSync(join(userFolder, '.n8n', 'config'), JSON.stringify({ encryptionKey: randomBytes(24).toString('hex') }), {
		mode: 0o600,
	});
	process.env.N8N_USER_FOLDER = userFolder;
}
