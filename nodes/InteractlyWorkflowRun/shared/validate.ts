import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { workflowRunIdInput } from './descriptions';
import { workflowRunIdSchema } from './schemas';

/** How a parameter is named in the editor, and how to fix a bad value. Keyed by the schema's field name. */
export type FieldGuide = Record<string, { label: string; hint: string }>;

function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing (undefined)';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
		return `"${shown.replace(/\n/g, '\\n')}"`;
	}
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return `${typeof value} ${String(value)}`;
}

/** Checks one item's input before anything is sent; a bad item fails with its index, field and a fix. */
export function validateItem<Schema extends z.ZodTypeAny>(
	node: INode,
	itemIndex: number,
	schema: Schema,
	input: Record<string, unknown>,
	guide: FieldGuide,
): z.infer<Schema> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const field = String(issue.path[0] ?? '');
	const { label, hint } = guide[field] ?? { label: field, hint: '' };
	throw new NodeOperationError(
		node,
		`Invalid ${label} in item ${itemIndex}: ${issue.message} (got ${describeValue(input[field])})`,
		{ itemIndex, description: hint },
	);
}

const workflowRunIdGuide: FieldGuide = {
	workflowRunId: {
		label: 'Workflow Run ID',
		hint: 'Use the run ID from the Interactly dashboard or API: 24 lowercase hexadecimal characters, e.g. 5eb7cf5a86d9755df3a6c593. Or pick the run from the list.',
	},
};

/** The item's validated run ID, whichever locator mode gave it. */
export function readWorkflowRunId(context: IExecuteFunctions, itemIndex: number): string {
	const input = { workflowRunId: workflowRunIdInput(context.getNodeParameter('workflowRunId', itemIndex)) };
	return validateItem(context.getNode(), itemIndex, z.object({ workflowRunId: workflowRunIdSchema }), input, workflowRunIdGuide)
		.workflowRunId;
}
