import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RUNS, USER_IDS } from '../../emulator';
import {
	addCommentFromItems,
	commentPosts,
	credentialsFor,
	INTERACTLY,
	interactlyWorkflow,
	runIdById,
	useEngineAndEmulator,
} from '../support/engineTest';

const TIMEZONE = 'Europe/Berlin';
const VALID_ITEM = { runId: RUNS.completedA, note: 'A valid note' };
const SHAPE = 'The ID must be 24 hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593';
const BLANK = 'Content is blank: the comment needs some text';
const TOO_LONG = 'Content is longer than 5000 characters';
const ISO_EXAMPLE = 'e.g. 2023-11-07T05:31:56Z';

/** Every additional field read from the item, so each case only has to put a bad value on it. */
const FIELDS_FROM_ITEM: INodeParameters = {
	additionalFields: {
		logicalId: '={{ $json.logicalId }}',
		createdBy: '={{ $json.createdBy }}',
		updatedBy: '={{ $json.updatedBy }}',
		createdAt: '={{ $json.createdAt }}',
		updatedAt: '={{ $json.updatedAt }}',
	},
};

interface BadInputCase {
	name: string;
	/** Merged over a valid item. */
	item: IDataObject;
	/** Node parameters replacing the defaults (run ID and content from the item, every field from the item). */
	parameters?: INodeParameters;
	field: string;
	what: string;
	got: string;
}

const bad = (name: string, field: string, item: IDataObject, what: string, got: string): BadInputCase => ({
	name,
	item,
	field,
	what,
	got,
});

const longText = 'x'.repeat(5001);

const CASES: BadInputCase[] = [
	// Workflow run IDs
	bad('run ID too short', 'Workflow Run ID', { runId: 'abc123' }, SHAPE, '"abc123"'),
	bad('run ID one character too long', 'Workflow Run ID', { runId: `${RUNS.completedA}0` }, SHAPE, `"${RUNS.completedA}0"`),
	bad('run ID in upper case', 'Workflow Run ID', { runId: RUNS.completedA.toUpperCase() }, 'The ID must be in lowercase', `"${RUNS.completedA.toUpperCase()}"`),
	bad('run ID with a slash', 'Workflow Run ID', { runId: '6660b7e1a2c3/4e5f6a7b801' }, SHAPE, '"6660b7e1a2c3/4e5f6a7b801"'),
	bad('run ID with a question mark', 'Workflow Run ID', { runId: `${RUNS.completedA}?x=1` }, SHAPE, `"${RUNS.completedA}?x=1"`),
	bad('run ID with a hash', 'Workflow Run ID', { runId: `${RUNS.completedA}#top` }, SHAPE, `"${RUNS.completedA}#top"`),
	bad('run ID with ..', 'Workflow Run ID', { runId: `../${RUNS.completedA}` }, SHAPE, `"../${RUNS.completedA}"`),
	bad('run ID that is only ..', 'Workflow Run ID', { runId: '..' }, SHAPE, '".."'),
	bad('run ID with a space inside', 'Workflow Run ID', { runId: '6660b7e1a2c3 d4e5f6a7b801' }, SHAPE, '"6660b7e1a2c3 d4e5f6a7b801"'),
	bad('run ID empty', 'Workflow Run ID', { runId: '' }, 'The ID is empty', '""'),
	bad('run ID of spaces only', 'Workflow Run ID', { runId: '   ' }, 'The ID is empty', '"   "'),
	bad('run ID as a number', 'Workflow Run ID', { runId: 666012345678 }, 'The ID must be text', 'number 666012345678'),
	bad('run ID as an object', 'Workflow Run ID', { runId: { id: RUNS.completedA } }, 'The ID must be text', 'an object'),
	bad('run ID as null', 'Workflow Run ID', { runId: null }, 'The ID must be text', 'null'),
	bad('run ID missing from the item', 'Workflow Run ID', { runId: undefined }, 'The ID must be text', 'nothing (undefined)'),
	// Content
	bad('content empty', 'Content', { note: '' }, BLANK, '""'),
	bad('content of white space only', 'Content', { note: ' \n\t ' }, BLANK, '" \\n\t "'),
	bad('content of 5,001 characters', 'Content', { note: longText }, TOO_LONG, `"${'x'.repeat(60)}…"`),
	bad('content of 5,001 emoji (code points, not UTF-16 units)', 'Content', { note: '😀'.repeat(5001) }, TOO_LONG, `"${'😀'.repeat(30)}…"`),
	bad('content as a number', 'Content', { note: 42 }, 'Content must be text', 'number 42'),
	bad('content as a boolean', 'Content', { note: true }, 'Content must be text', 'boolean true'),
	bad('content as a list', 'Content', { note: ['a', 'b'] }, 'Content must be text', 'a list'),
	bad('content as null', 'Content', { note: null }, 'Content must be text', 'null'),
	bad('content missing from the item', 'Content', { note: undefined }, 'Content must be text', 'nothing (undefined)'),
	// Dates, read in the workflow time zone (Europe/Berlin)
	bad(
		'created at in the spring DST gap',
		'Created At',
		{ createdAt: '2024-03-31T02:30:00' },
		`Created At "2024-03-31T02:30:00" does not exist in time zone ${TIMEZONE} (a daylight-saving gap)`,
		'"2024-03-31T02:30:00"',
	),
	bad('created at garbage', 'Created At', { createdAt: 'yesterday' }, `Created At "yesterday" is not an ISO 8601 date-time, ${ISO_EXAMPLE}`, '"yesterday"'),
	bad(
		'updated at with month 13',
		'Updated At',
		{ updatedAt: '2024-13-01T00:00:00Z' },
		`Updated At "2024-13-01T00:00:00Z" is not an ISO 8601 date-time, ${ISO_EXAMPLE}`,
		'"2024-13-01T00:00:00Z"',
	),
	bad(
		'updated at on 30 February',
		'Updated At',
		{ updatedAt: '2024-02-30T10:00:00' },
		`Updated At "2024-02-30T10:00:00" is not an ISO 8601 date-time, ${ISO_EXAMPLE}`,
		'"2024-02-30T10:00:00"',
	),
	bad('created at as a millisecond timestamp', 'Created At', { createdAt: 1700000000000 }, `Created At must be an ISO 8601 date-time text, ${ISO_EXAMPLE}`, 'number 1700000000000'),
	bad(
		'updated at as a timestamp in text',
		'Updated At',
		{ updatedAt: '1700000000' },
		`Updated At "1700000000" is not an ISO 8601 date-time, ${ISO_EXAMPLE}`,
		'"1700000000"',
	),
	bad('created at as null', 'Created At', { createdAt: null }, `Created At must be an ISO 8601 date-time text, ${ISO_EXAMPLE}`, 'null'),
	// User IDs and the logical ID
	bad('created by one character short', 'Created By', { createdBy: USER_IDS.alice.slice(1) }, 'Created By must be a 24-character user ID, e.g. 5eb7cf5a86d9755df3a6c593', `"${USER_IDS.alice.slice(1)}"`),
	bad('updated by one character long', 'Updated By', { updatedBy: `${USER_IDS.bob}f` }, 'Updated By must be a 24-character user ID, e.g. 5eb7cf5a86d9755df3a6c593', `"${USER_IDS.bob}f"`),
	bad('created by as a number', 'Created By', { createdBy: 123456789012 }, 'Created By must be text', 'number 123456789012'),
	bad('updated by as null', 'Updated By', { updatedBy: null }, 'Updated By must be text', 'null'),
	bad('logical ID of spaces only', 'Logical ID', { logicalId: '   ' }, 'Logical ID is empty', '"   "'),
	bad('logical ID as an object', 'Logical ID', { logicalId: { id: 1 } }, 'Logical ID must be text', 'an object'),
];

describe('bad input: an item-indexed error naming the field, and no request sent', () => {
	const ctx = useEngineAndEmulator();

	async function run(items: IDataObject[], parameters: INodeParameters = {}) {
		const { engine, emulator } = ctx;
		const workflow = interactlyWorkflow(engine, addCommentFromItems({ ...FIELDS_FROM_ITEM, ...parameters }), items, {
			onError: 'continueRegularOutput',
		});
		workflow.settings = { timezone: TIMEZONE };
		return await engine.run(workflow, credentialsFor(emulator));
	}

	it(`has at least 30 cases (${CASES.length})`, () => {
		expect(CASES.length).toBeGreaterThanOrEqual(30);
	});

	it.each(CASES.map((badCase) => [badCase.name, badCase] as const))('%s', async (_name, badCase) => {
		// Two items with the same bad value: each error names its own item.
		const item = { ...VALID_ITEM, ...badCase.item };
		const result = await run([item, item], badCase.parameters);

		const message = (index: number) => `Invalid ${badCase.field} in item ${index}: ${badCase.what} (got ${badCase.got})`;
		expect(result.error).toBeUndefined();
		expect(result.outputOf(INTERACTLY).map((items) => items.map(({ json, pairedItem }) => ({ json, pairedItem })))).toEqual([
			[
				{ json: { error: message(0) }, pairedItem: { item: 0 } },
				{ json: { error: message(1) }, pairedItem: { item: 1 } },
			],
		]);
		expect(ctx.emulator.requests).toEqual([]);
	});

	it('stops on the first bad item, by index, before any request under stop-on-error', async () => {
		const { engine, emulator } = ctx;
		const items = [{ ...VALID_ITEM, runId: 'nope' }, VALID_ITEM];
		const result = await engine.run(interactlyWorkflow(engine, addCommentFromItems({ options: { concurrency: 1 } }), items), credentialsFor(emulator));
		expect(result.error).toMatchObject({
			message: `Invalid Workflow Run ID in item 0: ${SHAPE} (got "nope")`,
			context: { itemIndex: 0 },
		});
		expect(emulator.requests).toEqual([]);
	});

	it.each([
		['a naive date-time, read in the workflow time zone (summer)', { createdAt: '2024-07-01T10:30:00' }, { createdAt: '2024-07-01T08:30:00Z' }],
		['a naive date-time, read in the workflow time zone (winter)', { createdAt: '2024-01-15T10:30:00' }, { createdAt: '2024-01-15T09:30:00Z' }],
		['a date alone: midnight in the workflow time zone', { updatedAt: '2024-07-01' }, { updatedAt: '2024-06-30T22:00:00Z' }],
		['the repeated hour when clocks go back, read in standard time as luxon does', { createdAt: '2024-10-27T02:30:00' }, { createdAt: '2024-10-27T01:30:00Z' }],
		['a date-time with an offset', { updatedAt: '2024-07-02T08:00:00-04:00' }, { updatedAt: '2024-07-02T12:00:00Z' }],
		['a run ID with surrounding spaces', { runId: `  ${RUNS.completedA} ` }, {}],
		['5,000 emoji: 5,000 characters as the server counts them', { note: '😀'.repeat(5000) }, { content: '😀'.repeat(5000) }],
		['user IDs with surrounding spaces', { createdBy: ` ${USER_IDS.alice} `, updatedBy: USER_IDS.bob }, { createdBy: USER_IDS.alice, updatedBy: USER_IDS.bob }],
	])('accepts %s', async (_name, overrides: IDataObject, sent: IDataObject) => {
		const result = await run([{ ...VALID_ITEM, ...overrides }]);

		expect(result.error).toBeUndefined();
		expect(result.outputOf(INTERACTLY)[0][0].json).not.toHaveProperty('error');
		expect(commentPosts(ctx.emulator)).toEqual([
			[RUNS.completedA, { logical_id: expect.stringMatching(/^comment_/), content: VALID_ITEM.note, ...sent }],
		]);
	});

	it('sends accents, CJK, emoji, quotes, backslashes and newlines byte for byte', async () => {
		const notes = [
			'Café déjà vu – naïve Zoë, Øresund, Ærø',
			'顧客は二回転送されました。確認してください',
			'👍🏽 Great call 🎉 — 👨‍👩‍👧‍👦 family plan',
			'She said "it\'s fine" and left `quietly`',
			'C:\\Users\\agent\\notes.txt and \\n is not a newline',
			'Line one\nLine two\r\nLine three\ttabbed',
			'  padded on both sides  ',
		];
		const runs = notes.map(() => ctx.emulator.addRun()._id);
		const result = await run(notes.map((note, index) => ({ runId: runs[index], note })));

		expect(result.error).toBeUndefined();
		const received = ctx.emulator.requests.map((request) => (JSON.parse(request.rawBody) as { content: string }).content);
		expect(received).toEqual(notes);
		// Interactly trims what it stores; nothing else changes.
		expect(runs.map((runId) => ctx.emulator.getRun(runId)!.workflow_run.comments[0].content)).toEqual(notes.map((note) => note.trim()));
	});

	it.each([
		['By URL, a URL without a run ID', { __rl: true, mode: 'url', value: 'https://app.interactly.ai/workflow-runs/latest' }],
		['By ID, 22 characters', runIdById('6660b7e1a2c3d4e5f6a7b8')],
	])('leaves a fixed bad run ID (%s) to n8n, which refuses to run the workflow', async (_name, workflowRunId) => {
		await expect(run([VALID_ITEM], { workflowRunId })).rejects.toThrow('The workflow has issues and cannot be executed');
		expect(ctx.emulator.requests).toEqual([]);
	});
});
