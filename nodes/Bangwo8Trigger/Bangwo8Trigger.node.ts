import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	EVENT_SOURCES,
	pollInProgress,
	readPosition,
	selectChanges,
	vendorTime,
	writePosition,
	type Bangwo8Event,
	type EventSource,
} from './changes';
import { bangwo8ApiRequestAllItems } from '../Bangwo8/transport';
import { RETURN_ALL } from '../shared/pagination';
import { BANGWO8_AUTHENTICATION, BANGWO8_CREDENTIALS } from '../Bangwo8/transport/authentication';

/** Asks for deleted records too (deStat=1) where the list can say which ones are deleted, or when the user wants them. */
function deletedQuery(source: EventSource, keepDeleted: boolean, forChanges: boolean): IDataObject {
	if (source.deleted === 'none') return {};
	if (keepDeleted || (forChanges && source.deleted === 'state')) return { deStat: '1' };
	return {};
}

export class Bangwo8Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bangwo8 Trigger',
		name: 'bangwo8Trigger',
		icon: { light: 'file:bangwo8.svg', dark: 'file:bangwo8.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when contacts, companies or tickets are created or updated in Bangwo8 (帮我吧)',
		defaults: { name: 'Bangwo8 Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: BANGWO8_CREDENTIALS,
		properties: [
			BANGWO8_AUTHENTICATION,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				options: [
					{
						name: 'Company Created',
						value: 'companyCreated',
						description: 'A company was created',
					},
					{
						name: 'Company Updated',
						value: 'companyUpdated',
						description: 'A company was created or changed (a new company counts as updated)',
					},
					{
						name: 'Contact Created',
						value: 'contactCreated',
						description: 'A contact was created',
					},
					{
						name: 'Contact Updated',
						value: 'contactUpdated',
						description: 'A contact was created or changed (a new contact counts as updated)',
					},
					{
						name: 'Ticket Created',
						value: 'ticketCreated',
						description: 'A ticket was created',
					},
					{
						name: 'Ticket Updated',
						value: 'ticketUpdated',
						description: 'A ticket was created or changed (a new ticket counts as updated)',
					},
				],
				default: 'contactCreated',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: {
					show: { event: ['companyCreated', 'companyUpdated', 'contactCreated', 'contactUpdated'] },
				},
				options: [
					{
						displayName: 'Include Deleted',
						name: 'includeDeleted',
						type: 'boolean',
						default: false,
						description:
							'Whether to also emit deleted records (contacts with state 3). Without it, deleted contacts and companies are skipped.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as Bangwo8Event;
		const source = EVENT_SOURCES[event];
		if (source === undefined) {
			throw new NodeOperationError(this.getNode(), `Parameter "event" has an unknown value: ${String(event)}`);
		}
		const keepDeleted = this.getNodeParameter('options.includeDeleted', false) === true;
		const order = `${source.change}_order`;

		if (this.getMode() === 'manual') {
			// A test run shows the most recent record so fields can be mapped; the position stays.
			const latest = await bangwo8ApiRequestAllItems.call(
				this,
				source.endpoint,
				source.rootKey,
				{ returnAll: false, limit: 1 },
				{ qs: { [order]: 'desc', ...deletedQuery(source, keepDeleted, false) } },
			);
			return latest.length > 0 ? [this.helpers.returnJsonArray(latest.slice(0, 1))] : null;
		}

		const data = this.getWorkflowStaticData('node');
		const startedAt = Date.now();
		if (pollInProgress(data, startedAt)) return null;
		data.pollStartedAt = startedAt;
		try {
			const stored = readPosition(data, event);
			if (stored === undefined) {
				// First activation (or the event was changed): start from now, emit nothing old.
				writePosition(data, { event, position: vendorTime(startedAt), seen: [] });
				return null;
			}
			// Whole days, inclusive, from the position's day. Everything is read before the position
			// moves, so a failing poll leaves it where it was.
			const records = await bangwo8ApiRequestAllItems.call(
				this,
				source.endpoint,
				source.rootKey,
				RETURN_ALL,
				{
					qs: {
						[`${source.change}_start`]: stored.position.slice(0, 10),
						[order]: 'asc',
						...deletedQuery(source, keepDeleted, true),
					},
				},
			);
			const { emit, next } = selectChanges(records, stored, source, keepDeleted);
			writePosition(data, next);
			return emit.length > 0 ? [this.helpers.returnJsonArray(emit)] : null;
		} finally {
			delete data.pollStartedAt;
		}
	}
}
