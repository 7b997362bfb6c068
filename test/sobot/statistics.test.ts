/** Statistics resource (Sobot online statistics /api/wb/5/data/*) in n8n's engine against the fake Sobot. */
import type { IDataObject } from 'n8n-workflow';

import { SOBOT_DATA_PREFIX } from '../fakes/sobotChat';
import { only, useSobot } from './helpers';

const bed = useSobot();
const statistics = (operation: string, parameters: IDataObject = {}) => ({ resource: 'statistics', operation, ...parameters });
const JULY = { startDate: '2024-07-15', endDate: '2024-07-17', simplify: true };

describe('statistics', () => {
	it.each([
		['getCustomerSessions', 'customer_session', { total_consult_session: 4, total_valid_session: 4, total_invalid_session: 0 }],
		['getAgentSessions', 'human_session', { consult_session: 3, solved_session: 1, not_solved_session: 1 }],
		['getBotSessions', 'robot_session', { consult_session: 2, to_human_session: 1, self_reception_session: 1 }],
		['getMessages', 'message_stats', { customer_msg_count: 10, agent_msg_count: 5, robot_msg_count: 3 }],
	])('%s posts the days to %s and returns one item of figures', async (operation, endpoint, figures) => {
		const { items, error } = await bed.run(statistics(operation, JULY));
		expect(error).toBeUndefined();
		const request = only(bed);
		expect([request.method, request.path, request.body]).toEqual(['POST', `${SOBOT_DATA_PREFIX}/${endpoint}`, { start_date: '2024-07-15', end_date: '2024-07-17' }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ start_date: '2024-07-15', end_date: '2024-07-17', ...figures });
	});

	it("a date and time with an offset counts as the account's day it falls in (China time by default)", async () => {
		await bed.run(statistics('getCustomerSessions', { startDate: '2024-07-14T12:30:00-04:00', endDate: '2024-07-15T01:00:00+08:00' }));
		expect(only(bed).body).toEqual({ start_date: '2024-07-15', end_date: '2024-07-15' });
	});

	it('an empty or impossible day stops the item before any request, naming the parameter and the item', async () => {
		const empty = await bed.run(statistics('getMessages', { startDate: '={{ "" }}', endDate: '2024-07-15' }));
		expect(empty.error?.message).toBe('"Start Date" is empty');
		const impossible = await bed.run(statistics('getMessages', { startDate: '2024-02-30', endDate: '2024-03-01' }));
		expect(impossible.error?.message).toBe('"Start Date" is not a valid date: 2024-02-30');
		expect(bed.calls()).toHaveLength(0);
	});

	it('retries a 503 (a read), and a Sobot error names its code', async () => {
		bed.fake.failNext(1, { status: 503 });
		const { error } = await bed.run(statistics('getCustomerSessions', JULY));
		expect(error).toBeUndefined();
		expect(bed.calls()).toHaveLength(2);
		bed.fake.failNextWithRetCode(1, '400001', 'start_date/end_date格式错误,应为yyyy-MM-dd');
		const failed = await bed.run(statistics('getCustomerSessions', JULY));
		expect(failed.error?.message).toMatch(/^Sobot 400001/);
	});
});
