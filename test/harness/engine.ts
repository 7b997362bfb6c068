/**
 * Runs nodes inside n8n's REAL execution engine (n8n-core `WorkflowExecute`, `PollContext`,
 * `WebhookContext`, n8n-workflow `Workflow`) — no mocked IExecuteFunctions. Credentials go through
 * {@link TestCredentialsHelper}, a replica of n8n cli's CredentialsHelper backed by a {@link CredentialStore}.
 *
 *   const store = new CredentialStore();
 *   const cred = store.add('sobotApi', { ... });
 *   const engine = new Engine({ nodeTypes: { 'n8n-nodes-x.sobot': new Sobot() }, credentialTypes: [new SobotApi()], credentials: store });
 *   const { items, error } = await engine.runNode({ type: 'n8n-nodes-x.sobot', parameters: {...}, credentials: { sobotApi: cred } });
 */
import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';

import type {
	ExecutionError,
	ICredentialType,
	IConnections,
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeCredentials,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IPollFunctions,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { LoggerProxy, NodeHelpers, Workflow } from 'n8n-workflow';
import {
	ErrorReporter,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	InstanceSettings,
	PollContext,
	TriggersAndPollers,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';

import { CredentialStore, TestCredentialsHelper } from './credentials';

export { CredentialStore, TestCredentialsHelper, oAuth2ApiCredentialType } from './credentials';
export type { CredentialUpdate, PreAuthenticationCall, StoredCredential } from './credentials';

// ---------------------------------------------------------------------------------------------
// DI container setup (once per module registry, i.e. once per jest test file)
// ---------------------------------------------------------------------------------------------

interface DiContainer {
	set(token: unknown, value: unknown): void;
	get<T>(token: abstract new (...args: never[]) => T): T;
}

interface SilentLogger {
	error(): void;
	warn(): void;
	info(): void;
	debug(): void;
	scoped(): SilentLogger;
}

/** n8n-core has its own nested copies of @n8n/di and @n8n/backend-common; load the ones IT uses. */
function requireFromCore<T>(id: string): T {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(id, { paths: [coreDir] })) as T;
}

let diContainer: DiContainer | undefined;

function container(): DiContainer {
	if (diContainer) return diContainer;
	const { Container } = requireFromCore<{ Container: DiContainer }>('@n8n/di');
	const { Logger } = requireFromCore<{ Logger: unknown }>('@n8n/backend-common');

	const silent: SilentLogger = {
		error() {},
		warn() {},
		info() {},
		debug() {},
		scoped: () => silent,
	};
	Container.set(Logger, silent);
	LoggerProxy.init(silent as unknown as Parameters<typeof LoggerProxy.init>[0]);
	Container.set(ErrorReporter, { error() {}, warn() {}, info() {} });

	// InstanceSettings' constructor reads/creates ~/.n8n/config; a stub with the fields node contexts use.
	const instanceSettings = Object.create(InstanceSettings.prototype) as Record<string, unknown>;
	Object.assign(instanceSettings, {
		settings: { encryptionKey: 'test-encryption-key' },
		n8nFolder: path.join(os.tmpdir(), 'n8n-engine-harness'),
		instanceId: 'test-instance',
		derivedInstanceId: 'test-instance',
		hmacSignatureSecret: 'test-hmac-secret',
		instanceType: 'main',
		instanceRole: 'leader',
		hostId: 'main-test',
		isMultiMainEnabled: false,
		isMultiMainLicensed: false,
	});
	Container.set(InstanceSettings, instanceSettings);

	diContainer = Container;
	return Container;
}

// ---------------------------------------------------------------------------------------------
// Node types
// ---------------------------------------------------------------------------------------------

export const ITEMS_NODE_TYPE = 'test.items';

/** Start node: no inputs, parameter `items` = JSON array of objects (string or array), output as items. */
const itemsNodeType: INodeType = {
	description: {
		displayName: 'Test Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Outputs the configured items',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	},
	async execute() {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const arr = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [arr.map((json) => ({ json }))];
	},
};

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const t = this.types[nodeType];
		if (!t) throw new Error(`Unknown node type "${nodeType}" (registered: ${Object.keys(this.types).join(', ')})`);
		return t;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface EngineOptions {
	/** Full type name (e.g. 'n8n-nodes-bangwo8-sobot.sobot') → node type. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: ICredentialType[];
	credentials: CredentialStore;
	/** Type name → the version a node gets when a test gives none (else the latest it declares). */
	defaultVersions?: Record<string, number>;
}

export interface TestWorkflow {
	nodes: INode[];
	connections: IConnections;
	/** Workflow static data; mutated in place by the run (pass the same object again to keep it). */
	staticData?: IDataObject;
}

export interface RunOptions {
	mode?: WorkflowExecuteMode;
	/** Name of the node to start from. Default: the first enabled node without incoming connections. */
	startNode?: string;
}

export interface RunResult {
	/** Items of the LAST run of `nodeName` on main output `outputIndex` ([] if none). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	runData: IRunData;
	/** Workflow-level error (set when a node failed without continueOnFail). */
	error?: ExecutionError;
	staticData: IDataObject;
	status: IRun['status'];
	/** Names of nodes in execution order. */
	executionOrder: string[];
	/** The raw IRun from WorkflowExecute. */
	run: IRun;
}

/** Reference to a stored credential, as put on `node.credentials[type]`. */
export type CredentialRef = { id: string; name: string };

export interface RunNodeOptions {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, CredentialRef>;
	/** Input items (json) produced by the `test.items` start node. Default: one empty item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** n8n's node setting "Retry On Fail": how many tries in all, and the wait between them. */
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	/** Default: the highest version the node type declares. */
	typeVersion?: number;
	/** Node name. Default 'Node'. */
	name?: string;
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
}

export interface RunNodeResult {
	/** Items on main output 0 of the node. */
	items: INodeExecutionData[];
	/** Items of every main output of the node. */
	outputs: INodeExecutionData[][];
	/**
	 * The error n8n recorded on the node's task data (falls back to the workflow-level error).
	 * NB: with continueOnFail and a node that throws as a whole, n8n sets this AND outputs the node's
	 * INPUT items unchanged (no `{ error }` item); if it is the last node, n8n 2.41 also marks the execution
	 * status 'error' with `result.error` set. Per-item try/catch with `continueOnFail()` leaves it unset.
	 */
	error?: ExecutionError;
	result: RunResult;
}

export interface PollOptions {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, CredentialRef>;
	/** Workflow static data; mutated in place. Pass the returned object back to the next poll. */
	staticData?: IDataObject;
	/** 'trigger' = active-workflow poll (activation 'activate'), 'manual' = editor "fetch test event". */
	mode?: 'trigger' | 'manual';
	typeVersion?: number;
	name?: string;
}

export interface PollResult {
	items: INodeExecutionData[][] | null;
	staticData: IDataObject;
}

export interface WebhookRequest {
	method: IHttpRequestMethods;
	headers?: Record<string, string>;
	query?: IDataObject;
	body?: unknown;
	rawBody?: Buffer | string;
	params?: Record<string, string>;
	path?: string;
}

export interface WebhookOptions {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, CredentialRef>;
	request: WebhookRequest;
	/** Which webhook description of the node to use (by name). Default: the first. */
	webhookName?: string;
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
	typeVersion?: number;
	name?: string;
}

export interface WebhookResult {
	/** Status/headers/body the node wrote to getResponseObject() (status 200, body undefined if it wrote nothing). */
	response: { status: number; headers: Record<string, string>; body: unknown; ended: boolean };
	/** What the node's webhook() returned. */
	workflowData?: INodeExecutionData[][];
	webhookResponse?: unknown;
	noWebhookResponse?: boolean;
	staticData: IDataObject;
}

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

const BASE_URL = 'http://localhost:5678';

export class Engine {
	readonly credentialsHelper: TestCredentialsHelper;
	private readonly defaultVersions: Record<string, number>;

	readonly credentials: CredentialStore;

	/** The workflow's time zone (its settings), as `getTimezone()` gives it to nodes; n8n's default when unset. */
	timezone: string | undefined;

	private readonly nodeTypes: NodeTypes;

	constructor(options: EngineOptions) {
		container();
		this.credentials = options.credentials;
		this.credentialsHelper = new TestCredentialsHelper(options.credentials, options.credentialTypes);
		this.defaultVersions = options.defaultVersions ?? {};
		this.nodeTypes = new NodeTypes({ ...options.nodeTypes, [ITEMS_NODE_TYPE]: itemsNodeType });
	}

	/** The version a node gets when a test gives none: as configured, else the latest it declares. */
	defaultVersion(type: string): number {
		const configured = this.defaultVersions[type];
		if (configured !== undefined) return configured;
		const t = this.nodeTypes.getByName(type);
		if ('nodeVersions' in t) return t.currentVersion;
		const v = t.description.version;
		return Array.isArray(v) ? Math.max(...v) : v;
	}

	buildAdditionalData(
		executionId: string,
		workflowId: string,
		hooks?: ExecutionLifecycleHooks,
	): IWorkflowExecuteAdditionalData {
		const unsupported = (what: string) => async (): Promise<never> => {
			throw new Error(`${what} is not supported by the test engine`);
		};
		const additionalData: IWorkflowExecuteAdditionalData = {
			hooks,
			credentialsHelper: this.credentialsHelper,
			executeWorkflow: unsupported('executeWorkflow'),
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			executionId,
			workflowId,
			userId: 'test-user',
			currentNodeExecutionIndex: 0,
			restApiUrl: `${BASE_URL}/rest`,
			instanceBaseUrl: BASE_URL,
			formBaseUrl: `${BASE_URL}/form`,
			formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
			formTestBaseUrl: `${BASE_URL}/form-test`,
			webhookBaseUrl: `${BASE_URL}/webhook`,
			webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
			webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
			mcpBaseUrl: `${BASE_URL}/mcp`,
			mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: unsupported('startRunnerTask'),
			externalSecretsProxy: new ExternalSecretsProxy(),
		};
		return additionalData;
	}

	private workflow(nodes: INode[], connections: IConnections, staticData: IDataObject): Workflow {
		return new Workflow({
			id: 'test-workflow',
			name: 'Test workflow',
			nodes,
			connections,
			active: false,
			nodeTypes: this.nodeTypes,
			staticData,
			settings: { executionOrder: 'v1', ...(this.timezone ? { timezone: this.timezone } : {}) },
		});
	}

	/** Run a whole workflow through WorkflowExecute. */
	async run(wf: TestWorkflow, options: RunOptions = {}): Promise<RunResult> {
		const mode = options.mode ?? 'manual';
		const staticData = wf.staticData ?? {};
		const workflow = this.workflow(wf.nodes, wf.connections, staticData);
		const executionId = randomUUID();
		const workflowData: IWorkflowBase = {
			id: workflow.id,
			name: workflow.name ?? 'Test workflow',
			active: false,
			isArchived: false,
			nodes: wf.nodes,
			connections: wf.connections,
			settings: { executionOrder: 'v1' },
			createdAt: new Date(),
			updatedAt: new Date(),
			activeVersionId: null,
		};
		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		const executionOrder: string[] = [];
		hooks.addHandler('nodeExecuteAfter', (nodeName: string) => {
			executionOrder.push(nodeName);
		});
		const additionalData = this.buildAdditionalData(executionId, workflow.id, hooks);

		const startNode = options.startNode
			? workflow.getNode(options.startNode)
			: (wf.nodes.find((n) => !n.disabled && workflow.getParentNodes(n.name).length === 0) ?? null);
		if (!startNode) throw new Error('No start node found');

		const run = await new WorkflowExecute(additionalData, mode).run({ workflow, startNode });
		const runData = run.data.resultData.runData;
		return {
			output(nodeName: string, outputIndex = 0): INodeExecutionData[] {
				const runs = runData[nodeName];
				const last = runs?.[runs.length - 1];
				return last?.data?.main?.[outputIndex] ?? [];
			},
			runData,
			error: run.data.resultData.error,
			staticData,
			status: run.status,
			executionOrder,
			run,
		};
	}

	private buildNode(
		type: string,
		parameters: INodeParameters,
		credentials: Record<string, CredentialRef> | undefined,
		name: string,
		typeVersion: number | undefined,
		position: [number, number],
	): INode {
		const node: INode = {
			id: randomUUID(),
			name,
			type,
			typeVersion: typeVersion ?? this.defaultVersion(type),
			position,
			parameters,
		};
		if (credentials) node.credentials = credentials as Record<string, INodeCredentialsDetails> as INodeCredentials;
		return node;
	}

	/** `test.items → node` convenience. */
	async runNode(options: RunNodeOptions): Promise<RunNodeResult> {
		const name = options.name ?? 'Node';
		const start: INode = {
			id: randomUUID(),
			name: 'Items',
			type: ITEMS_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		};
		const node = this.buildNode(options.type, options.parameters, options.credentials, name, options.typeVersion, [
			200, 0,
		]);
		if (options.continueOnFail) node.onError = 'continueRegularOutput';
		if (options.retryOnFail) Object.assign(node, { retryOnFail: true, ...options.retryOnFail });
		const result = await this.run(
			{
				nodes: [start, node],
				connections: { Items: { main: [[{ node: name, type: 'main', index: 0 }]] } },
				staticData: options.staticData,
			},
			{ mode: options.mode, startNode: 'Items' },
		);
		const runs = result.runData[name];
		const last = runs?.[runs.length - 1];
		return {
			items: result.output(name, 0),
			outputs: (last?.data?.main ?? []).map((o) => o ?? []),
			error: last?.error ?? result.error,
			result,
		};
	}

	/** Run a polling trigger's poll() once via n8n-core's PollContext (and TriggersAndPollers in trigger mode). */
	async poll(options: PollOptions): Promise<PollResult> {
		const mode = options.mode ?? 'trigger';
		const staticData = options.staticData ?? {};
		const node = this.buildNode(
			options.type,
			options.parameters,
			options.credentials,
			options.name ?? 'Trigger',
			options.typeVersion,
			[0, 0],
		);
		const workflow = this.workflow([node], {}, staticData);
		const additionalData = this.buildAdditionalData(randomUUID(), workflow.id);
		let items: INodeExecutionData[][] | null;
		if (mode === 'manual') {
			// What WorkflowExecute.executePollNode does for a manual run.
			const ctx = new PollContext(workflow, node, additionalData, 'manual', 'manual');
			const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			if (!nodeType.poll) throw new Error(`Node type "${node.type}" has no poll()`);
			items = await nodeType.poll.call(ctx as IPollFunctions);
		} else {
			const ctx = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
			items = await container().get(TriggersAndPollers).runPollFunction(workflow, node, ctx);
		}
		return { items, staticData };
	}

	/** Call a node's webhook() via n8n-core's WebhookContext with a minimal express-like req/res. */
	async webhook(options: WebhookOptions): Promise<WebhookResult> {
		const mode = options.mode ?? 'webhook';
		const staticData = options.staticData ?? {};
		const node = this.buildNode(
			options.type,
			options.parameters,
			options.credentials,
			options.name ?? 'Webhook',
			options.typeVersion,
			[0, 0],
		);
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (!nodeType.webhook) throw new Error(`Node type "${node.type}" has no webhook()`);
		const descriptions: IWebhookDescription[] = nodeType.description.webhooks ?? [];
		const webhookDescription =
			(options.webhookName ? descriptions.find((d) => d.name === options.webhookName) : descriptions[0]) ??
			({ name: 'default', httpMethod: options.request.method, path: 'webhook', responseMode: 'onReceived' } as
				IWebhookDescription);

		const workflow = this.workflow([node], {}, staticData);
		const additionalData = this.buildAdditionalData(randomUUID(), workflow.id);
		const { req, res, response } = fakeExpress(options.request);
		additionalData.httpRequest = req as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = res as IWorkflowExecuteAdditionalData['httpResponse'];

		const ctx = new WebhookContext(
			workflow,
			node,
			additionalData,
			mode,
			{
				httpMethod: options.request.method,
				node: node.name,
				path: options.request.path ?? 'webhook',
				webhookDescription,
				workflowId: workflow.id,
				workflowExecuteAdditionalData: additionalData,
				webhookId: node.webhookId,
			},
			[],
			null,
		);
		const out: IWebhookResponseData = await nodeType.webhook.call(ctx as IWebhookFunctions);
		return {
			response,
			workflowData: out.workflowData,
			webhookResponse: out.webhookResponse as unknown,
			noWebhookResponse: out.noWebhookResponse,
			staticData,
		};
	}
}

// ---------------------------------------------------------------------------------------------
// Minimal express-like request/response
// ---------------------------------------------------------------------------------------------

function fakeExpress(request: WebhookRequest) {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(request.headers ?? {})) headers[k.toLowerCase()] = v;
	const rawBody =
		request.rawBody === undefined
			? Buffer.from(
					request.body === undefined ? '' : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
				)
			: Buffer.isBuffer(request.rawBody)
				? request.rawBody
				: Buffer.from(request.rawBody);
	const query = request.query ?? {};
	const qs = new URLSearchParams(
		Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]),
	).toString();
	const reqPath = `/webhook/${request.path ?? 'webhook'}`;
	const req = {
		method: request.method,
		headers,
		query,
		body: request.body ?? {},
		params: request.params ?? {},
		rawBody,
		url: qs ? `${reqPath}?${qs}` : reqPath,
		originalUrl: qs ? `${reqPath}?${qs}` : reqPath,
		path: reqPath,
		get(name: string): string | undefined {
			return headers[name.toLowerCase()];
		},
		header(name: string): string | undefined {
			return headers[name.toLowerCase()];
		},
	};

	const response = { status: 200, headers: {} as Record<string, string>, body: undefined as unknown, ended: false };
	const res = {
		get statusCode() {
			return response.status;
		},
		set statusCode(v: number) {
			response.status = v;
		},
		get headersSent() {
			return response.ended;
		},
		status(code: number) {
			response.status = code;
			return res;
		},
		sendStatus(code: number) {
			response.status = code;
			response.ended = true;
			return res;
		},
		setHeader(name: string, value: string | number | string[]) {
			response.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
			return res;
		},
		set(name: string | Record<string, string>, value?: string) {
			if (typeof name === 'string') res.setHeader(name, value ?? '');
			else for (const [k, v] of Object.entries(name)) res.setHeader(k, v);
			return res;
		},
		header(name: string | Record<string, string>, value?: string) {
			return res.set(name, value);
		},
		getHeader(name: string) {
			return response.headers[name.toLowerCase()];
		},
		type(value: string) {
			return res.setHeader('content-type', value);
		},
		writeHead(code: number, hdrs?: Record<string, string>) {
			response.status = code;
			if (hdrs) res.set(hdrs);
			return res;
		},
		json(body: unknown) {
			if (!response.headers['content-type']) res.setHeader('content-type', 'application/json');
			response.body = body;
			response.ended = true;
			return res;
		},
		send(body?: unknown) {
			response.body = Buffer.isBuffer(body) ? body.toString() : body;
			response.ended = true;
			return res;
		},
		write(chunk: unknown) {
			response.body = `${response.body === undefined ? '' : String(response.body)}${String(chunk)}`;
			return true;
		},
		end(chunk?: unknown) {
			if (chunk !== undefined) res.write(chunk);
			response.ended = true;
			return res;
		},
		redirect(codeOrUrl: number | string, url?: string) {
			response.status = typeof codeOrUrl === 'number' ? codeOrUrl : 302;
			res.setHeader('location', typeof codeOrUrl === 'string' ? codeOrUrl : (url ?? ''));
			response.ended = true;
			return res;
		},
		on() {
			return res;
		},
		once() {
			return res;
		},
		flushHeaders() {},
	};
	return { req, res, response };
}
