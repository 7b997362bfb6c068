/** Contact resource (Sobot customer centre, /api/crm/5/user) in n8n's engine against the fake Sobot. */
import type { IDataObject } from 'n8n-workflow';

import { CONTACT_BIRTHDAY_FIELD, CONTACT_LEVEL_FIELD, SOBOT_CRM_PREFIX } from '../fakes/sobotContacts';
import { only, useSobot } from './helpers';

const bed = useSobot();
beforeAll(() => {
	bed.engine.timezone = 'Asia/Shanghai';
});
afterAll(() => {
	bed.engine.timezone = undefined;
});
const contact = (operation: string, parameters: IDataObject = {}) => ({ resource: 'contact', operation, ...parameters });
const centre = () => bed.fake.customerCentre;

describe('contact.upsert (save_user)', () => {
	it('creates a contact with every field, custom fields picked, and returns it as it now is', async () => {
		const { items, error } = await bed.run(
			contact('upsert', {
				user_nick: '娜娜',
				additionalFields: {
					user_name: '李娜',
					user_tels: '13800138000, 13900139000',
					user_emails: 'li.na@example.cn',
					user_level: 1,
					vip_level: '1',
					user_status: 0,
					contactLabels: '老客户，投诉',
					enterprise_name: '上海云帆科技有限公司',
					partnerid: 'shop-user-10086',
					remark: '喜欢电话联系',
					customFieldsUi: { customFieldValues: [{ fieldid: CONTACT_LEVEL_FIELD, options: ['2'], field_value: '' }, { fieldid: CONTACT_BIRTHDAY_FIELD, field_value: '1990-05-01' }] },
				},
			}),
		);
		expect(error).toBeUndefined();
		const [save, read] = bed.calls();
		expect([save.method, save.path]).toEqual(['POST', `${SOBOT_CRM_PREFIX}/save_user`]);
		expect(save.body).toEqual({
			user_nick: '娜娜',
			user_name: '李娜',
			user_tels: '13800138000;13900139000',
			user_emails: 'li.na@example.cn',
			user_level: 1,
			vip_level: '1',
			user_status: 0,
			user_label: '老客户,投诉',
			enterprise_name: '上海云帆科技有限公司',
			partnerid: 'shop-user-10086',
			remark: '喜欢电话联系',
			extend_field_params: [
				{ fieldid: CONTACT_LEVEL_FIELD, field_value: '2' },
				{ fieldid: CONTACT_BIRTHDAY_FIELD, field_value: '1990-05-01' },
			],
		});
		expect(read.path).toBe(`${SOBOT_CRM_PREFIX}/get_user_by_id`);
		expect(items[0].json).toMatchObject({ user_nick: '娜娜', user_level: 1, user_status: 0, enterpriseid: 'e7000000000000000000000000000001' });
		// Read back with Simplify: codes named, times ISO, custom fields as an object.
		const got = await bed.run(contact('get', { contactId: items[0].json.userid as string, simplify: true }));
		expect(got.items[0].json).toMatchObject({
			user_level: 'VIP',
			user_status: 'Normal',
			custom_fields: { [CONTACT_LEVEL_FIELD]: '2', [CONTACT_BIRTHDAY_FIELD]: '1990-05-01' },
		});
		expect(String(got.items[0].json.create_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+08:00$/);
	});

	it('matches an existing contact by partner ID before email and phone (no duplicate)', async () => {
		const byPartner = centre().addContact({ user_nick: '甲', partnerid: 'p-1' });
		centre().addContact({ user_nick: '乙', user_emails: 'b@example.cn' });
		const { items } = await bed.run(contact('upsert', { user_nick: '甲二', additionalFields: { partnerid: 'p-1', user_emails: 'b@example.cn' } }));
		expect(items[0].json.userid).toBe(byPartner.userid);
		expect(centre().contacts.size).toBe(2);
	});

	it('an empty nickname or a bad email stops the item before any request', async () => {
		expect((await bed.run(contact('upsert', { user_nick: '={{ "" }}' }))).error?.message).toBe('"Nickname" cannot be empty');
		expect((await bed.run(contact('upsert', { user_nick: 'x', additionalFields: { user_emails: 'not-an-email' } }))).error?.message).toBe(
			'"Emails" contains an address that is not one: "not-an-email"',
		);
		expect(bed.calls()).toHaveLength(0);
	});

	it('an unknown custom field is refused by Sobot: the error names its code; nothing is re-sent', async () => {
		const { error } = await bed.run(contact('upsert', { user_nick: 'x', additionalFields: { customFieldsJson: '[{"fieldid":"nope","field_value":"1"}]' } }));
		expect(error?.message).toMatch(/^Sobot 400006/);
		expect(bed.calls()).toHaveLength(1);
	});
});

describe('contact.update, get, search', () => {
	it('update sends userid and the changes, then returns the contact', async () => {
		const existing = centre().addContact({ user_nick: '王伟' });
		const { items, error } = await bed.run(contact('update', { contactId: existing.userid, updateFields: { user_status: 1, user_nick: '王伟(黑)' } }));
		expect(error).toBeUndefined();
		expect(bed.calls()[0].body).toEqual({ userid: existing.userid, user_status: 1, user_nick: '王伟(黑)' });
		expect(items[0].json).toMatchObject({ userid: existing.userid, user_status: 1, user_nick: '王伟(黑)' });
	});

	it('update with nothing to change is refused; an unknown contact names the Sobot code', async () => {
		const existing = centre().addContact();
		expect((await bed.run(contact('update', { contactId: existing.userid, updateFields: {} }))).error?.message).toBe('Add at least one field under "Update Fields"');
		const unknown = await bed.run(contact('update', { contactId: 'ffff0000', updateFields: { remark: 'x' } }));
		expect(unknown.error?.message).toMatch(/^Sobot 400012/);
	});

	it('get by ID (a locator value); an unknown ID is the Sobot error', async () => {
		const existing = centre().addContact({ user_nick: '张敏' });
		const { items } = await bed.run(contact('get', { contactId: { __rl: true, mode: 'id', value: existing.userid } }));
		expect(only(bed).query).toEqual({ userid: existing.userid });
		expect(items[0].json.user_nick).toBe('张敏');
		expect((await bed.run(contact('get', { contactId: 'ffff0000' }))).error?.message).toMatch(/^Sobot 400012/);
	});

	it.each([
		['phone', '13700137000', 'get_user_by_tel', 'user_tels'],
		['email', 'zhao@example.cn', 'get_user_by_email', 'user_emails'],
		['partnerId', 'crm-42', 'get_user_by_partnerid', 'partnerid'],
	])('search by %s asks %s', async (findBy, value, endpoint, param) => {
		centre().addContact({ user_nick: '赵静', user_tels: '13700137000', user_emails: 'zhao@example.cn', partnerid: 'crm-42' });
		const { items } = await bed.run(contact('search', { findBy, value }));
		const request = only(bed);
		expect([request.path, request.query]).toEqual([`${SOBOT_CRM_PREFIX}/${endpoint}`, { [param]: value }]);
		expect(items.map((item) => item.json.user_nick)).toEqual(['赵静']);
	});

	it('search with no match gives no items; several values are refused before any request', async () => {
		expect((await bed.run(contact('search', { findBy: 'phone', value: '10000000000' }))).items).toHaveLength(0);
		bed.fake.clearRequests();
		expect((await bed.run(contact('search', { findBy: 'phone', value: '1,2' }))).error?.message).toBe('"Value" holds several entries: "1,2"');
		expect(bed.calls()).toHaveLength(0);
	});
});

describe('contact.getMany (query_users)', () => {
	it('Return All pages through every contact (50 a page), each once', async () => {
		centre().seedContacts(120);
		const { items } = await bed.run(contact('getMany', { returnAll: true, parallelRequests: 1, filters: {} }));
		expect(items).toHaveLength(120);
		expect(new Set(items.map((item) => item.json.userid)).size).toBe(120);
		expect(bed.calls().map((request) => request.query.page_no)).toEqual(['1', '2', '3']);
	});

	it('Limit asks for no more than it needs; filters go out, created times in the account zone', async () => {
		centre().seedContacts(30);
		const { items } = await bed.run(
			contact('getMany', { limit: 5, filters: { user_status: 0, user_nick: '李', start_datetime: '2024-07-01T09:00:00', end_datetime: '2024-07-01T12:00:00' } }),
		);
		expect(only(bed).query).toMatchObject({ user_status: '0', user_nick: '李', start_datetime: '2024-07-01 09:00:00', end_datetime: '2024-07-01 12:00:00', page_no: '1' });
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThanOrEqual(5);
	});

	it('a Sobot error names its code; a start after the end is refused before any request', async () => {
		bed.fake.failNextWithRetCode(1, '900004');
		expect((await bed.run(contact('getMany', { filters: {} }))).error?.message).toMatch(/^Sobot 900004/);
		bed.fake.clearRequests();
		const { error } = await bed.run(contact('getMany', { filters: { start_datetime: '2024-07-02', end_datetime: '2024-07-01' } }));
		expect(error?.message).toBe('"Created After" is later than "Created Before"');
		expect(bed.calls()).toHaveLength(0);
	});
});

describe('contact pickers', () => {
	it('custom fields (required marked), their options, VIP levels and enterprises load from Sobot', async () => {
		expect(await bed.loadOptions('getContactFields')).toEqual([
			{ name: '会员等级', value: CONTACT_LEVEL_FIELD },
			{ name: '生日', value: CONTACT_BIRTHDAY_FIELD },
		]);
		expect(
			await bed.loadOptions('getContactFieldOptions', { additionalFields: { customFieldsUi: { customFieldValues: [{ fieldid: CONTACT_LEVEL_FIELD }] } } }, 'parameters.additionalFields.customFieldsUi.customFieldValues[0].options'),
		).toEqual([
			{ name: '银卡', value: '1' },
			{ name: '金卡', value: '2' },
		]);
		expect((await bed.loadOptions('getContactVipLevels')).map((option) => option.name)).toEqual(['普通会员', '高级会员']);
		expect((await bed.loadOptions('getContactEnterprises')).length).toBe(2);
	});

	it('the Contact locator searches by phone, email or nickname and pages on', async () => {
		centre().seedContacts(60);
		const first = await bed.listSearch('searchContacts');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await bed.listSearch('searchContacts', undefined, '2');
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		bed.fake.clearRequests();
		await bed.listSearch('searchContacts', 'user3@example.cn');
		await bed.listSearch('searchContacts', '139 1000 0003');
		await bed.listSearch('searchContacts', '王');
		expect(bed.calls().map((request) => [request.query.user_emails, request.query.user_tels, request.query.user_nick])).toEqual([
			['user3@example.cn', undefined, undefined],
			[undefined, '13910000003', undefined],
			[undefined, undefined, '王'],
		]);
	});
});
