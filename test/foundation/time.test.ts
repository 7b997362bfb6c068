/**
 * One time policy for both vendors: a date picked in the UI (no offset) is read in the
 * workflow's time zone, a date with an offset is exact; Sobot gets Unix seconds, Bangwo8 the
 * day it is in China.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startBangwo8, startSobot } from '../support/vendors';
import { BANGWO8_NODE, SOBOT_NODE } from '../support/package';

describe('dates the user picks', () => {
	it.each([
		['Asia/Shanghai', '2021-07-01T11:24:37', '1625109877'], // 03:24:37 UTC
		['America/New_York', '2021-07-01T11:24:37', '1625153077'], // 15:24:37 UTC (EDT)
		['Asia/Shanghai', '2021-07-01T11:24:37+00:00', '1625138677'], // an offset is exact, whatever the zone
	])('Sobot, workflow zone %s: %s is sent as Unix seconds %s', async (zone, picked, seconds) => {
		const { fake, engine, credentials } = await startSobot();
		try {
			engine.timezone = zone;
			const { error } = await engine.runNode({
				type: SOBOT_NODE,
				parameters: { resource: 'customer', operation: 'getMany', returnAll: true, filters: { create_start_time: picked } },
				credentials,
			});
			expect(error).toBeUndefined();
			expect(fake.requestsTo('GET', '/api/scrm/5/user/list_by_page')[0].query.create_start_time).toBe(seconds);
		} finally {
			await fake.stop();
		}
	});

	it.each([
		['America/New_York', '2024-03-01T23:30:00-05:00', '2024-03-02'], // 12:30 on the 2nd in China
		['America/New_York', '2024-03-01T23:30:00', '2024-03-02'], // picked in New York (EST)
		['Asia/Shanghai', '2024-03-01T23:30:00', '2024-03-01'],
		['America/New_York', '2024-03-01', '2024-03-01'], // a bare day is that day
	])('Bangwo8, workflow zone %s: %s filters the China day %s', async (zone, picked, day) => {
		const { fake, engine, credentials } = await startBangwo8();
		try {
			engine.timezone = zone;
			const parameters: INodeParameters = {
				authentication: 'basicAuth',
				resource: 'contact',
				operation: 'getMany',
				returnAll: true,
				filters: { created_start: picked },
			};
			const { error } = await engine.runNode({ type: BANGWO8_NODE, parameters, credentials });
			expect(error).toBeUndefined();
			expect(fake.requestsTo('GET', '/api/v1/users.json')[0].query.created_start).toBe(day);
		} finally {
			await fake.stop();
		}
	});
});
