import type { IHttpRequestMethods } from 'n8n-workflow';

import type { RetryPolicy } from '../../shared/http';

export interface Bangwo8Endpoint {
	method: IHttpRequestMethods;
	/** Path below the base URL (…/api/v1); `{name}` marks a path parameter. */
	path: string;
	/**
	 * What may be re-sent after a failure (see `RetryPolicy`). Creates are `dedupe`: they carry a
	 * `Requestid` header that Bangwo8 uses to drop a repeated request (seed: 请求唯一ID, 用于防止
	 * 重复请求). Updates and deletes are `never`: whether Bangwo8 de-duplicates them is not
	 * documented, and a ticket update can add a reply.
	 */
	retry: RetryPolicy;
	/** The vendor notes mark this path as inferred from the API's Zendesk-like shape, not confirmed. */
	guessed?: true;
	/**
	 * For a list: the field that identifies its records (lists carry contacts as cId, companies as
	 * uId, …), by which a record repeated on a later page while the list shifted is kept once
	 * (`collectPages`). A list without it (a group's customers: companies or contacts) keeps every
	 * record.
	 */
	idField?: string;
}

/**
 * Every Bangwo8 endpoint the package calls (VENDOR-NOTES "Endpoints"). Paths marked `guessed`
 * follow the confirmed ones' shape; a real account proving otherwise is a one-line fix here.
 */
export const BANGWO8_ENDPOINTS = {
	contactList: { method: 'GET', path: '/users.json', retry: 'safe', idField: 'cId' },
	contactGet: { method: 'GET', path: '/users/{id}.json', guessed: true, retry: 'safe' },
	contactGetMany: { method: 'GET', path: '/users/show_many.json', guessed: true, retry: 'safe', idField: 'cId' },
	contactSearch: { method: 'GET', path: '/users/search.json', guessed: true, retry: 'safe', idField: 'cId' },
	contactCreate: { method: 'POST', path: '/users.json', guessed: true, retry: 'dedupe' },
	contactUpdate: { method: 'PUT', path: '/users/{id}.json', guessed: true, retry: 'never' },
	contactDelete: { method: 'DELETE', path: '/users/{id}.json', guessed: true, retry: 'never' },
	contactDeleteMany: { method: 'DELETE', path: '/users/destroy_many.json', guessed: true, retry: 'never' },
	contactTickets: { method: 'GET', path: '/users/{id}/tickets.json', retry: 'safe', idField: 'ticketId' },

	companyList: { method: 'GET', path: '/companies.json', guessed: true, retry: 'safe', idField: 'uId' },
	companyGet: { method: 'GET', path: '/companies/{id}.json', retry: 'safe' },
	companyGetMany: { method: 'GET', path: '/companies/show_many.json', guessed: true, retry: 'safe', idField: 'uId' },
	companySearch: { method: 'GET', path: '/companies/search.json', guessed: true, retry: 'safe', idField: 'uId' },
	companyCreate: { method: 'POST', path: '/companies.json', guessed: true, retry: 'dedupe' },
	companyUpdate: { method: 'PUT', path: '/companies/{id}.json', guessed: true, retry: 'never' },
	companyDelete: { method: 'DELETE', path: '/companies/{id}.json', guessed: true, retry: 'never' },
	companyContacts: { method: 'GET', path: '/companies/{id}/users.json', guessed: true, retry: 'safe', idField: 'cId' },
	companyTickets: { method: 'GET', path: '/companies/{id}/tickets.json', retry: 'safe', idField: 'ticketId' },

	customerGroupList: { method: 'GET', path: '/customergroups.json', retry: 'safe', idField: 'groupId' },
	customerGroupGet: { method: 'GET', path: '/customergroups/{id}.json', retry: 'safe' },
	customerGroupGetMany: { method: 'GET', path: '/customergroups/show_many.json', retry: 'safe', idField: 'groupId' },
	customerGroupCreate: { method: 'POST', path: '/customergroups.json', retry: 'dedupe' },
	customerGroupUpdate: { method: 'PUT', path: '/customergroups/{id}.json', retry: 'never' },
	customerGroupDelete: { method: 'DELETE', path: '/customergroups/{id}.json', guessed: true, retry: 'never' },
	customerGroupCustomers: { method: 'GET', path: '/customergroups/{id}/customers.json', guessed: true, retry: 'safe' },

	contactFieldList: { method: 'GET', path: '/user_fields.json', guessed: true, retry: 'safe', idField: 'id' },

	ticketList: { method: 'GET', path: '/tickets.json', retry: 'safe', idField: 'ticketId' },
	ticketGet: { method: 'GET', path: '/tickets/{id}.json', retry: 'safe' },
	ticketCreate: { method: 'POST', path: '/tickets.json', retry: 'dedupe' },
	ticketUpdate: { method: 'PUT', path: '/tickets/{id}.json', retry: 'never' },
	ticketTemplateList: { method: 'GET', path: '/tickettemplates.json', retry: 'safe', idField: 'tId' },
	ticketFieldList: { method: 'GET', path: '/tickets/ticket_fields.json', retry: 'safe', idField: 'id' },

	agentList: { method: 'GET', path: '/supports.json', retry: 'safe', idField: 'sId' },
	agentGet: { method: 'GET', path: '/supports/{id}.json', guessed: true, retry: 'safe' },

	// Online chats (服务记录 → 在线聊天, BEYOND-TICKETS §2.1): paths and query names read on the
	// vendor's page. ASSUMPTIONS a real account must confirm: the list answers `{ histories: […],
	// count, next_page }` and takes page/per_page like the other lists; starttime/endtime are
	// whole days (creation), zero-padded `YYYY-MM-DD` accepted; client_id is a contact's id; r_id is
	// numeric; chatrecords answers `{ chatrecords: […] }` (nodes/Bangwo8/actions/chat/fields.ts
	// reads other shapes too).
	chatList: { method: 'GET', path: '/imchat/histories.json', retry: 'safe', idField: 'r_id' },
	chatMessages: { method: 'GET', path: '/imchat/chatrecords/{id}.json', retry: 'safe' },
} satisfies Record<string, Bangwo8Endpoint>;

export type Bangwo8EndpointName = keyof typeof BANGWO8_ENDPOINTS;
