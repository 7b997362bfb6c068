/**
 * Simplify for the Bangwo8 node (nodes/Bangwo8/simplify.ts), on the shapes of seed 000 (samples
 * copied verbatim) and of the fake (test/fakes/bangwo8.ts) for tickets.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resources } from '../../nodes/Bangwo8/actions/router';
import { readNamedNumber } from '../../nodes/Bangwo8/actions/fields';
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES, TICKET_TYPES } from '../../nodes/Bangwo8/actions/ticket/fields';
import {
	simplifyCompany,
	simplifyContact,
	simplifyContactField,
	simplifyCustomerGroup,
	simplifyGroupMember,
	simplifyTicket,
} from '../../nodes/Bangwo8/simplify';
import type { Bangwo8Company, Bangwo8Ticket } from '../fakes/bangwo8';

const SHANGHAI = { timezone: 'Asia/Shanghai' };
const NEW_YORK = { timezone: 'America/New_York' };

/** Seed 000, the users.json sample's entry. */
const CONTACT: IDataObject = {
	cId: '6454743',
	name: '',
	mobile: '',
	email: '',
	fixnumber: '',
	position: '',
	QQ: '',
	note: '',
	companyId: '0',
	supportId: '0',
	multiServiceList: '',
	default: '',
	service_groupid: '0',
	createDT: '2017-10-16 13:59:01',
	updateDT: '2023-03-18 06:50:48',
	tableName: '',
	uniqueId: '',
	custom_fields: [{ key: 'field_2', value: '0' }],
	state: '1',
};

/** Seed 000, the customergroups/{id}/customers.json sample's entry (a company). */
const GROUP_MEMBER: IDataObject = {
	uId: '2606877',
	companyName: '新公司',
	supportId: '0',
	servicestarttime: '0000-00-00',
	serviceendtime: '0000-00-00',
	serviceaccount: '',
	servicepassword: '',
	address: '',
	createDT: '2018-08-17 16:51:46',
	updateDT: '2023-03-18 06:50:30',
	custom_fields: [{ key: 'field_1', value: '' }],
};

describe('contacts (get, getByIds, getMany, search; company getContacts)', () => {
	it('simplifies the users.json entry of seed 000 and keeps every field (Asia/Shanghai)', () => {
		expect(simplifyContact(CONTACT, SHANGHAI)).toEqual({
			...CONTACT,
			createDT: '2017-10-16T13:59:01.000+08:00',
			updateDT: '2023-03-18T06:50:48.000+08:00',
			custom_fields: { field_2: '0' },
			state: 'Active',
		});
	});

	it('renders createDT / updateDT in the workflow zone (America/New_York)', () => {
		const simplified = simplifyContact(CONTACT, NEW_YORK);
		expect(simplified.createDT).toBe('2017-10-16T01:59:01.000-04:00');
		expect(simplified.updateDT).toBe('2023-03-17T18:50:48.000-04:00');
	});

	it.each([
		['1', 'Active'],
		['2', 'Left'],
		['3', 'Deleted'],
		['9', '9'],
	])('state %p → %p', (code, expected) => {
		expect(simplifyContact({ state: code }, SHANGHAI).state).toBe(expected);
	});

	it('the single-record shape of seed 000 (userId, createrId) too', () => {
		const { cId, ...rest } = CONTACT;
		const user = { userId: cId, ...rest, createrId: '520177', state: '3' };
		expect(simplifyContact(user, SHANGHAI)).toEqual({
			...user,
			createDT: '2017-10-16T13:59:01.000+08:00',
			updateDT: '2023-03-18T06:50:48.000+08:00',
			custom_fields: { field_2: '0' },
			state: 'Deleted',
		});
	});

	it('custom fields: several become one object; a list that is not all {key, value} stays a list', () => {
		const fields = [
			{ key: 'field_1', value: 'VIP' },
			{ key: 'field_2', value: '1' },
		];
		expect(simplifyContact({ custom_fields: fields }, SHANGHAI).custom_fields).toEqual({ field_1: 'VIP', field_2: '1' });
		const odd = [{ key: 'field_1', value: 'VIP' }, { value: 'no key' }];
		expect(simplifyContact({ custom_fields: odd }, SHANGHAI).custom_fields).toEqual(odd);
		expect(simplifyContact({ custom_fields: [] }, SHANGHAI).custom_fields).toEqual({});
	});
});

describe('companies (get, getByIds, getMany, search)', () => {
	const company: Bangwo8Company = {
		uId: '2606877',
		companyName: '北京智达科技',
		province: '北京',
		city: '北京',
		supportId: '0',
		servicestarttime: '2024-01-01',
		serviceendtime: '0000-00-00',
		serviceCharge: '',
		serviceaccount: '',
		servicepassword: '',
		address: '',
		userURL: '',
		serveNote: '',
		multiServiceList: '',
		service_groupid: '0',
		createDT: '2023-01-01 09:00:00',
		updateDT: '2023-01-01 09:00:00',
		tableName: '',
		custom_fields: [{ key: 'field_1', value: 'A' }],
	};

	it('times, the service period (a day stays a day, the zero date is not set), custom fields', () => {
		expect(simplifyCompany(company as unknown as IDataObject, NEW_YORK)).toEqual({
			...company,
			createDT: '2022-12-31T20:00:00.000-05:00',
			updateDT: '2022-12-31T20:00:00.000-05:00',
			servicestarttime: '2024-01-01',
			serviceendtime: null,
			custom_fields: { field_1: 'A' },
		});
	});
});

describe('customer groups (get, getByIds, getMany; getCustomers)', () => {
	it.each([
		[{ groupId: '12090', groupName: 'trigger', type: '1' }, 'Company Group'],
		[{ groupId: '10795', groupName: '群英荟萃', type: '2' }, 'Contact Group'],
		[{ groupId: '1', groupName: 'x', type: '7' }, '7'],
	])('%p → type %p', (group, name) => {
		expect(simplifyCustomerGroup(group, SHANGHAI)).toEqual({ ...group, type: name });
	});

	it('getCustomers: the customers.json entry of seed 000 (a company)', () => {
		expect(simplifyGroupMember(GROUP_MEMBER, SHANGHAI)).toEqual({
			...GROUP_MEMBER,
			servicestarttime: null,
			serviceendtime: null,
			createDT: '2018-08-17T16:51:46.000+08:00',
			updateDT: '2023-03-18T06:50:30.000+08:00',
			custom_fields: { field_1: '' },
		});
	});

	it('getCustomers: a contact member gets its state named', () => {
		expect(simplifyGroupMember(CONTACT, SHANGHAI)).toEqual(simplifyContact(CONTACT, SHANGHAI));
	});
});

describe('contact fields (getMany)', () => {
	it('system as a boolean, options kept', () => {
		const field = {
			id: '102',
			name: '是否续约',
			key: 'field_2',
			type: '5',
			system: '0',
			custom_field_options: [
				{ id: '1', name: '否', value: '0' },
				{ id: '2', name: '是', value: '1' },
			],
		};
		expect(simplifyContactField(field, SHANGHAI)).toEqual({ ...field, system: false });
		expect(simplifyContactField({ id: '1', name: '姓名', key: 'name', type: '2', system: '1', custom_field_options: [] }, SHANGHAI).system).toBe(true);
	});
});

describe('tickets (get, getMany, getByContact, getByCompany)', () => {
	const ticket: Bangwo8Ticket = {
		ticketId: '1000001',
		subject: '产品咨询',
		descript: '',
		ticketSource: '7',
		ticketType: '1',
		priorityLevel: '2',
		ticketStatus: '1',
		custUserId: '6454743',
		agentId: '0',
		createrId: '0',
		servicerUserId: '520177',
		servicerGroupId: '0',
		ccUserIdList: '',
		ccGroupIdList: '',
		ticketTemplateId: '0',
		tagList: 'vip,printer',
		companyId: '0',
		createDT: '2023-01-01 09:00:00',
		updateDT: '2023-03-18 06:50:48',
		custom_fields: [{ key: 'field_3', value: 'HP-1020' }],
		tables: [],
		ticketReply: [{ replyMsg: '你好,我想咨询下帮我吧产品', createDT: '2023-01-01 09:00:00' }],
	};

	it('times (replies too), status / priority / type / source named, custom fields', () => {
		expect(simplifyTicket(ticket as unknown as IDataObject, SHANGHAI)).toEqual({
			...ticket,
			ticketSource: 'API',
			ticketType: 'Question',
			priorityLevel: 'Normal',
			ticketStatus: 'New',
			createDT: '2023-01-01T09:00:00.000+08:00',
			updateDT: '2023-03-18T06:50:48.000+08:00',
			custom_fields: { field_3: 'HP-1020' },
			ticketReply: [{ replyMsg: '你好,我想咨询下帮我吧产品', createDT: '2023-01-01T09:00:00.000+08:00' }],
		});
	});

	it('a reply given as one object gets its time converted too (America/New_York)', () => {
		expect(simplifyTicket({ ticketReply: { replyMsg: 'hi', createDT: '2023-01-01 09:00:00' } }, NEW_YORK).ticketReply).toEqual({
			replyMsg: 'hi',
			createDT: '2022-12-31T20:00:00.000-05:00',
		});
	});

	it.each([
		['ticketStatus', TICKET_STATUSES],
		['priorityLevel', TICKET_PRIORITIES],
		['ticketType', TICKET_TYPES],
		['ticketSource', TICKET_SOURCES],
	])('%s: every named number of actions/ticket/fields.ts is named, and the name reads back as its number', (key, choices) => {
		// readNamedNumber is what Ticket → Update uses: the simplified value can be given back.
		const context = { getNode: () => ({ name: 'Bangwo8' }) } as unknown as IExecuteFunctions;
		for (const choice of choices) {
			const name = simplifyTicket({ [key]: String(choice.value) }, SHANGHAI)[key];
			expect(name).toBe(choice.name);
			expect(readNamedNumber(context, name, key, choices, 0)).toBe(String(choice.value));
		}
	});

	it.each([
		['ticketStatus', '7'],
		['priorityLevel', '0'],
		['ticketType', '5'],
		['ticketSource', '6'], // 6 is not on the vendor's list
	])('undocumented %s %p keeps its code', (key, code) => {
		expect(simplifyTicket({ [key]: code }, SHANGHAI)[key]).toBe(code);
	});
});

describe('every Bangwo8 simplifier', () => {
	// Every simplifier an operation of the node offers (its module's `simplify`).
	const all = Object.entries(resources).flatMap(([resource, operations]) =>
		Object.entries(operations).flatMap(([operation, module]) =>
			module.simplify ? [[`${resource}.${operation}`, module.simplify] as const] : [],
		),
	);

	const odd: IDataObject[] = [
		{},
		{ createDT: 'soon', updateDT: 1.5e20, state: {}, type: [], system: 'maybe' },
		{ custom_fields: 'x', ticketReply: 'x', ticketStatus: null, servicestarttime: '2024-13-45' },
		{ custom_fields: [{ key: '__proto__', value: { polluted: true } }], ticketReply: [null, 1] },
	];

	it.each(all)('%s never throws, never mutates its input, keeps every key', (_name, simplify) => {
		for (const record of [...odd, CONTACT, GROUP_MEMBER]) {
			const before = JSON.stringify(record);
			const simplified = simplify(record, NEW_YORK);
			expect(JSON.stringify(record)).toBe(before);
			for (const key of Object.keys(record)) expect(simplified).toHaveProperty([key]);
			expect(({} as IDataObject).polluted).toBeUndefined();
		}
	});
});
