/**
 * Shared set-up for the Sobot Ticket Trigger tests: the node in n8n's real PollContext (engine
 * harness) against the fake Sobot's ticket centre, one fake for the test file.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { SobotTicketTrigger } from '../../nodes/SobotTicketTrigger/SobotTicketTrigger.node';
import type { TicketTriggerLimits } from '../../nodes/SobotTicketTrigger/poll';
import { formatCst, parseCst, type FakeResponse, type RecordedRequest } from '../fakes/base';
import { FakeSobot, SOBOT_TICKET_PREFIX } from '../fakes/sobot';
import { CredentialStore, Engine, type CredentialRef } from '../harness/engine';
import { addSobotCredential, PACKAGE_NAME } from '../support/package';

const TRIGGER = `${PACKAGE_NAME}.sobotTicketTrigger`;
export const DAY = 86_400;
export const nowSec = () => Math.floor(Date.now() / 1000);

const RANGE_PARAMS = ['create_start_datetime', 'create_end_datetime', 'update_start_datetime', 'update_end_datetime'];

/** FakeSobot that can read the ticket lists' date range elsewhere than asked. */
export class TestSobot extends FakeSobot {
	/**
	 * Added to both ends of a ticket list's date range before the fake filters: -3 h answers the
	 * range three hours earlier than the trigger meant, as a server reading its wall-clock times in a
	 * zone three hours ahead of China would.
	 */
	ticketRangeShiftMs = 0;

	protected override dispatch(req: RecordedRequest, isToken: boolean): FakeResponse {
		if (this.ticketRangeShiftMs === 0 || isToken) return super.dispatch(req, isToken);
		const query = { ...req.query };
		for (const key of RANGE_PARAMS) {
			if (query[key] !== undefined) query[key] = formatCst(parseCst(query[key]) + this.ticketRangeShiftMs);
		}
		return super.dispatch({ ...req, query }, isToken);
	}
}

/** Starts one fake for the file (hooks registered here), cleared before each test. */
export function ticketTriggerEnv() {
	const fake = new TestSobot();
	const store = new CredentialStore();
	let credential: CredentialRef;

	beforeAll(async () => {
		await fake.start();
		credential = addSobotCredential(store, fake);
	});
	afterAll(async () => await fake.stop());
	beforeEach(() => {
		fake.resetStores();
		fake.clearFaults();
		fake.clearRequests();
		fake.ticketRangeShiftMs = 0;
	});

	/** One trigger (one event, one static-data object) polled again and again. */
	function trigger(event: 'ticketCreated' | 'ticketUpdated', limits: Partial<TicketTriggerLimits> = {}) {
		const engine = new Engine({ nodeTypes: { [TRIGGER]: new SobotTicketTrigger(limits) }, credentialTypes: [new SobotApi()], credentials: store });
		const staticData: IDataObject = {};
		return {
			staticData,
			async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[]> {
				const { items } = await engine.poll({ type: TRIGGER, parameters: { event, options: {} }, credentials: { sobotApi: credential }, staticData, mode });
				if (items !== null) expect(items[0].length).toBeGreaterThan(0);
				return items === null ? [] : items[0];
			},
			position: () => JSON.parse(JSON.stringify(staticData['node:Trigger'] ?? {})) as IDataObject,
		};
	}

	const listCalls = (suffix: string) => fake.requestsTo('GET', `${SOBOT_TICKET_PREFIX}${suffix}`);
	return { fake, trigger, listCalls };
}

export const ids = (items: INodeExecutionData[]) => items.map((item) => String(item.json.ticketid));
