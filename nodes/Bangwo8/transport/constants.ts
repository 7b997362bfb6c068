export const BANGWO8_DEFAULT_BASE_URL = 'https://www.bangwo8.com/api/v1';

/** The vendor asks clients to stay at or below 100 records a page. */
export const BANGWO8_MAX_PAGE_SIZE = 100;

