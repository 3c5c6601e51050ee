import type { IExecuteFunctions } from 'n8n-workflow';

import { readRunAnswer } from './output';
import type { ItemPolicy } from './runItems';
import { encodeRunPath, interactlyRequest } from './transport';

/**
 * For a comment write whose answer was lost (timeout, dropped connection, 5xx): reads the run and
 * returns it when the comment is already `present` or already gone as the write intended, so the
 * write is not repeated; undefined when it did not take effect.
 */
export function commentWriteCheck(
	context: IExecuteFunctions,
	workflowRunId: string,
	commentId: string,
	intended: 'present' | 'gone',
	policy: ItemPolicy,
) {
	return async () => {
		const current = await interactlyRequest.call(context, { method: 'GET', path: encodeRunPath(workflowRunId) }, policy);
		const answer = readRunAnswer(context.getNode(), policy.itemIndex, current);
		if (!('record' in answer)) return undefined;
		const present = answer.record.workflow_run.comments?.some((comment) => comment.logical_id === commentId) ?? false;
		return present === (intended === 'present') ? current : undefined;
	};
}
