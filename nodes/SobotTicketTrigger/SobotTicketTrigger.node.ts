import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { runPoll } from '../shared/polling';
import {
	DEFAULT_TICKET_LIMITS,
	firstPosition,
	latestTicket,
	pollChanges,
	readPosition,
	type TicketEvent,
	type TicketTriggerLimits,
} from './poll';
import { UNSAFE_KEYS } from '../shared/values';
import {
	DEFAULT_SWEEP_LIMITS,
	FAILED_PUSH_EVENT,
	latestFailure,
	readSweepPosition,
	simplifyFailure,
	startSweep,
	sweep,
	type SweepLimits,
} from './failedPushes';

/**
 * One output item: `event` first, then `warning` for a ticket stamped in the future, then the
 * ticket as Sobot sent it (a ticket field named like one the trigger added gets `sobot_` before).
 */
export function ticketItem(event: TicketEvent, ticket: IDataObject, warning?: string): IDataObject {
	const json: IDataObject = { event };
	if (warning !== undefined) json.warning = warning;
	const added = new Set(Object.keys(json));
	for (const key of Object.keys(ticket)) {
		if (UNSAFE_KEYS.has(key)) continue;
		json[added.has(key) ? `sobot_${key}` : key] = ticket[key];
	}
	return json;
}

const EVENTS: TicketEvent[] = ['ticketCreated', 'ticketUpdated'];

export class SobotTicketTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sobot Ticket Trigger',
		name: 'sobotTicketTrigger',
		icon: { light: 'file:sobot.svg', dark: 'file:sobot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when tickets are created or updated in the Sobot (智齿) ticket centre',
		defaults: { name: 'Sobot Ticket Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sobotApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				options: [
					{ name: 'Ticket Created', value: 'ticketCreated', description: 'A ticket was created' },
					{
						name: 'Ticket Push Failed',
						value: 'ticketPushFailed',
						description:
							'Sobot could not deliver a ticket push to your push URL (its failed-push list): each failure once, to go with a Sobot Event Trigger so nothing is missed',
					},
					{
						name: 'Ticket Updated',
						value: 'ticketUpdated',
						description: 'A ticket was created or changed (replied to, status, assignee, …); a new ticket counts as updated',
					},
				],
				default: 'ticketCreated',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return a simplified version of the response instead of the raw data',
				hint: 'Simplified as the Sobot Event Trigger gives a pushed ticket: ISO times in the workflow time zone, status and priority named, custom fields also as custom_fields',
				displayOptions: { show: { event: ['ticketPushFailed'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: ['ticketUpdated'] } },
				options: [
					{
						displayName: 'Look Back (Days)',
						name: 'lookbackDays',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 366 },
						default: 90,
						description:
							'Only used when Sobot lacks the update-time ticket query: changes are then looked for among the tickets created in this many days',
					},
				],
			},
		],
	};

	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** n8n builds the node without arguments (the defaults); tests pass small limits. */
	constructor(limits: Partial<TicketTriggerLimits> = {}, sweepLimits: Partial<SweepLimits> = {}) {
		const bounds: TicketTriggerLimits = { ...DEFAULT_TICKET_LIMITS, ...limits };
		const sweepBounds: SweepLimits = { ...DEFAULT_SWEEP_LIMITS, ...sweepLimits };
		this.poll = async function (this: IPollFunctions) {
			if (this.getNodeParameter('event') === FAILED_PUSH_EVENT) return await pollFailedPushes(this, sweepBounds);
			return await pollTickets(this, bounds);
		};
	}
}

async function pollTickets(ctx: IPollFunctions, limits: TicketTriggerLimits): Promise<INodeExecutionData[][] | null> {
	const event = ctx.getNodeParameter('event') as TicketEvent;
	if (!EVENTS.includes(event)) {
		throw new NodeOperationError(ctx.getNode(), `Parameter "event" has an unknown value: ${String(event)}`);
	}
	const lookbackDays = Number(ctx.getNodeParameter('options.lookbackDays', 90)) || 90;
	return await runPoll(ctx, {
		newest: async () => {
			// Reads which ticket query works from static data (see latestTicket); stores nothing new.
			const latest = await latestTicket(ctx, ctx.getWorkflowStaticData('node'), event, lookbackDays, limits);
			return latest ? ticketItem(event, latest) : undefined;
		},
		position: (data) => readPosition(data, event),
		start: async (data) => await firstPosition(ctx, data, event, lookbackDays, limits),
		changes: async (stored, data) =>
			(await pollChanges(ctx, data, stored, lookbackDays, limits)).map(({ ticket, warning }) => ticketItem(event, ticket, warning)),
	});
}

/** Ticket Push Failed: the sweep of Sobot's failed-push list (failedPushes.ts), each failure once. */
async function pollFailedPushes(ctx: IPollFunctions, limits: SweepLimits): Promise<INodeExecutionData[][] | null> {
	const simplify = ctx.getNodeParameter('simplify', true) === true;
	const item = async (record: IDataObject) => {
		const shown = simplify ? await simplifyFailure(ctx, record) : record;
		return ticketItem(FAILED_PUSH_EVENT as TicketEvent, shown);
	};
	return await runPoll(ctx, {
		newest: async () => {
			const latest = await latestFailure(ctx);
			return latest ? await item(latest) : undefined;
		},
		position: (data) => readSweepPosition(data),
		start: async (data) => await startSweep(ctx, data, limits),
		changes: async (stored, data) => {
			const items: IDataObject[] = [];
			for (const record of await sweep(ctx, data, stored, limits)) items.push(await item(record));
			return items;
		},
	});
}
