import { RUNS } from '../../emulator';
import type { EngineWorkflow } from '../../harness/engine';
import { commentPosts, credentialsFor, useEngineAndEmulator } from '../support/engineTest';

import reviewComments from '../workflows/review-comments.json';

const savedWorkflow = reviewComments as unknown as EngineWorkflow;

describe('a workflow saved from n8n as JSON', () => {
	const ctx = useEngineAndEmulator();

	it('loads and runs unchanged: good runs commented, every other item a clear error in place', async () => {
		const { engine, emulator } = ctx;
		const result = await engine.run(savedWorkflow, credentialsFor(emulator));

		expect(result.error).toBeUndefined();
		const [output] = result.outputOf('Add review comment');
		const commentOn = (runId: string) => {
			const { comments } = emulator.getRun(runId)!.workflow_run;
			return comments[comments.length - 1];
		};
		expect(output.map((item) => [item.pairedItem, item.json])).toEqual([
			[{ item: 0 }, expect.objectContaining({ id: RUNS.completedA, status: 'completed', commentCount: 2, comment: commentOn(RUNS.completedA) })],
			[{ item: 1 }, expect.objectContaining({ id: RUNS.failedA, status: 'failed', commentCount: 2, comment: commentOn(RUNS.failedA) })],
			[{ item: 2 }, { error: 'The workflow run is still in progress: comments can be added once it has finished' }],
			[{ item: 3 }, { error: 'Invalid Content in item 3: Content is blank: the comment needs some text (got "   ")' }],
			[{ item: 4 }, { error: 'Interactly could not find this workflow run (or comment)' }],
		]);
		// Items go out five at a time, so arrival order may differ; the blank comment never went out.
		expect(commentPosts(emulator).map(([runId]) => runId).sort()).toEqual(
			[RUNS.completedA, RUNS.failedA, RUNS.running, 'ffffffffffffffffffffffff'].sort(),
		);
	});
});
