import type { IDataObject } from 'n8n-workflow';

/** The optional fields the user filled in: empty texts and empty lists are not sent. */
export function filled(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(
			([, value]) => value !== '' && value !== undefined && !(Array.isArray(value) && value.length === 0),
		),
	);
}
