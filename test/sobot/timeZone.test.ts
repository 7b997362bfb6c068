/**
 * The Sobot account's time zone (credential field Account Time Zone; default by data centre):
 * zone-less vendor times ('YYYY-MM-DD HH:mm:ss') are written and read in it — the ticket
 * centre's date filters, Simplify, the Sobot Ticket Trigger's windows. Bangwo8 and a China
 * account keep China time (UTC+8) as before.
 */
import type { IDataObject } from 'n8n-workflow';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { dataCentreTimeZone, sobotTimeZone } from '../../nodes/Sobot/transport/timeZone';
import { SobotTicketTrigger } from '../../nodes/SobotTicketTrigger/SobotTicketTrigger.node';
import { chinaWallClock, readVendorTime, vendorWallClock } from '../../nodes/shared/time';
import { SOBOT_TICKET_PREFIX } from '../fakes/sobot';
import { CredentialStore, Engine, type CredentialRef } from '../harness/engine';
import { addSobotCredential, createEngine, PACKAGE_NAME, SOBOT_NODE } from '../support/package';
import { useSobot } from './helpers';

const bed = useSobot();
const LA = 'America/Los_Angeles';

/** An engine (workflow zone UTC) whose Sobot credential on the fake has `timeZone` (undefined: not set). */
function engineWith(timeZone: string | undefined): { engine: Engine; credential: CredentialRef } {
	const store = new CredentialStore();
	const credential = addSobotCredential(store, bed.fake, timeZone === undefined ? {} : { timeZone });
	const engine = createEngine(store);
	engine.timezone = 'UTC';
	return { engine, credential };
}

async function run(timeZone: string | undefined, parameters: IDataObject) {
	const { engine, credential } = engineWith(timeZone);
	return await engine.runNode({ type: SOBOT_NODE, parameters: parameters as never, credentials: { sobotApi: credential } });
}

const ticketLists = () => bed.fake.requestsTo('GET', `${SOBOT_TICKET_PREFIX}/query_tickets`);

/** Ticket → Get Many over one day ending at `end` (an exact instant). */
const getManyDay = (end: string) => ({
	resource: 'ticket',
	operation: 'getMany',
	returnAll: true,
	filters: { createdAfter: new Date(Date.parse(end) - 86_400_000).toISOString(), createdBefore: end },
});

describe('Sobot account time zone: the credential', () => {
	it('defaults by data centre: China and a Custom URL → Asia/Shanghai, Singapore → Asia/Singapore, North America → America/Los_Angeles', () => {
		expect(dataCentreTimeZone({ dataCenter: 'https://www.sobot.com' })).toBe('Asia/Shanghai');
		expect(dataCentreTimeZone({ dataCenter: 'https://www.soboten.com' })).toBe('Asia/Shanghai');
		expect(dataCentreTimeZone({ dataCenter: 'https://sg.sobot.io' })).toBe('Asia/Singapore');
		expect(dataCentreTimeZone({ dataCenter: 'https://us.sobot.com' })).toBe(LA);
		expect(dataCentreTimeZone({ dataCenter: 'custom', customUrl: 'http://127.0.0.1:1234' })).toBe('Asia/Shanghai');
		// A Custom URL on a known host gets that data centre's zone.
		expect(dataCentreTimeZone({ dataCenter: 'custom', customUrl: 'https://US.sobot.com/' })).toBe(LA);
		expect(sobotTimeZone({ dataCenter: 'https://us.sobot.com', timeZone: '  ' })).toBe(LA);
	});

	it('an explicit IANA zone wins over the data centre, in Intl\'s spelling; an unknown one is no zone (not UTC)', () => {
		expect(sobotTimeZone({ dataCenter: 'https://www.sobot.com', timeZone: 'America/New_York' })).toBe('America/New_York');
		expect(sobotTimeZone({ dataCenter: 'https://us.sobot.com', timeZone: 'asia/shanghai' })).toBe('Asia/Shanghai');
		expect(sobotTimeZone({ dataCenter: 'https://www.sobot.com', timeZone: 'Mars/Olympus_Mons' })).toBeUndefined();
	});

	it('the editor shows Account Time Zone after App Key, empty by default (= the data centre\'s zone)', () => {
		const properties = new SobotApi().properties;
		const names = properties.map((property) => property.name);
		expect(names.indexOf('timeZone')).toBe(names.indexOf('appSecretKey') + 1);
		expect(properties.find((property) => property.name === 'timeZone')).toMatchObject({
			displayName: 'Account Time Zone',
			type: 'string',
			default: '',
		});
	});
});

describe('Sobot account time zone: vendor wall clocks', () => {
	it('written and read in Los Angeles time with daylight saving (July UTC−7, January UTC−8)', () => {
		const july = Date.UTC(2024, 6, 15, 12);
		const january = Date.UTC(2024, 0, 15, 12);
		expect(vendorWallClock(july, LA)).toBe('2024-07-15 05:00:00');
		expect(vendorWallClock(january, LA)).toBe('2024-01-15 04:00:00');
		expect(readVendorTime('2024-07-15 05:00:00', LA)).toBe(july);
		expect(readVendorTime('2024-01-15 04:00:00', LA)).toBe(january);
		// Just after the spring-forward change and across the autumn one, the instant is right.
		expect(readVendorTime('2024-03-10 03:30:00', LA)).toBe(Date.UTC(2024, 2, 10, 10, 30));
		expect(readVendorTime('2024-11-03 03:00:00', LA)).toBe(Date.UTC(2024, 10, 3, 11));
		// Numbers and texts with an offset do not depend on the zone.
		expect(readVendorTime('1721044800', LA)).toBe(july);
		expect(readVendorTime('2024-07-15T12:00:00Z', LA)).toBe(july);
	});

	it('China time stays the fixed UTC+8 (Bangwo8, and a Sobot account by default): the same texts as before', () => {
		const july = Date.UTC(2024, 6, 15, 12);
		expect(chinaWallClock(july)).toBe('2024-07-15 20:00:00');
		expect(vendorWallClock(july, 'Asia/Shanghai')).toBe('2024-07-15 20:00:00');
		expect(readVendorTime('2024-07-15 20:00:00')).toBe(july);
		// China kept daylight saving in 1986–1991; the vendors' texts were always read as UTC+8.
		expect(readVendorTime('1988-07-01 12:00:00')).toBe(Date.UTC(1988, 6, 1, 4));
		expect(readVendorTime('1988-07-01 12:00:00', 'Asia/Shanghai')).toBe(Date.UTC(1988, 6, 1, 4));
	});
});

describe('Sobot account time zone: ticket centre', () => {
	it('Ticket → Get Many sends its date filter as Los Angeles wall clock (July and January: daylight saving)', async () => {
		const july = await run(LA, getManyDay('2024-07-15T12:00:00Z'));
		expect(july.error).toBeUndefined();
		expect(ticketLists()[0].query).toMatchObject({
			create_start_datetime: '2024-07-14 05:00:00',
			create_end_datetime: '2024-07-15 05:00:00',
		});
		bed.fake.clearRequests();
		const january = await run(LA, getManyDay('2024-01-15T12:00:00Z'));
		expect(january.error).toBeUndefined();
		expect(ticketLists()[0].query).toMatchObject({
			create_start_datetime: '2024-01-14 04:00:00',
			create_end_datetime: '2024-01-15 04:00:00',
		});
	});

	it('a credential without a zone (China data centre or Custom URL) sends China wall clock, as before', async () => {
		const { error } = await run(undefined, getManyDay('2024-07-15T12:00:00Z'));
		expect(error).toBeUndefined();
		expect(ticketLists()[0].query).toMatchObject({
			create_start_datetime: '2024-07-14 20:00:00',
			create_end_datetime: '2024-07-15 20:00:00',
		});
	});

	it('Simplify reads a zone-less ticket time in the account\'s zone (Los Angeles: July −7, January −8; default: China)', async () => {
		const ticket = bed.fake.addTicket({ create_datetime: '2024-07-15 05:00:00', update_datetime: '2024-01-15 04:00:00' });
		const parameters = { resource: 'ticket', operation: 'get', ticketId: ticket.ticketid, simplify: true };
		const la = await run(LA, parameters);
		expect(la.error).toBeUndefined();
		expect(la.items[0].json).toMatchObject({ create_datetime: '2024-07-15T12:00:00.000Z', update_datetime: '2024-01-15T12:00:00.000Z' });
		const china = await run(undefined, parameters);
		expect(china.items[0].json).toMatchObject({ create_datetime: '2024-07-14T21:00:00.000Z', update_datetime: '2024-01-14T20:00:00.000Z' });
	});

	it('an unknown zone stops the run with a message naming the credential field, not silently UTC', async () => {
		const list = await run('Mars/Olympus_Mons', getManyDay('2024-07-15T12:00:00Z'));
		expect(list.error?.message).toBe('The Sobot credential\'s "Account Time Zone" is not a known time zone: "Mars/Olympus_Mons"');
		expect(ticketLists()).toHaveLength(0);
		// Simplify needs the zone too (label times are zone-less texts).
		const labels = await run('Mars/Olympus_Mons', { resource: 'label', operation: 'getMany', returnAll: true, simplify: true });
		expect(labels.error?.message).toMatch(/"Account Time Zone" is not a known time zone/);
	});
});

describe('Sobot account time zone: Sobot Ticket Trigger', () => {
	const TRIGGER = `${PACKAGE_NAME}.sobotTicketTrigger`;

	async function firstPoll(timeZone: string | undefined): Promise<{ end: string; at: number }> {
		const store = new CredentialStore();
		const credential = addSobotCredential(store, bed.fake, timeZone === undefined ? {} : { timeZone });
		const engine = new Engine({ nodeTypes: { [TRIGGER]: new SobotTicketTrigger() }, credentialTypes: [new SobotApi()], credentials: store });
		bed.fake.clearRequests();
		const at = Date.now();
		const result = await engine.poll({
			type: TRIGGER,
			parameters: { event: 'ticketCreated', options: {} },
			credentials: { sobotApi: credential },
			staticData: {},
		});
		expect(result.items).toBeNull();
		return { end: String(ticketLists()[0].query.create_end_datetime), at };
	}

	/** ms between a 'YYYY-MM-DD HH:mm:ss' text and the wall clock of `ms` in `timeZone` (Intl's, independent of the code under test). */
	function wallClockGap(text: string, ms: number, timeZone: string): number {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(new Date(ms));
		const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
		const expected = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
		return Math.abs(Date.parse(`${text.replace(' ', 'T')}Z`) - expected);
	}

	it('asks its windows in the account\'s zone: Los Angeles wall clock, and China time by default', async () => {
		// The window ends 24 h ahead of now (Sobot's clock may be ahead), written in the account's zone.
		const la = await firstPoll(LA);
		expect(wallClockGap(la.end, la.at + 24 * 3600_000, LA)).toBeLessThan(60_000);
		const china = await firstPoll(undefined);
		expect(wallClockGap(china.end, china.at + 24 * 3600_000, 'Asia/Shanghai')).toBeLessThan(60_000);
	});
});
