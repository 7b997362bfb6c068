/**
 * Fake Sobot customer centre (客户中心, `/api/crm/5/user/*`, BEYOND-TICKETS §1.7; source: the S-PHP
 * SDK). Answer shapes the source does not give are ASSUMPTIONs, as in the endpoint table: finders
 * answer `item` as a list (empty when none matches), save_user answers `item.userid`, times are
 * 'YYYY-MM-DD HH:mm:ss' China time. Mounted by FakeSobot (test/fakes/sobot.ts).
 */
import { randomBytes } from 'node:crypto';

import { FakeResponse, Route, RouteContext, formatCst, isRecord, parseCst, str } from './base';

export const SOBOT_CRM_PREFIX = '/api/crm/5/user';

export interface SobotContact {
	userid: string;
	user_nick: string;
	user_name: string;
	companyid: string;
	user_tels: string;
	user_emails: string;
	user_level: number;
	vip_level: string;
	user_status: number;
	partnerid: string;
	enterpriseid: string;
	enterprise_name: string;
	remark: string;
	user_label: string;
	create_agentid: string;
	update_agentid: string;
	create_datetime: string;
	update_datetime: string;
	extend_fields: Array<{ fieldid: string; field_value: string }>;
}

export const CONTACT_LEVEL_FIELD = 'f6000000000000000000000000000001'; // 会员等级 (dropdown)
export const CONTACT_BIRTHDAY_FIELD = 'f6000000000000000000000000000002'; // 生日 (date)

export class SobotContactsFake {
	readonly contacts = new Map<string, SobotContact>();
	enterprises = [
		{ enterpriseid: 'e7000000000000000000000000000001', enterprise_name: '上海云帆科技有限公司' },
		{ enterpriseid: 'e7000000000000000000000000000002', enterprise_name: '杭州青禾贸易有限公司' },
	];
	fields = [
		{
			fieldid: CONTACT_LEVEL_FIELD, field_name: '会员等级', field_type: 6, fill_flag: 0, open_flag: 1,
			field_data_list: [
				{ data_name: '银卡', data_value: '1' },
				{ data_name: '金卡', data_value: '2' },
			],
		},
		{ fieldid: CONTACT_BIRTHDAY_FIELD, field_name: '生日', field_type: 3, fill_flag: 0, open_flag: 1, field_data_list: [] },
	];
	vipLevels = [
		{ dataid: 'v1', data_name: '普通会员', data_value: '0' },
		{ dataid: 'v2', data_name: '高级会员', data_value: '1' },
	];

	constructor(private readonly hooks: { ok: (extra: Record<string, unknown>) => FakeResponse; ret: (code: string, msg?: string) => FakeResponse; companyId: string }) {}

	reset(): void {
		this.contacts.clear();
	}

	routes(): Route[] {
		const table: Array<[string, string, (c: RouteContext) => FakeResponse]> = [
			['GET', '/get_user_by_id', (c) => this.ok(this.find((contact) => contact.userid === str(c.req.query['userid'])), c.req.query['userid'])],
			['GET', '/get_user_by_tel', (c) => this.finder(c, 'user_tels', (contact, value) => contact.user_tels.split(';').includes(value))],
			['GET', '/get_user_by_email', (c) => this.finder(c, 'user_emails', (contact, value) => contact.user_emails.split(';').includes(value))],
			['GET', '/get_user_by_partnerid', (c) => this.finder(c, 'partnerid', (contact, value) => contact.partnerid === value)],
			['GET', '/query_users', (c) => this.queryUsers(c)],
			['POST', '/save_user', (c) => this.saveUser(c)],
			['POST', '/update_user', (c) => this.updateUser(c)],
			['GET', '/query_user_extend_fields', () => this.hooks.ok({ items: this.fields })],
			['GET', '/query_user_fixed_extend_fields', () => this.hooks.ok({ items: this.vipLevels })],
			['GET', '/query_enterprises', (c) => this.hooks.ok(page(this.enterprises, c.req.query, 15, 50))],
		];
		return table.map(([method, path, handler]) => ({ method, pattern: new RegExp('^' + SOBOT_CRM_PREFIX + path + '/?$'), handler }));
	}

	/** Inserts a contact (fields not given take defaults). */
	addContact(fields: Partial<SobotContact> = {}): SobotContact {
		const now = formatCst(Date.now());
		const contact: SobotContact = {
			userid: randomBytes(16).toString('hex'),
			user_nick: '访客',
			user_name: '',
			companyid: this.hooks.companyId,
			user_tels: '',
			user_emails: '',
			user_level: 0,
			vip_level: '0',
			user_status: 0,
			partnerid: '',
			enterpriseid: '',
			enterprise_name: '',
			remark: '',
			user_label: '',
			create_agentid: '',
			update_agentid: '',
			create_datetime: now,
			update_datetime: now,
			extend_fields: [],
			...fields,
		};
		this.contacts.set(contact.userid, contact);
		return contact;
	}

	/** Seeds `n` contacts with Chinese names, created a minute apart from `start` (ms). */
	seedContacts(n: number, start = Date.UTC(2024, 6, 1, 1, 0, 0)): SobotContact[] {
		const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
		const given = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军'];
		const out: SobotContact[] = [];
		for (let i = 0; i < n; i++) {
			const k = this.contacts.size + 1;
			const name = `${surnames[k % 10]}${given[(k * 3) % 10]}`;
			out.push(
				this.addContact({
					user_nick: name,
					user_name: name,
					user_tels: `139${String(10000000 + k).slice(-8)}`,
					user_emails: `user${k}@example.cn`,
					create_datetime: formatCst(start + i * 60_000),
					update_datetime: formatCst(start + i * 60_000),
				}),
			);
		}
		return out;
	}

	private find(match: (contact: SobotContact) => boolean): SobotContact[] {
		return [...this.contacts.values()].filter(match);
	}

	private view(contact: SobotContact): Record<string, unknown> {
		const { extend_fields: fields, ...rest } = contact;
		return { ...rest, extend_fields: fields.map((field) => ({ ...field, field_name: this.fields.find((f) => f.fieldid === field.fieldid)?.field_name ?? '' })) };
	}

	/** get_user_by_id: ASSUMPTION 400012 for an unknown customer. */
	private ok(found: SobotContact[], userid: unknown): FakeResponse {
		if (str(userid) === '') return this.hooks.ret('400001', 'userid不能为空');
		if (found.length === 0) return this.hooks.ret('400012', '客户不存在');
		return this.hooks.ok({ item: this.view(found[0]) });
	}

	private finder(c: RouteContext, param: string, match: (contact: SobotContact, value: string) => boolean): FakeResponse {
		const value = str(c.req.query[param]).trim();
		if (value === '') return this.hooks.ret('400001', `${param}不能为空`);
		return this.hooks.ok({ item: this.find((contact) => match(contact, value)).map((contact) => this.view(contact)) });
	}

	private queryUsers({ req }: RouteContext): FakeResponse {
		const q = req.query;
		const from = q['start_datetime'] ? parseCst(q['start_datetime']) : -Infinity;
		const to = q['end_datetime'] ? parseCst(q['end_datetime']) : Infinity;
		if (Number.isNaN(from) || Number.isNaN(to)) return this.hooks.ret('400001', 'start_datetime/end_datetime格式错误');
		const all = this.find((contact) => {
			const created = parseCst(contact.create_datetime);
			if (created < from || created > to) return false;
			if (q['user_nick'] && !contact.user_nick.includes(q['user_nick'])) return false;
			if (q['user_tels'] && !contact.user_tels.includes(q['user_tels'])) return false;
			if (q['user_emails'] && !contact.user_emails.includes(q['user_emails'])) return false;
			if (q['user_status'] !== undefined && String(contact.user_status) !== q['user_status']) return false;
			if (q['enterpriseid'] && contact.enterpriseid !== q['enterpriseid']) return false;
			return true;
		}).sort((a, z) => a.create_datetime.localeCompare(z.create_datetime));
		return this.hooks.ok(page(all.map((contact) => this.view(contact)), q, 15, 50));
	}

	private apply(contact: SobotContact, b: Record<string, unknown>): FakeResponse | undefined {
		for (const key of ['user_nick', 'user_name', 'user_tels', 'user_emails', 'vip_level', 'partnerid', 'remark', 'user_label'] as const) {
			if (b[key] !== undefined) contact[key] = str(b[key]);
		}
		if (b['user_level'] !== undefined) contact.user_level = Number(b['user_level']);
		if (b['user_status'] !== undefined) contact.user_status = Number(b['user_status']);
		if (b['enterprise_name'] !== undefined) {
			const name = str(b['enterprise_name']);
			let enterprise = this.enterprises.find((candidate) => candidate.enterprise_name === name);
			if (!enterprise) {
				enterprise = { enterpriseid: randomBytes(16).toString('hex'), enterprise_name: name };
				this.enterprises.push(enterprise);
			}
			contact.enterprise_name = name;
			contact.enterpriseid = enterprise.enterpriseid;
		}
		if (b['extend_field_params'] !== undefined) {
			if (!Array.isArray(b['extend_field_params'])) return this.hooks.ret('400001', 'extend_field_params格式错误');
			for (const entry of b['extend_field_params'] as unknown[]) {
				if (!isRecord(entry) || !this.fields.some((field) => field.fieldid === str(entry['fieldid']))) return this.hooks.ret('400006', '自定义字段不存在');
				contact.extend_fields = [...contact.extend_fields.filter((field) => field.fieldid !== str(entry['fieldid'])), { fieldid: str(entry['fieldid']), field_value: str(entry['field_value']) }];
			}
		}
		contact.update_datetime = formatCst(Date.now());
		return undefined;
	}

	/** save_user: matches by partnerid, else email, else phone (the documented order); otherwise creates. */
	private saveUser({ req }: RouteContext): FakeResponse {
		const b = isRecord(req.body) ? req.body : {};
		if (str(b['user_nick']).trim() === '') return this.hooks.ret('400001', 'user_nick不能为空');
		const first = (list: string) => str(b[list]).split(';')[0] ?? '';
		const existing =
			(str(b['partnerid']) !== '' ? this.find((contact) => contact.partnerid === str(b['partnerid']))[0] : undefined) ??
			(first('user_emails') !== '' ? this.find((contact) => contact.user_emails.split(';').includes(first('user_emails')))[0] : undefined) ??
			(first('user_tels') !== '' ? this.find((contact) => contact.user_tels.split(';').includes(first('user_tels')))[0] : undefined);
		const contact = existing ?? this.addContact();
		const error = this.apply(contact, b);
		if (error) {
			if (!existing) this.contacts.delete(contact.userid);
			return error;
		}
		return this.hooks.ok({ item: { userid: contact.userid } });
	}

	private updateUser({ req }: RouteContext): FakeResponse {
		const b = isRecord(req.body) ? req.body : {};
		const contact = this.contacts.get(str(b['userid']));
		if (!contact) return this.hooks.ret('400012', '客户不存在');
		return this.apply(contact, b) ?? this.hooks.ok({});
	}
}

function page<T>(all: T[], q: Record<string, string>, dfltSize: number, maxSize: number): Record<string, unknown> {
	let size = Number(q['page_size'] ?? dfltSize) || dfltSize;
	if (size > maxSize) size = maxSize;
	const no = Math.max(1, Number(q['page_no'] ?? 1) || 1);
	return { items: all.slice((no - 1) * size, no * size), page_no: no, page_count: Math.ceil(all.length / size), total_count: all.length, page_size: size };
}
