/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- packs and scans the package in child processes; test code, not shipped */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { PACKAGE_DIR } from '../../harness/engine';

// What n8n checks before it verifies a community package, run on the tarball `npm publish` would
// upload (built dist/, package.json), not on the sources. The scanner is an ES module, so it runs in
// a child Node process.
const SCAN = `
import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';
const result = await analyzePackage(process.argv[1]);
process.stdout.write(JSON.stringify({ passed: result.passed, message: result.message, details: result.details }));
`;

describe('the packed package', () => {
	let workDir: string;
	beforeAll(() => {
		workDir = mkdtempSync(join(tmpdir(), 'interactly-pack-'));
	});
	afterAll(() => rmSync(workDir, { recursive: true, force: true }));

	it("passes n8n's community package scanner and ships only dist/ and package files", () => {
		execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], { cwd: PACKAGE_DIR });
		const [tarball] = readdirSync(workDir);
		execFileSync('tar', ['xzf', tarball], { cwd: workDir });
		const packageRoot = join(workDir, 'package');

		const scan = JSON.parse(
			execFileSync('node', ['--input-type=module', '-e', SCAN, packageRoot], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
		);
		expect(scan).toEqual({ passed: true });
		expect(readdirSync(packageRoot).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
	});
});
