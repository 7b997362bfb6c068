/** Live Chat resource (Sobot get_once_data, query_agent, query_group, admin_is_work) in n8n's engine against the fake Sobot. */
import type { IDataObject } from 'n8n-workflow';

import { CHAT_GROUP_OFFLINE, CHAT_GROUP_ONLINE, SOBOT_CHAT_PREFIX } from '../fakes/sobotChat';
import { only, useSobot } from './helpers';

const bed = useSobot();
beforeAll(() => {
	bed.engine.timezone = 'Asia/Shanghai';
});
afterAll(() => {
	bed.engine.timezone = undefined;
});
const live = (operation: string, parameters: IDataObject = {}) => ({ resource: 'live', operation, ...parameters });

describe('live.getOverview', () => {
	it('returns the queue figures and each online agent, status named', async () => {
		const { items, error } = await bed.run(live('getOverview', { simplify: true }));
		expect(error).toBeUndefined();
		expect(only(bed).path).toBe(`${SOBOT_CHAT_PREFIX}/get_once_data`);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ admin_size: 2, online_user_size: 5, wait_user_size: 3, robot_user_size: 7 });
		const [first, second] = items[0].json.admin_list as IDataObject[];
		expect(first).toMatchObject({ agent_name: '安康', status: 'Online', status_code: 0, status_time: '2024-07-15T10:00:00.000+08:00' });
		expect(second).toMatchObject({ status: 'Busy', status_code: 'Break' });
	});

	it('a Sobot error names its code', async () => {
		bed.fake.failNextWithRetCode(1, '999999');
		const { error } = await bed.run(live('getOverview'));
		expect(error?.message).toMatch(/^Sobot 999999/);
	});
});

describe('live.getAgents and live.getGroups', () => {
	it('list agents (Limit keeps the first, Return All all), creation time ISO', async () => {
		const limited = await bed.run(live('getAgents', { limit: 2, simplify: true }));
		expect(limited.items.map((item) => item.json.agent_name)).toEqual(['安康', 'SCRM测试']);
		expect(limited.items[0].json.create_time).toBe('2023-03-02T10:00:00.000+08:00');
		const all = await bed.run(live('getAgents', { returnAll: true }));
		expect(all.items).toHaveLength(3);
	});

	it('list skill groups; a Sobot error names its code', async () => {
		const { items } = await bed.run(live('getGroups', { returnAll: true, simplify: false }));
		expect(items.map((item) => item.json)).toEqual([
			{ groupid: CHAT_GROUP_ONLINE, group_name: '售前咨询', create_time: '2023-03-01 09:00:00' },
			{ groupid: CHAT_GROUP_OFFLINE, group_name: '售后服务', create_time: '2023-03-01 09:05:00' },
		]);
		const one = await bed.run(live('getGroups', { limit: 1 }));
		expect(one.items).toHaveLength(1);
		bed.fake.failNextWithRetCode(1, '900004');
		const { error } = await bed.run(live('getGroups'));
		expect(error?.message).toMatch(/^Sobot 900004/);
	});

	it('the skill group dropdown lists the groups by name', async () => {
		expect(await bed.loadOptions('getChatGroups')).toEqual([
			{ name: '售前咨询', value: CHAT_GROUP_ONLINE },
			{ name: '售后服务', value: CHAT_GROUP_OFFLINE },
		]);
	});
});

describe('live.getWorkingStatus', () => {
	it('posts the group and answers is_work as a boolean', async () => {
		const on = await bed.run(live('getWorkingStatus', { groupId: CHAT_GROUP_ONLINE, simplify: true }));
		expect(only(bed).body).toEqual({ groupid: CHAT_GROUP_ONLINE });
		expect(on.items[0].json).toEqual({ groupid: CHAT_GROUP_ONLINE, is_work: true });
		const off = await bed.run(live('getWorkingStatus', { groupId: CHAT_GROUP_OFFLINE }));
		expect(off.items[0].json.is_work).toBe(false);
	});

	it('an empty group stops the item before any request; an unknown group is Sobot error', async () => {
		const { error } = await bed.run(live('getWorkingStatus', { groupId: '={{ "" }}' }));
		expect(error?.message).toBe('"Skill Group" is empty');
		expect(bed.calls()).toHaveLength(0);
		const unknown = await bed.run(live('getWorkingStatus', { groupId: 'd9999999999999999999999999999999' }));
		expect(unknown.error?.message).toMatch(/^Sobot 400002/);
	});
});
