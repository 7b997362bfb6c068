export const BANGWO8_DEFAULT_BASE_URL = 'https://www.bangwo8.com/api/v1';

/** The vendor asks clients to stay at or below 100 records a page. */
export const BANGWO8_MAX_PAGE_SIZE = 100;

/**
 * The id field of the records under each list's root key (the first one present counts): keeps a
 * record that a shifting list shows on two pages from coming out twice. A group's `customers`
 * mix contacts and companies, whose ids are told apart by their field name.
 */
export const BANGWO8_RECORD_ID_FIELDS: Readonly<Record<string, string[]>> = {
	users: ['cId', 'userId'],
	companies: ['uId', 'companyId'],
	tickets: ['ticketId'],
	customergroups: ['groupId'],
	customers: ['cId', 'uId', 'userId', 'companyId'],
	user_fields: ['id', 'key'],
};
