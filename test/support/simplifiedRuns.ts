import { RUNS, WORKFLOW_IDS } from '../../emulator';

/** The seeded failed run "failedA" in the Simplified output, as the seed stores it. */
export const SIMPLIFIED_FAILED_A = {
	id: RUNS.failedA,
	workflowId: WORKFLOW_IDS.support,
	status: 'failed',
	finished: true,
	commentCount: 1,
	createdAt: '2024-05-15T11:45:00Z',
	updatedAt: '2024-05-15T12:05:00Z',
};
