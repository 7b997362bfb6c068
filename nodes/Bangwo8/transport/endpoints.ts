import type { IHttpRequestMethods } from 'n8n-workflow';

export interface Bangwo8Endpoint {
	method: IHttpRequestMethods;
	/** Path below the base URL (…/api/v1); `{name}` marks a path parameter. */
	path: string;
	/** The vendor notes mark this path as inferred from the API's Zendesk-like shape, not confirmed. */
	guessed?: true;
}

/**
 * Every Bangwo8 endpoint the package calls (VENDOR-NOTES "Endpoints"). Paths marked `guessed`
 * follow the confirmed ones' shape; a real account proving otherwise is a one-line fix here.
 */
export const BANGWO8_ENDPOINTS = {
	contactList: { method: 'GET', path: '/users.json' },
	contactGet: { method: 'GET', path: '/users/{id}.json', guessed: true },
	contactGetMany: { method: 'GET', path: '/users/show_many.json', guessed: true },
	contactSearch: { method: 'GET', path: '/users/search.json', guessed: true },
	contactCreate: { method: 'POST', path: '/users.json', guessed: true },
	contactUpdate: { method: 'PUT', path: '/users/{id}.json', guessed: true },
	contactDelete: { method: 'DELETE', path: '/users/{id}.json', guessed: true },
	contactDeleteMany: { method: 'DELETE', path: '/users/destroy_many.json', guessed: true },
	contactTickets: { method: 'GET', path: '/users/{id}/tickets.json' },

	companyList: { method: 'GET', path: '/companies.json', guessed: true },
	companyGet: { method: 'GET', path: '/companies/{id}.json' },
	companyGetMany: { method: 'GET', path: '/companies/show_many.json', guessed: true },
	companySearch: { method: 'GET', path: '/companies/search.json', guessed: true },
	companyCreate: { method: 'POST', path: '/companies.json', guessed: true },
	companyUpdate: { method: 'PUT', path: '/companies/{id}.json', guessed: true },
	companyDelete: { method: 'DELETE', path: '/companies/{id}.json', guessed: true },
	companyContacts: { method: 'GET', path: '/companies/{id}/users.json', guessed: true },
	companyTickets: { method: 'GET', path: '/companies/{id}/tickets.json' },

	customerGroupList: { method: 'GET', path: '/customergroups.json' },
	customerGroupGet: { method: 'GET', path: '/customergroups/{id}.json' },
	customerGroupGetMany: { method: 'GET', path: '/customergroups/show_many.json' },
	customerGroupCreate: { method: 'POST', path: '/customergroups.json' },
	customerGroupUpdate: { method: 'PUT', path: '/customergroups/{id}.json' },
	customerGroupDelete: { method: 'DELETE', path: '/customergroups/{id}.json', guessed: true },
	customerGroupCustomers: { method: 'GET', path: '/customergroups/{id}/customers.json', guessed: true },

	contactFieldList: { method: 'GET', path: '/user_fields.json', guessed: true },

	ticketList: { method: 'GET', path: '/tickets.json' },
	ticketGet: { method: 'GET', path: '/tickets/{id}.json' },
	ticketCreate: { method: 'POST', path: '/tickets.json' },
	ticketUpdate: { method: 'PUT', path: '/tickets/{id}.json' },
} satisfies Record<string, Bangwo8Endpoint>;

export type Bangwo8EndpointName = keyof typeof BANGWO8_ENDPOINTS;
