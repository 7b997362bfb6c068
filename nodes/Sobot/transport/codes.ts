/**
 * Sobot answers every call with HTTP 200 and a `ret_code`; anything but `000000` is an error.
 * Meanings from the seed's section 5 and from the vendor notes.
 */
export const SOBOT_SUCCESS_CODE = '000000';

/** The token is missing or no longer valid: fetch a new one and retry once. */
export const SOBOT_TOKEN_EXPIRED_CODES: ReadonlySet<string> = new Set(['900001', '900002']);

export const SOBOT_RET_CODES: Readonly<Record<string, string>> = {
	'900001': 'token is empty',
	'900002': 'token is invalid or has expired',
	'900003': 'signature is wrong: check the App ID and App Key',
	'900004': 'no API configuration found for this company: check the App ID and the data centre',
	'999999': 'unknown system error on the Sobot side',
	'700046': 'your Sobot plan does not include API access',
	'510001': 'label group does not exist',
	'510002': 'label group name already exists',
	'510003': 'label name already exists',
	'510004': 'label parameter name already exists, or the label no longer exists',
	'510005': 'label group name cannot be empty',
	'510006': 'label name cannot be empty',
	'510007': 'name cannot be longer than 30 characters',
	'510008': 'parameter name cannot be longer than 30 characters',
};

/** What Sobot says with 999999 when it says nothing more ("unknown system exception"). */
const GENERIC_999999_MESSAGE = '系统未知异常';

/** English meaning of a Sobot `ret_code`, falling back to Sobot's own (often Chinese) message. */
export function describeSobotCode(code: string, retMsg?: unknown): string {
	const vendorMessage = typeof retMsg === 'string' && retMsg.trim() !== '' ? retMsg.trim() : '';
	// 999999 is Sobot's catch-all: its own message says more than "unknown error" (unless it is
	// the generic 系统未知异常 itself).
	if (code === '999999' && vendorMessage !== '' && vendorMessage !== GENERIC_999999_MESSAGE) {
		return `${vendorMessage} (Sobot's own message for its catch-all code)`;
	}
	const known = SOBOT_RET_CODES[code];
	if (known) return known;
	if (code.startsWith('5001')) return `blacklist error${vendorMessage ? ` (${vendorMessage})` : ''}`;
	return vendorMessage || 'unknown error';
}

/** The message every Sobot error carries, e.g. `Sobot 510002: label group name already exists`. */
export function sobotErrorMessage(code: string, retMsg?: unknown): string {
	return `Sobot ${code}: ${describeSobotCode(code, retMsg)}`;
}
