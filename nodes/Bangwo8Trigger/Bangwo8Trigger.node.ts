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
	DEFAULT_LIMITS,
	EVENT_SOURCES,
	pulledBack,
	readPosition,
	selectChanges,
	timeField,
	writePosition,
	type Bangwo8Event,
	type Change,
	type EventSource,
	type TriggerLimits,
} from './changes';
import {
	DEFAULT_CHAT_LIMITS,
	isChatEvent,
	newestChat,
	pollChats,
	readChatPosition,
	startChats,
	type ChatLimits,
	type ChatSettings,
} from './chats';
import { runPoll } from '../shared/polling';
import { deletedCompanies, readChangesSince, readFirstPosition } from './reader';
import { bangwo8ApiRequestAllItems } from '../Bangwo8/transport';
import { BANGWO8_AUTHENTICATION, BANGWO8_CREDENTIALS } from '../Bangwo8/transport/authentication';
import { UNSAFE_KEYS } from '../shared/values';

/**
 * One output item: `event` first (as in the Sobot Trigger), then, for a record whose timestamp
 * cannot be read or lies in the future, `warning`, then the record as Bangwo8 returned it. A
 * record field named like one the trigger added is kept as `bangwo8_<name>`
 * (`bangwo8_bangwo8_<name>`… if that is taken).
 */
export function itemJson(event: Bangwo8Event, change: Change): IDataObject {
	const json: IDataObject = { event };
	if (change.unreadable) {
		const { field, value } = change.unreadable;
		json.warning = `${field} ${value === undefined ? 'is missing' : `${JSON.stringify(value)} is not a date and time`}: emitted once, because the trigger cannot tell when this record changed`;
	}
	if (change.future) json.warning = change.future;
	const added = new Set(Object.keys(json));
	for (const key of Object.keys(change.record)) {
		if (UNSAFE_KEYS.has(key)) continue;
		let name = key;
		if (added.has(key)) {
			name = `bangwo8_${key}`;
			while (Object.prototype.hasOwnProperty.call(change.record, name) || Object.prototype.hasOwnProperty.call(json, name)) {
				name = `bangwo8_${name}`;
			}
		}
		json[name] = change.record[key];
	}
	return json;
}

/** Asks for deleted records too (deStat=1) in a test run when the user wants them. */
function testRunQuery(source: EventSource, keepDeleted: boolean): IDataObject {
	return keepDeleted && source.deleted !== 'none' ? { deStat: '1' } : {};
}

export class Bangwo8Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bangwo8 Trigger',
		name: 'bangwo8Trigger',
		icon: { light: 'file:bangwo8.svg', dark: 'file:bangwo8.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when contacts, companies or tickets are created or updated, or chats end or are rated, in Bangwo8 (帮我吧)',
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
						name: 'Chat Ended',
						value: 'chatEnded',
						description: 'An online chat ended (each chat once)',
					},
					{
						name: 'Chat Rated',
						value: 'chatRated',
						description: 'A customer rated an online chat, also long after it ended (each chat and rating once)',
					},
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
			{
				displayName: 'Only Dissatisfied',
				name: 'onlyDissatisfied',
				type: 'boolean',
				default: false,
				displayOptions: { show: { event: ['chatRated'] } },
				description: 'Whether to emit only dissatisfied ratings (evaluate 3), e.g. to alert a team lead',
			},
			{
				displayName: 'Look-Back (Days)',
				name: 'lookBackDays',
				type: 'number',
				default: 2,
				typeOptions: { minValue: 1, maxValue: 30 },
				displayOptions: { show: { event: ['chatEnded', 'chatRated'] } },
				description:
					'Chats that started this many days back (China days) are read again on every poll, so a chat that ends or is rated late is still caught. Bangwo8 lists chats only by the day they started.',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				displayOptions: { show: { event: ['chatEnded', 'chatRated'] } },
				description: 'Whether to return a simplified version of the response instead of the raw data',
			},
		],
	};

	/**
	 * n8n calls `poll` with the poll context as `this`, so the limits reach it through a closure.
	 * n8n builds the node without arguments (the defaults); tests pass small limits.
	 */
	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	constructor(limits: Partial<TriggerLimits> = {}, chatLimits: Partial<ChatLimits> = {}) {
		const bounds: TriggerLimits = { ...DEFAULT_LIMITS, ...limits };
		const chatBounds: ChatLimits = { ...DEFAULT_CHAT_LIMITS, ...chatLimits };
		this.poll = async function (this: IPollFunctions) {
			const event = this.getNodeParameter('event') as string;
			if (isChatEvent(event)) return await pollChatEvents(this, event, chatBounds);
			return await pollChanges(this, bounds);
		};
	}
}

/** Chat Ended / Chat Rated (chats.ts): the same poll steps, the look-back window instead of a position. */
async function pollChatEvents(
	ctx: IPollFunctions,
	event: ChatSettings['event'],
	limits: ChatLimits,
): Promise<INodeExecutionData[][] | null> {
	const lookBackDays = Number(ctx.getNodeParameter('lookBackDays', 2));
	if (!Number.isInteger(lookBackDays) || lookBackDays < 1 || lookBackDays > 30) {
		throw new NodeOperationError(ctx.getNode(), `"Look-Back (Days)" must be a whole number from 1 to 30, got ${JSON.stringify(lookBackDays)}`);
	}
	const settings: ChatSettings = {
		event,
		lookBackDays,
		onlyDissatisfied: event === 'chatRated' && ctx.getNodeParameter('onlyDissatisfied', false) === true,
		simplify: ctx.getNodeParameter('simplify', true) === true,
	};
	return await runPoll(ctx, {
		newest: async () => await newestChat(ctx, settings),
		position: (data) => readChatPosition(data, event),
		start: async (data) => await startChats(ctx, settings, limits, data),
		changes: async (stored, data) => await pollChats(ctx, settings, limits, stored, data),
	});
}

async function pollChanges(ctx: IPollFunctions, limits: TriggerLimits): Promise<INodeExecutionData[][] | null> {
	const event = ctx.getNodeParameter('event') as Bangwo8Event;
	const source = EVENT_SOURCES[event];
	if (source === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Parameter "event" has an unknown value: ${String(event)}`);
	}
	const keepDeleted = ctx.getNodeParameter('options.includeDeleted', false) === true;
	return await runPoll(ctx, {
		newest: async () => {
			const latest = await bangwo8ApiRequestAllItems.call(
				ctx,
				source.endpoint,
				source.rootKey,
				{ returnAll: false, limit: 1 },
				{ qs: { [`${source.change}_order`]: 'desc', ...testRunQuery(source, keepDeleted) } },
			);
			return latest.length > 0 ? itemJson(event, { record: latest[0], id: '' }) : undefined;
		},
		position: (data) => readPosition(data, event),
		// Start at the newest record on the server (its clock, not the host's), never past the host's clock.
		start: async (data) => writePosition(data, { event, ...(await readFirstPosition(ctx, source, limits, Date.now())), held: 0 }),
		changes: async (saved, data) => {
			const now = Date.now();
			const stored = pulledBack(saved, now) ?? saved;
			if (stored !== saved) {
				ctx.logger.warn(
					`Bangwo8 Trigger: the stored position ${saved.position} is ahead of the n8n host's clock (a record stamped in the future took it there); the trigger starts again at ${stored.position}, changes made before are not emitted`,
				);
			}
			// Everything is read before the position moves, so a failing poll leaves it where it was.
			const records = await readChangesSince(ctx, source, stored.position, limits);
			const { fresh, next, warnings } = selectChanges(records, stored, source, keepDeleted, limits, now);
			let emit = fresh;
			if (source.deleted === 'deStat' && !keepDeleted) {
				const deleted = await deletedCompanies(ctx, source, stored.position, fresh.map((change) => change.id), limits);
				emit = fresh.filter((change) => !deleted.has(change.id));
			}
			for (const warning of warnings) ctx.logger.warn(`Bangwo8 Trigger: ${warning}`);
			const undated = emit.filter((change) => change.unreadable !== undefined).length;
			if (undated > 0) {
				ctx.logger.warn(
					`Bangwo8 Trigger: ${undated} ${source.noun} record(s) without a readable ${timeField(source)} were emitted with a "warning" field`,
				);
			}
			writePosition(data, next);
			return emit.map((change) => itemJson(event, change));
		},
	});
}
