import type { IDataObject } from 'n8n-workflow';

import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES, TICKET_TYPES } from './actions/ticket/fields';
import {
	applyRules,
	entriesToObject,
	flagRule,
	isPlainObject,
	mapEntries,
	nameRule,
	namesOf,
	safely,
	timeRule,
	type CodeNames,
	type FieldRule,
	type Simplifier,
} from '../shared/simplify';

/**
 * Simplify for the Bangwo8 node's read operations (rules: nodes/shared/simplify.ts). Field
 * meanings are those of seeds 000/001 and VENDOR-NOTES. Bangwo8 sends every value as text;
 * only times, documented codes and custom fields are changed, ids and counts stay text.
 */

// -------------------------------------------------------------------------------- code names

/**
 * Ticket codes: the node's own named numbers (actions/ticket/fields.ts, from the vendor's ticket
 * page), so a simplified status or priority can be given back to Ticket → Update, which takes
 * the name as well as the number.
 */
export const TICKET_STATUS_NAMES = namesOf(TICKET_STATUSES);
export const TICKET_PRIORITY_NAMES = namesOf(TICKET_PRIORITIES);
export const TICKET_TYPE_NAMES = namesOf(TICKET_TYPES);
export const TICKET_SOURCE_NAMES = namesOf(TICKET_SOURCES);

/** Contact `state` (VENDOR-NOTES: 1 active, 2 left, 3 deleted). */
export const CONTACT_STATES: CodeNames = { '1': 'Active', '2': 'Left', '3': 'Deleted' };

/**
 * Customer group `type` (seed 000: 1 公司分组, 2 联系人分组). The same names as the Type options
 * of actions/customerGroup/index.ts (TYPE_OPTIONS, not exported: importing that index from here
 * would make a cycle once operations.ts wires Simplify in).
 */
export const CUSTOMER_GROUP_TYPES: CodeNames = { '1': 'Company Group', '2': 'Contact Group' };

// -------------------------------------------------------------------------------- rules

/**
 * createDT / updateDT are `YYYY-MM-DD HH:mm:ss` texts (seed 000 samples). ASSUMPTION: in China
 * time, as the date filters are (time.ts). A company's servicestarttime / serviceendtime are
 * days (`0000-00-00` = not set → null; a day stays `YYYY-MM-DD`, a date-time is converted).
 */
const DATED: Record<string, FieldRule> = { createDT: timeRule, updateDT: timeRule };
const SERVICE_PERIOD: Record<string, FieldRule> = { servicestarttime: timeRule, serviceendtime: timeRule };

/** `custom_fields: [{key, value}]` → `{ key: value }`, in place; a list that is not all `{key, …}` stays a list. */
function withCustomFields(record: IDataObject): IDataObject {
	const fields = entriesToObject(
		record.custom_fields,
		(entry) => entry.key,
		(entry) => entry.value,
	);
	return fields === undefined ? record : { ...record, custom_fields: fields };
}

/** Contact (seed 000 users): times, state named, custom fields as an object. */
export const simplifyContact: Simplifier = safely((record, options) =>
	withCustomFields(applyRules(record, { ...DATED, state: nameRule(CONTACT_STATES) }, options)),
);

/** Company (seed 000 companies): times, service period, custom fields as an object. */
export const simplifyCompany: Simplifier = safely((record, options) =>
	withCustomFields(applyRules(record, { ...DATED, ...SERVICE_PERIOD }, options)),
);

/** Customer group (seed 000): type named. */
export const simplifyCustomerGroup: Simplifier = safely((record, options) =>
	applyRules(record, { type: nameRule(CUSTOMER_GROUP_TYPES) }, options),
);

/** A member of a customer group (seed 000 customers: companies or contacts): both kinds' rules. */
export const simplifyGroupMember: Simplifier = safely((record, options) =>
	withCustomFields(applyRules(record, { ...DATED, ...SERVICE_PERIOD, state: nameRule(CONTACT_STATES) }, options)),
);

/** Contact field (seed 000 user_fields): `system` (是否为系统字段 1 是, 0 否) as a boolean. */
export const simplifyContactField: Simplifier = safely((record, options) =>
	applyRules(record, { system: flagRule }, options),
);

/**
 * Ticket (VENDOR-NOTES "Bangwo8 tickets, complete"): times, status / priority / type / source
 * named, custom fields as an object, and the times of the replies in `ticketReply` (a list or
 * one object).
 */
export const simplifyTicket: Simplifier = safely((record, options) => {
	const result = applyRules(
		record,
		{
			...DATED,
			ticketStatus: nameRule(TICKET_STATUS_NAMES),
			priorityLevel: nameRule(TICKET_PRIORITY_NAMES),
			ticketType: nameRule(TICKET_TYPE_NAMES),
			ticketSource: nameRule(TICKET_SOURCE_NAMES),
		},
		options,
	);
	if (Array.isArray(result.ticketReply)) {
		result.ticketReply = mapEntries(result.ticketReply, (reply) => applyRules(reply, DATED, options)) as IDataObject[];
	} else if (isPlainObject(result.ticketReply)) {
		result.ticketReply = applyRules(result.ticketReply, DATED, options);
	}
	return withCustomFields(result);
});
