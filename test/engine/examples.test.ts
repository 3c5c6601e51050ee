import { DateTime } from 'luxon';
import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { RUNS } from '../../emulator';
import aiAgentExample from '../../examples/ai-agent-reviews-runs.json';
import nightlyExample from '../../examples/nightly-failed-runs-to-slack.json';
import webhookExample from '../../examples/webhook-comment-and-email-reviewer.json';
import { commentPosts, credentialsFor, INTERACTLY, interactlyWorkflow, useEngineAndEmulator } from '../support/engineTest';

// Each example file is run as saved, except for the nodes this engine does not carry:
// - Slack and Send Email run as the harness's stand-ins (harness/standInNodes.ts), which send nothing
//   but output the message fields they resolved, so the tests see what would be sent;
// - Schedule Trigger and Webhook are pass-through stand-ins; the webhook's request is pinned;
// - the AI example's Chat Trigger, AI Agent and OpenAI model are dropped: each of its tool nodes is run
//   as our plain node behind a Manual Trigger, with the arguments an agent would give as the input
//   item (see aiTool.test.ts for how $fromAI reads them).

interface ExampleWorkflow {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

const EXAMPLES = { nightlyExample, webhookExample, aiAgentExample } as unknown as Record<string, ExampleWorkflow>;
const copy = (example: unknown) => structuredClone(example) as ExampleWorkflow;

describe('The example workflows', () => {
	const ctx = useEngineAndEmulator();

	it.each(Object.entries(EXAMPLES))('%s is a complete n8n workflow using our node and credential', (_name, example) => {
		const names = example.nodes.map((node) => node.name);
		for (const node of example.nodes) {
			expect(Object.keys(node).sort()).toEqual(
				expect.arrayContaining(['id', 'name', 'parameters', 'position', 'type', 'typeVersion']),
			);
			if (node.type.startsWith('n8n-nodes-interactly.')) {
				expect(['n8n-nodes-interactly.interactlyWorkflowRun', 'n8n-nodes-interactly.interactlyWorkflowRunTool']).toContain(node.type);
				expect(node.credentials).toEqual({ interactlyApi: { id: 'interactly-credential', name: 'Interactly account' } });
				expect(['addComment', 'get', 'getAll', 'deleteComment']).toContain(node.parameters.operation);
			}
		}
		for (const [source, outputs] of Object.entries(example.connections)) {
			expect(names).toContain(source);
			for (const connection of Object.values(outputs).flat(2)) expect(names).toContain(connection!.node);
		}
	});

	it('nightly: lists the runs that failed since the start of yesterday, comments on each, and posts one Slack message', async () => {
		const { engine, emulator } = ctx;
		const timezone = 'Europe/Berlin';
		const now = DateTime.now();
		const older = emulator.addRun({ status: 'failed', created_at: now.minus({ days: 3 }).toISO() });
		emulator.addRun({ status: 'completed', created_at: now.minus({ hours: 1 }).toISO() });
		const first = emulator.addRun({ status: 'failed', created_at: now.minus({ hours: 2 }).toISO() });
		const second = emulator.addRun({ status: 'failed', created_at: now.minus({ minutes: 30 }).toISO() });
		const example = copy(nightlyExample);
		const result = await engine.run({ ...example, settings: { timezone }, startNode: 'Every Morning' }, credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		const today = DateTime.now().setZone(timezone).startOf('day');
		expect(emulator.requests[0]).toMatchObject({
			method: 'GET',
			path: '/workflows/v1/workflow-runs',
			query: {
				page: '1',
				size: '100',
				status: 'failed',
				start: today.minus({ days: 1 }).toUTC().toISO({ suppressMilliseconds: true }),
			},
		});
		const content = `Flagged by the nightly failed-run check on ${today.toFormat('yyyy-MM-dd')}: please review this run.`;
		// Both comments go out at once, so the server may see them in either order.
		expect(commentPosts(emulator)).toHaveLength(2);
		expect(commentPosts(emulator)).toEqual(
			expect.arrayContaining([
				[second._id, { logical_id: expect.stringMatching(/^comment_/), content }],
				[first._id, { logical_id: expect.stringMatching(/^comment_/), content }],
			]),
		);
		expect(emulator.requests).toHaveLength(3);
		expect(emulator.getRun(older._id)!.workflow_run.comments).toEqual([]);
		expect(result.outputOf('Comment On Each Run')[0].map((item) => [item.json.id, item.json.comment, item.pairedItem])).toEqual([
			[second._id, expect.objectContaining({ content }), { item: 0 }],
			[first._id, expect.objectContaining({ content }), { item: 1 }],
		]);
		expect(result.outputOf('Tell Slack')).toEqual([
			[
				{
					json: {
						text: `Interactly: 2 run(s) failed since yesterday and were flagged for review: ${second._id}, ${first._id}`,
					},
					pairedItem: { item: 0 },
				},
			],
		]);
	});

	it('webhook: adds the posted comment and emails the reviewer about it', async () => {
		const { engine, emulator } = ctx;
		const body = { workflowRunId: RUNS.failedB, comment: 'Billing lookup timed out again.', reviewerEmail: 'dana@example.com' };
		const example = copy(webhookExample);
		const pinData = {
			'Review Request': [{ json: { headers: { 'content-type': 'application/json' }, params: {}, query: {}, body } as IDataObject }],
		};
		const result = await engine.run({ ...example, pinData, startNode: 'Review Request' }, credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		expect(commentPosts(emulator)).toEqual([
			[RUNS.failedB, { logical_id: expect.stringMatching(/^comment_/), content: 'Billing lookup timed out again.' }],
		]);
		expect(result.outputOf('Email The Reviewer')).toEqual([
			[
				{
					json: {
						toEmail: 'dana@example.com',
						subject: `Your comment is on Interactly run ${RUNS.failedB}`,
						text: `Hi,\n\nYour comment was added to workflow run ${RUNS.failedB} (status: failed, 1 comment(s) now):\n\nBilling lookup timed out again.\n`,
					},
					pairedItem: { item: 0 },
				},
			],
		]);
	});

	describe('AI agent: each tool node, called with the arguments an agent gives', () => {
		const toolParameters = (name: string): INodeParameters => {
			const node = copy(aiAgentExample).nodes.find((candidate) => candidate.name === name)!;
			expect(node.type).toBe('n8n-nodes-interactly.interactlyWorkflowRunTool');
			// Parameters n8n adds to the tool variant only.
			const parameters = { ...node.parameters };
			delete parameters.descriptionType;
			delete parameters.toolDescription;
			return parameters;
		};

		it('Find Workflow Runs lists the failed runs the agent asked for', async () => {
			const { engine, emulator } = ctx;
			const result = await engine.run(
				interactlyWorkflow(engine, toolParameters('Find Workflow Runs'), [{ limit: 2, status: 'failed' }]),
				credentialsFor(emulator),
			);

			expect(emulator.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
				{ method: 'GET', path: '/workflows/v1/workflow-runs', query: { page: '1', size: '2', status: 'failed' } },
			]);
			expect(result.outputOf(INTERACTLY)[0].map((item) => [item.json.id, item.json.status])).toEqual([
				[RUNS.failedB, 'failed'],
				[RUNS.failedA, 'failed'],
			]);
		});

		it('Comment On Run adds the agent\'s note and outputs only the comment', async () => {
			const { engine, emulator } = ctx;
			const args = { workflowRunId: RUNS.failedA, content: 'Provider timeout; add a fallback model.' };
			const result = await engine.run(
				interactlyWorkflow(engine, toolParameters('Comment On Run'), [args]),
				credentialsFor(emulator),
			);

			const [[, posted]] = commentPosts(emulator);
			expect(commentPosts(emulator)).toEqual([[RUNS.failedA, { logical_id: expect.stringMatching(/^comment_/), content: args.content }]]);
			expect(result.outputOf(INTERACTLY)).toEqual([
				[
					{
						json: emulator.getRun(RUNS.failedA)!.workflow_run.comments.find(
							(comment) => comment.logical_id === (posted as { logical_id: string }).logical_id,
						),
						pairedItem: { item: 0 },
					},
				],
			]);
		});
	});
});
