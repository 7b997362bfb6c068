/**
 * Shared set-up for the Bangwo8 Trigger tests: the node in n8n's real PollContext (via the engine
 * harness) against the fake Bangwo8 server, with hooks to make the fake misbehave on chosen pages.
 */
import path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Bangwo8BasicAuthApi } from '../../credentials/Bangwo8BasicAuthApi.credentials';
import { Bangwo8OAuth2Api } from '../../credentials/Bangwo8OAuth2Api.credentials';
import { Bangwo8Trigger } from '../../nodes/Bangwo8Trigger/Bangwo8Trigger.node';
import type { TriggerLimits } from '../../nodes/Bangwo8Trigger/changes';
import { FakeBangwo8 } from '../fakes/bangwo8';
import { formatCst, type FakeResponse, type RecordedRequest } from '../fakes/base';
import { CredentialStore, Engine, type CredentialRef } from '../harness/engine';
import { addBangwo8BasicCredential, addBangwo8OAuth2Credential, PACKAGE_NAME } from '../support/package';

export const TRIGGER = `${PACKAGE_NAME}.bangwo8Trigger`;
export const PASSWORD = 'bangwo8-password-secret';
export const CLIENT_SECRET = 'bangwo8-client-secret-value';
export const MINUTE = 60_000;
export const DAY = 24 * 3600_000;

/** A hook run once, right after a list page has been answered. */
export interface PageHook {
	page: string;
	/** Only a request this accepts fires the hook (default: any list request for that page). */
	when?: (req: RecordedRequest) => boolean;
	run: () => void;
}

/** FakeBangwo8 with hooks to misbehave on chosen list pages, or to ignore the date filters. */
export class TestFake extends FakeBangwo8 {
	/** Ignore created_start/updated_start/…_order, as a server with a broken filter would. */
	ignoreFilters = false;
	/** Runs once, right after a matching list page has been answered. */
	afterPage: PageHook | undefined;
	/** List page → how many more times it answers HTTP 500. */
	readonly failingPages = new Map<string, number>();

	protected override dispatch(req: RecordedRequest, isToken: boolean): FakeResponse {
		const page = req.query.page;
		const failures = page === undefined ? 0 : (this.failingPages.get(page) ?? 0);
		if (!isToken && failures > 0) {
			this.failingPages.set(page, failures - 1);
			return { status: 500, body: { errcode: '500', errmsg: 'server busy' } };
		}
		const original = req;
		if (this.ignoreFilters && !isToken) {
			const query = { ...req.query };
			for (const key of ['created_start', 'updated_start', 'created_order', 'updated_order']) delete query[key];
			req = { ...req, query };
		}
		// Serialised now, as a real server would: a later change must not show up in this answer.
		const answer = structuredClone(super.dispatch(req, isToken));
		const hook = this.afterPage;
		if (hook && hook.page === page && (hook.when === undefined || hook.when(original))) {
			this.afterPage = undefined;
			hook.run();
		}
		return answer;
	}
}

export type Events =
	| 'contactCreated'
	| 'contactUpdated'
	| 'companyCreated'
	| 'companyUpdated'
	| 'ticketCreated'
	| 'ticketUpdated';

export interface TriggerOptions {
	authentication?: 'oAuth2' | 'basicAuth';
	includeDeleted?: boolean;
	/** Test limits passed to the node's constructor (the node's defaults otherwise). */
	limits?: Partial<TriggerLimits>;
}

/** A fake Bangwo8, a credential store with both credentials, and an engine running the trigger. */
export class TriggerEnv {
	readonly fake = new TestFake({ password: PASSWORD, clientSecret: CLIENT_SECRET });
	readonly store = new CredentialStore();
	readonly engine: Engine;
	oauth!: CredentialRef;
	basic!: CredentialRef;

	constructor() {
		this.engine = this.makeEngine(new Bangwo8Trigger());
	}

	/** Starts the fake and adds both credentials (they point at its address). */
	async start(): Promise<this> {
		await this.fake.start();
		this.oauth = addBangwo8OAuth2Credential(this.store, this.fake, { clientSecret: CLIENT_SECRET });
		this.basic = addBangwo8BasicCredential(this.store, this.fake, { password: PASSWORD });
		return this;
	}

	async stop(): Promise<void> {
		await this.fake.stop();
	}

	makeEngine(node: Bangwo8Trigger): Engine {
		return new Engine({
			nodeTypes: { [TRIGGER]: node },
			credentialTypes: [new Bangwo8OAuth2Api(), new Bangwo8BasicAuthApi()],
			credentials: this.store,
		});
	}

	/** One trigger (one event, one static-data object) polled again and again. */
	trigger(event: Events, options: TriggerOptions = {}) {
		const authentication = options.authentication ?? 'oAuth2';
		const engine = options.limits ? this.makeEngine(new Bangwo8Trigger(options.limits)) : this.engine;
		const staticData: IDataObject = {};
		const parameters = {
			authentication,
			event,
			options: options.includeDeleted === undefined ? {} : { includeDeleted: options.includeDeleted },
		};
		const credentials: Record<string, CredentialRef> =
			authentication === 'basicAuth' ? { bangwo8BasicAuthApi: this.basic } : { bangwo8OAuth2Api: this.oauth };
		return {
			staticData,
			/** The items of one poll ([] when the poll returned null), or the error it threw. */
			async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[]> {
				const { items } = await engine.poll({ type: TRIGGER, parameters, credentials, staticData, mode });
				if (items !== null) {
					expect(items).toHaveLength(1);
					expect(items[0].length).toBeGreaterThan(0); // never an empty output instead of null
				}
				return items === null ? [] : items[0];
			},
			position: () => JSON.parse(JSON.stringify(staticData['node:Trigger'])) as IDataObject,
		};
	}

	listCalls(path = '/api/v1/users.json'): RecordedRequest[] {
		return this.fake.requestsTo('GET', path);
	}
}

export const ids = (items: INodeExecutionData[], field = 'cId') => items.map((item) => String(item.json[field]));

/** Sets a record's update time the way an edit in Bangwo8 would. */
export const touch = (record: { updateDT: string }, ms: number) => {
	record.updateDT = formatCst(ms);
};

/**
 * What the triggers write to n8n's log with `ctx.logger.warn`, from now until the test ends. The
 * node contexts take their logger from the DI container of n8n-core's own copy of @n8n/di (the
 * engine harness puts a silent one there when the first Engine is built); this watches that one.
 * `jest.restoreAllMocks()` stops it.
 */
export function logWarnings(): string[] {
	new Engine({ nodeTypes: {}, credentialTypes: [], credentials: new CredentialStore() }); // the harness's logger in place
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const load = (id: string) => require(require.resolve(id, { paths: [coreDir] })) as Record<string, unknown>;
	const { Container } = load('@n8n/di') as { Container: { get(token: unknown): { warn(message: string): void } } };
	const logger = Container.get(load('@n8n/backend-common').Logger);
	const warnings: string[] = [];
	jest.spyOn(logger, 'warn').mockImplementation((message: string) => void warnings.push(message));
	return warnings;
}
