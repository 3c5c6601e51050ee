import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

// Written against the zod API that zod 3 and zod 4 share: n8n hosts supply their own copy at run time.

export const MAX_COMMENT_CHARACTERS = 5000;
const OBJECT_ID = /^[0-9a-f]{24}$/;
const HAS_ZONE = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const EXAMPLE_ID = '5eb7cf5a86d9755df3a6c593';
const ISO_EXAMPLE = '2023-11-07T05:31:56Z';

/** Characters as the server counts them (Python `len`: code points, not UTF-16 units). */
export const characterCount = (text: string) => [...text].length;

const text = (what: string) => z.string({ message: `${what} must be text` });

export const workflowRunIdSchema = text('The ID')
	.transform((value) => value.trim())
	.refine((value) => value !== '', { message: 'The ID is empty' })
	.refine((value) => OBJECT_ID.test(value) || OBJECT_ID.test(value.toLowerCase()), {
		message: `The ID must be 24 hexadecimal characters, e.g. ${EXAMPLE_ID}`,
	})
	.refine((value) => OBJECT_ID.test(value), { message: 'The ID must be in lowercase' });

const userIdSchema = (label: string) =>
	text(label)
		.transform((value) => value.trim())
		.refine((value) => value.length === 24, {
			message: `${label} must be a 24-character user ID, e.g. ${EXAMPLE_ID}`,
		});

/** A date-time with an explicit zone; one typed without a zone is read in `timezone`. Sent as UTC ISO 8601. */
const dateTimeSchema = (label: string, timezone: string) =>
	z.string({ message: `${label} must be an ISO 8601 date-time text, e.g. ${ISO_EXAMPLE}` }).transform((value, ctx) => {
		const trimmed = value.trim();
		const hasZone = HAS_ZONE.test(trimmed);
		const parsed = DateTime.fromISO(trimmed, { zone: hasZone ? undefined : timezone, setZone: hasZone });
		if (!parsed.isValid) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${label} "${trimmed}" is not an ISO 8601 date-time, e.g. ${ISO_EXAMPLE}`,
			});
			return z.NEVER;
		}
		const typedWallClock = DateTime.fromISO(trimmed, { zone: 'utc', setZone: !hasZone }).toFormat('yyyy-MM-dd HH:mm');
		if (!hasZone && parsed.toFormat('yyyy-MM-dd HH:mm') !== typedWallClock) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${label} "${trimmed}" does not exist in time zone ${timezone} (a daylight-saving gap)`,
			});
			return z.NEVER;
		}
		return parsed.toUTC().toISO({ suppressMilliseconds: true }) as string;
	});

export const commentContentSchema = text('Content')
	.refine((value) => value.trim() !== '', { message: 'Content is blank: the comment needs some text' })
	.refine((value) => characterCount(value.trim()) <= MAX_COMMENT_CHARACTERS, {
		message: `Content is longer than ${MAX_COMMENT_CHARACTERS} characters`,
	});

const buildAddCommentBodySchema = (timezone: string) =>
	z.object({
		logical_id: text('Logical ID')
			.transform((value) => value.trim())
			.refine((value) => value !== '', { message: 'Logical ID is empty' }),
		content: commentContentSchema,
		createdBy: userIdSchema('Created By').optional(),
		updatedBy: userIdSchema('Updated By').optional(),
		createdAt: dateTimeSchema('Created At', timezone).optional(),
		updatedAt: dateTimeSchema('Updated At', timezone).optional(),
	});

// Built once per time zone rather than once per item: a schema holds no state, and building one costs
// more than using it.
const addCommentBodySchemas = new Map<string, ReturnType<typeof buildAddCommentBodySchema>>();

/** What a valid Add Comment body is. Keys are the API's own (note the mixed casing). */
export function addCommentBodySchema(timezone: string) {
	const schema = addCommentBodySchemas.get(timezone) ?? buildAddCommentBodySchema(timezone);
	addCommentBodySchemas.set(timezone, schema);
	return schema;
}

export type AddCommentBody = z.infer<ReturnType<typeof addCommentBodySchema>>;

/** A comment's logical ID, as Delete Comment puts it in the path. */
export const commentIdSchema = text('Comment ID')
	.transform((value) => value.trim())
	.refine((value) => value !== '', { message: 'Comment ID is empty' });

const optionalText = (label: string) =>
	text(label)
		.transform((value) => value.trim())
		.transform((value) => (value === '' ? undefined : value))
		.optional();

/** What a valid Get Many request is: the list filters under the API's query names, and the limit. */
export const listRunsSchema = (timezone: string) =>
	z.object({
		limit: z
			.number({ message: 'Limit must be a number' })
			.int({ message: 'Limit must be a whole number' })
			.min(1, { message: 'Limit must be at least 1' })
			.optional(),
		workflow_id: optionalText('Workflow ID'),
		// An AI tool or an expression may give "failed, cancelled" instead of a list.
		status: z
			.preprocess(
				(value) => (typeof value === 'string' ? value.split(',') : value),
				z.array(text('Status')).transform((values) => values.map((value) => value.trim()).filter(Boolean)),
			)
			.optional(),
		start: dateTimeSchema('Start Date', timezone).optional(),
		end: dateTimeSchema('End Date', timezone).optional(),
		search: optionalText('Search'),
	});

// How answers are read: only what the node uses is checked; every other field passes through.

export const commentSchema = z
	.object({ logical_id: z.string().nullish(), content: z.string().nullish() })
	.passthrough();

export const runRecordSchema = z
	.object({
		_id: z.string(),
		workflow_run: z
			.object({
				workflow_id: z.string().nullish(),
				status: z.string().nullish(),
				comments: z.array(commentSchema).nullish(),
			})
			.passthrough(),
	})
	.passthrough();

export const runEnvelopeSchema = z.object({ workflow_run: runRecordSchema }).passthrough();

export const bareCommentSchema = commentSchema.refine(
	(comment) => typeof comment.logical_id === 'string' || typeof comment.content === 'string',
);

export type Comment = IDataObject & { logical_id?: string | null; content?: string | null };
export type RunRecord = IDataObject & {
	_id: string;
	workflow_run: IDataObject & { workflow_id?: string | null; status?: string | null; comments?: Comment[] | null };
};
