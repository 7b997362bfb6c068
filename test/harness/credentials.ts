/**
 * Credential storage + an ICredentialsHelper that mirrors n8n's own (packages/cli/src/credentials-helper.ts,
 * n8n 2.41) so token handling in tests behaves like it will inside n8n:
 *  - `preAuthentication` runs only when the hidden `typeOptions.expirable` field is '' or the caller says
 *    the credentials expired; the result is persisted to the store (expression-valued stored fields are
 *    never overwritten by their resolved value, except the expirable field itself);
 *  - `getDecrypted` applies type defaults (incl. inherited `extends` properties) and resolves `={{…}}`
 *    expressions with `$self` = the credential data;
 *  - `updateCredentialsOauthTokenData` persists ONLY `oauthTokenData` (as n8n does);
 *  - `authenticate` applies generic (`={{$credentials.x}}`) and function authenticate definitions.
 */
import type {
	CredentialInformation,
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
} from 'n8n-workflow';
import { getAdditionalKeys } from 'n8n-core';

// ---------------------------------------------------------------------------------------------
// Store
// ---------------------------------------------------------------------------------------------

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface CredentialUpdate {
	id: string;
	type: string;
	/** Deep copy of the full stored data after the update. */
	data: ICredentialDataDecryptedObject;
	/** 'data' = updateCredentials (preAuthentication persistence), 'oauthTokenData' = OAuth2 token write. */
	kind: 'data' | 'oauthTokenData';
}

const clone = <T>(value: T): T => structuredClone(value);

/** In-memory replacement for n8n's credentials table. Persists across workflow runs. */
export class CredentialStore {
	private readonly byId = new Map<string, StoredCredential>();

	private nextId = 1;

	/** Every write made by the credentials helper, in order. */
	readonly updates: CredentialUpdate[] = [];

	/**
	 * Milliseconds each read and write by the credentials helper takes, like a round trip to the
	 * database n8n's processes share in queue mode (0 = in memory, instant).
	 */
	ioLatencyMs = 0;

	/** Waits `ioLatencyMs` (used by the helper around every read and write). */
	async io(): Promise<void> {
		if (this.ioLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.ioLatencyMs));
	}

	add(
		type: string,
		data: ICredentialDataDecryptedObject,
		name?: string,
	): { id: string; name: string } {
		const id = String(this.nextId++);
		const credName = name ?? `${type} #${id}`;
		this.byId.set(id, { id, name: credName, type, data: clone(data) });
		return { id, name: credName };
	}

	/** The stored credential (a copy), or undefined. */
	get(id: string): StoredCredential | undefined {
		const c = this.byId.get(id);
		return c ? clone(c) : undefined;
	}

	/** Stored (raw, un-defaulted) data of a credential (a copy). Throws if unknown. */
	dataOf(id: string): ICredentialDataDecryptedObject {
		return clone(this.require(id).data);
	}

	/** Overwrite stored data from a test (not counted in `updates`). */
	set(id: string, data: ICredentialDataDecryptedObject): void {
		this.require(id).data = clone(data);
	}

	/** Used by the helper: replace data and record the write. */
	write(id: string, data: ICredentialDataDecryptedObject, kind: CredentialUpdate['kind']): void {
		const c = this.require(id);
		c.data = clone(data);
		this.updates.push({ id, type: c.type, data: clone(data), kind });
	}

	/** Number of recorded writes, optionally for one credential. */
	updateCount(id?: string): number {
		return id === undefined ? this.updates.length : this.updates.filter((u) => u.id === id).length;
	}

	require(id: string | null | undefined, type?: string): StoredCredential {
		const c = id == null ? undefined : this.byId.get(id);
		if (!c) throw new UserError(`Credential with ID "${String(id)}" does not exist for type "${type ?? '?'}".`);
		if (type !== undefined && c.type !== type) {
			throw new UserError(`Credential with ID "${String(id)}" does not exist for type "${type}".`);
		}
		return c;
	}
}

/** ICredentials over a stored credential — plain JSON instead of n8n's encrypted string. */
class StoredCredentials extends ICredentials {
	constructor(stored: StoredCredential) {
		super({ id: stored.id, name: stored.name }, stored.type, JSON.stringify(stored.data));
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return this.current();
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: Array<keyof ICredentialDataDecryptedObject> = [],
	): Promise<void> {
		const current = JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
		const updated: ICredentialDataDecryptedObject = { ...current };
		for (const [k, v] of Object.entries(toUpdate)) if (v !== undefined) updated[k] = v as CredentialInformation;
		for (const k of toDelete) delete updated[k as string];
		this.data = JSON.stringify(updated);
	}

	/** Current (possibly modified) data. */
	current(): ICredentialDataDecryptedObject {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}
}

// ---------------------------------------------------------------------------------------------
// Built-in credential types
// ---------------------------------------------------------------------------------------------

/**
 * Subset of n8n-nodes-base's OAuth2Api.credentials.ts (properties relevant to n8n-core's requestOAuth2).
 * JWE / DCR server fields are omitted; `useDynamicClientRegistration` is kept because the real type
 * has it and `displayOptions` reference it.
 */
export const oAuth2ApiCredentialType: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	documentationUrl: 'httprequest',
	genericAuth: true,
	properties: [
		{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			displayOptions: { show: { useDynamicClientRegistration: [false] } },
			options: [
				{ name: 'Body', value: 'body', description: 'Send credentials in body' },
				{ name: 'Header', value: 'header', description: 'Send credentials as Basic Auth header' },
			],
			default: 'header',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'boolean',
			default: false,
			displayOptions: {
				show: { grantType: ['clientCredentials'], authentication: ['body'], useDynamicClientRegistration: [false] },
			},
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'json',
			displayOptions: {
				show: {
					grantType: ['clientCredentials'],
					authentication: ['body'],
					sendAdditionalBodyProperties: [true],
					useDynamicClientRegistration: [false],
				},
			},
			default: '',
		},
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false, doNotInherit: true },
		{
			displayName: 'Token Expired Status Code',
			name: 'tokenExpiredStatusCode',
			type: 'number',
			default: 401,
			doNotInherit: true,
		},
	],
};

// ---------------------------------------------------------------------------------------------
// Helper
// ---------------------------------------------------------------------------------------------

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeType: INodeType = {
	description: {
		displayName: 'Mock',
		name: 'mock',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Mock' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => mockNodeType,
	getByNameAndVersion: () => mockNodeType,
	getKnownTypes: () => ({}),
};

/** Same as cli's restrictToCredentialDomains: preAuthentication requests obey the credential's allowlist. */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions): Promise<unknown> => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

export interface PreAuthenticationCall {
	type: string;
	credentialsExpired: boolean;
	/** Whether the type's preAuthentication function was actually invoked. */
	invoked: boolean;
}

export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	/** Every call n8n-core made to `preAuthentication` (whether or not the type's hook ran). */
	readonly preAuthenticationCalls: PreAuthenticationCall[] = [];

	constructor(
		readonly store: CredentialStore,
		credentialTypes: ICredentialType[] = [],
	) {
		super();
		for (const t of [oAuth2ApiCredentialType, ...credentialTypes]) this.types.set(t.name, t);
	}

	addCredentialType(type: ICredentialType): void {
		this.types.set(type.name, type);
	}

	getCredentialType(name: string): ICredentialType {
		const t = this.types.get(name);
		if (!t) throw new UnexpectedError(`Unknown credential type "${name}"`);
		return t;
	}

	// -- type hierarchy ---------------------------------------------------------------------

	getParentTypes(typeName: string): string[] {
		const extendsArr = this.types.get(typeName)?.extends ?? [];
		if (extendsArr.length === 0) return [];
		const result = [...extendsArr];
		for (const parent of extendsArr) result.push(...this.getParentTypes(parent));
		return result;
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const typeDef = this.types.get(credentialType);
		if (!typeDef?.restrictToSupportedNodes) return true;
		const supported = typeDef.supportedNodes ?? [];
		const short = nodeType.split('.').pop() ?? nodeType;
		return supported.includes(nodeType) || supported.includes(short);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.getCredentialType(type);
		if (credentialTypeData.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialTypeData.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialTypeData.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialTypeData.properties);
		return combined;
	}

	// -- authenticate -----------------------------------------------------------------------

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & Record<string, unknown>;
		const credentialType = this.getCredentialType(typeName);
		const { authenticate } = credentialType;
		if (authenticate) {
			if (typeof authenticate === 'function') {
				return await authenticate(credentials, requestOptions);
			}
			if (typeof authenticate === 'object') {
				if (!workflow || !node) {
					throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
				}
				if (requestOptions.headers === undefined) requestOptions.headers = {};
				if (authenticate.type === 'generic') {
					for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
						for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
							const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
							const valueResolved = this.resolveValue(value as string, { $credentials: credentials }, workflow, node);
							if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
							(requestOptions[outerKey] as Record<string, unknown>)[keyResolved] = valueResolved;
						}
					}
				}
			}
		}
		return requestOptions;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}

	// -- preAuthentication ------------------------------------------------------------------

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const call: PreAuthenticationCall = { type: typeName, credentialsExpired, invoked: false };
		this.preAuthenticationCalls.push(call);
		const credentialType = this.getCredentialType(typeName);

		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';

		if (typeof credentialType.preAuthentication === 'function') {
			if (credentials[expirableProperty.name] === '' || credentialsExpired || isTestingCredentials) {
				call.invoked = true;
				const output = await credentialType.preAuthentication.call(
					restrictToCredentialDomains(helpers, credentials),
					credentials,
				);
				if (output[expirableProperty.name] === undefined) return undefined;

				if (node.credentials) {
					const nodeCredentials = node.credentials[credentialType.name];
					const storedData = await (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
					const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
					for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
						if (key === expirableProperty.name || !isExpression(storedData[key])) {
							dataToPersist[key] = value;
						}
					}
					await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
					return Object.assign(credentials, output);
				}
			}
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	// -- storage ----------------------------------------------------------------------------

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		if (!nodeCredentials.id) {
			throw new UserError(`Credential "${nodeCredentials.name}" of type "${type}" has no ID.`);
		}
		await this.store.io();
		return new StoredCredentials(this.store.require(nodeCredentials.id, type));
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		await this.store.io();
		const stored = this.store.require(nodeCredentials.id, type);
		const decryptedDataOriginal = clone(stored.data);
		if (raw === true) return decryptedDataOriginal;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			decryptedDataOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** Same steps as cli's applyDefaultsAndOverwrites (without overwrites / external secrets). */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);

		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			{ ...decryptedDataOriginal } as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (decryptedData[key] === undefined && decryptedDataOriginal[key] !== undefined) {
				decryptedData[key] = decryptedDataOriginal[key];
			}
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			await workflow.expression.acquireIsolate();
			try {
				decryptedData = workflow.expression.getComplexParameterValue(
					mockNode,
					decryptedData as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.store.io();
		const credentials = this.store.require(nodeCredentials.id, type);
		this.store.write(credentials.id, data, 'data');
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
		_additionalData: IWorkflowExecuteAdditionalData,
	): Promise<void> {
		const credentials = (await this.getCredentials(nodeCredentials, type)) as StoredCredentials;
		await credentials.updateData({ oauthTokenData: data.oauthTokenData });
		this.store.write(credentials.id!, credentials.current(), 'oauthTokenData');
	}
}
