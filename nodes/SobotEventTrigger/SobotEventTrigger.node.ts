import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { properties } from './description';
import { PushMemories, RECORD_TTL_MS } from './memory';
import { recordDigest } from '../shared/values';
import { itemJson, kindOf, readRecords, type SobotPushEvent } from './records';
import { checkSignature, DEFAULT_MAX_AGE_SECONDS, isRejection, SIGNATURE_CREDENTIAL, testSignatureCredential } from './signature';
import { checkProtection, testProtectionCredential, type Rejection } from '../SobotTrigger/protection';
import { CHINA_TIME_ZONE, zoneOffsetMs } from '../shared/time';

/**
 * ASSUMPTION: Sobot wants the answer its CRM push gets (neither the forwarding page nor the ticket
 * push shows one; "on error the receiver returns an error code").
 */
const ACKNOWLEDGEMENT = { ret_code: '000000', ret_msg: 'success' };

type EventProtection = 'signature' | 'none' | 'querySecret' | 'headerAuth' | 'basicAuth';

function answer(ctx: IWebhookFunctions, status: number, body: IDataObject, headers: Record<string, string> = {}) {
	const res = ctx.getResponseObject();
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	res.status(status).json(body);
}

/** The Account Time Zone option in Intl's spelling; China time when empty; undefined when unknown. */
export function optionTimeZone(given: unknown): string | undefined {
	const zone = typeof given === 'string' ? given.trim() : '';
	if (zone === '') return CHINA_TIME_ZONE;
	try {
		zoneOffsetMs(Date.now(), zone);
		return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

function maxAgeOf(ctx: IWebhookFunctions | IHookFunctions): number {
	const value = Number(ctx.getNodeParameter('options.maxAgeSeconds', DEFAULT_MAX_AGE_SECONDS));
	return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_AGE_SECONDS;
}

export class SobotEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sobot Event Trigger',
		name: 'sobotEventTrigger',
		icon: { light: 'file:sobot.svg', dark: 'file:sobot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Sobot (智齿) pushes ticket events or forwards chat messages, signature checked',
		defaults: { name: 'Sobot Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sobotPushSignatureApi',
				required: true,
				testedBy: 'sobotPushSignature',
				displayOptions: { show: { authentication: ['signature'] } },
			},
			{
				name: 'sobotTriggerBasicAuthApi',
				required: true,
				testedBy: 'sobotTriggerProtection',
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
			{
				name: 'sobotTriggerHeaderAuthApi',
				required: true,
				testedBy: 'sobotTriggerProtection',
				displayOptions: { show: { authentication: ['headerAuth'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	methods = {
		credentialTest: {
			async sobotPushSignature(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				return testSignatureCredential(credential);
			},
			async sobotTriggerProtection(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				return testProtectionCredential(credential);
			},
		},
	};

	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

	/**
	 * n8n builds the node once per process, without arguments: `memories` (signatures and records
	 * seen, per workflow and node; see memory.ts) live as long as the process. Tests pass their own.
	 */
	constructor(memories = new PushMemories()) {
		this.webhook = async function (this: IWebhookFunctions) {
			return await receivePush(this, memories);
		};
	}

	/**
	 * Sobot's push URLs are set by Sobot (the account manager), not by API: nothing to register,
	 * read or remove. Activation checks the node's own set-up.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const events = this.getNodeParameter('events', []) as SobotPushEvent[];
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Select at least one event in "Events"', {
						description: 'With no event selected, every push from Sobot would be acknowledged and dropped.',
					});
				}
				const protection = this.getNodeParameter('authentication', 'signature') as EventProtection;
				if (protection === 'querySecret' && (this.getNodeParameter('secret', '') as string) === '') {
					throw new NodeOperationError(this.getNode(), 'Enter a secret in "Secret"', {
						description: 'Protection is set to Query Secret, so the secret must not be empty.',
					});
				}
				const zone = this.getNodeParameter('options.accountTimeZone', '') as string;
				if (optionTimeZone(zone) === undefined) {
					throw new NodeOperationError(this.getNode(), `"Account Time Zone" is not a known time zone: "${zone}"`, {
						description: 'Give an IANA time zone name such as Asia/Shanghai or America/Los_Angeles, or leave it empty for China time.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}

/** One request from Sobot: check it, answer it at once, emit one item per new record of a selected event. */
async function receivePush(ctx: IWebhookFunctions, memories: PushMemories): Promise<IWebhookResponseData> {
	const reject = (rejection: Rejection): IWebhookResponseData => {
		answer(ctx, rejection.status, { code: rejection.status, message: rejection.message }, rejection.headers);
		return { noWebhookResponse: true };
	};
	const protection = ctx.getNodeParameter('authentication', 'signature') as EventProtection;
	const maxAge = maxAgeOf(ctx);
	let signed: ReturnType<typeof checkSignature> | undefined;
	if (protection === 'signature') {
		let credential: ICredentialDataDecryptedObject | undefined;
		try {
			credential = await ctx.getCredentials<ICredentialDataDecryptedObject>(SIGNATURE_CREDENTIAL);
		} catch {
			credential = undefined; // reported as "not set up" (500) by checkSignature
		}
		signed = checkSignature(ctx.getHeaderData() as IDataObject, credential, Date.now(), maxAge);
		if (isRejection(signed)) return reject(signed);
	} else {
		const rejection = await checkProtection(ctx);
		if (rejection) return reject(rejection);
	}

	const read = readRecords(ctx.getBodyData(), (ctx.getRequestObject() as { rawBody?: unknown }).rawBody);
	if ('error' in read) {
		answer(ctx, 400, { code: 400, message: read.error });
		return { noWebhookResponse: true };
	}
	const vendorTimeZone = optionTimeZone(ctx.getNodeParameter('options.accountTimeZone', ''));
	if (vendorTimeZone === undefined) {
		return reject({ status: 500, message: 'The Sobot Event Trigger\'s "Account Time Zone" is not a known time zone' });
	}

	// The editor's test URL always shows what arrives: nothing is remembered for it.
	const remember = ctx.getMode() !== 'manual';
	const memory = memories.of(String(ctx.getWorkflow().id ?? ''), ctx.getNode().name);
	const now = Date.now();
	if (remember && signed && !isRejection(signed)) {
		const key = `${signed.timestamp}:${signed.randomCode}:${signed.sign}`;
		const body = recordDigest(read.records.map(({ record, envelope }) => [record, envelope ?? null]));
		const seen = memory.signatures.get(key, now);
		if (seen === body) {
			// The same push again (Sobot resending): acknowledged, not run twice.
			ctx.logger.debug('Sobot Event Trigger: a push already received came again; acknowledged without a new execution');
			answer(ctx, 200, ACKNOWLEDGEMENT);
			return { noWebhookResponse: true };
		}
		if (seen !== undefined) return reject({ status: 403, message: 'This X-Log-Sign was already used for another push (a replay)' });
		memory.signatures.set(key, body, signed.timestamp + maxAge * 1000, now);
	}

	const events = ctx.getNodeParameter('events', []) as SobotPushEvent[];
	const simplify = ctx.getNodeParameter('simplify', true) as boolean;
	const options = { timezone: ctx.getTimezone(), vendorTimeZone };
	const items: INodeExecutionData[] = [];
	let repeated = 0;
	for (const { record, context, envelope } of read.records) {
		const { event, kind } = kindOf(record, context);
		if (!events.includes(event)) continue;
		if (remember) {
			const key = `${event}:${recordDigest(record)}`;
			if (memory.records.get(key, now)) {
				repeated++;
				continue;
			}
			memory.records.set(key, true, now + RECORD_TTL_MS, now);
		}
		const shown = simplify && kind ? kind.simplify(record, options) : record;
		items.push({ json: itemJson(event, shown, envelope), pairedItem: { item: items.length } });
	}
	if (repeated > 0) ctx.logger.debug(`Sobot Event Trigger: ${repeated} record(s) already emitted were not emitted again`);

	answer(ctx, 200, ACKNOWLEDGEMENT);
	if (items.length === 0) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [items] };
}
