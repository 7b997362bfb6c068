import { NodeOperationError, type ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { CHINA_TIME_ZONE, zoneOffsetMs } from '../../shared/time';
import { sobotBaseUrl } from './token';

/**
 * The time zone a Sobot account writes its zone-less times in ('YYYY-MM-DD HH:mm:ss': the ticket
 * centre's date filters and ticket times, label times): the credential's Account Time Zone, or
 * when it is empty the zone of the account's data centre. Bangwo8 (China only) always uses China
 * time; only Sobot has data centres abroad.
 */

/** The credential field and its label (error messages name it as the user sees it). */
export const SOBOT_TIME_ZONE_FIELD = 'timeZone';
export const SOBOT_TIME_ZONE_LABEL = 'Account Time Zone';

/**
 * Zone of each data centre, by host (a Custom URL on one of these hosts gets its zone too; any
 * other Custom URL gets China time, as Sobot is a Chinese service).
 */
export const SOBOT_DATA_CENTRE_ZONES: Readonly<Record<string, string>> = {
	'www.sobot.com': CHINA_TIME_ZONE,
	'www.soboten.com': CHINA_TIME_ZONE,
	// UTC+8 too, without daylight saving.
	'sg.sobot.io': 'Asia/Singapore',
	// ASSUMPTION: neither the seed nor any public SDK says which zone the North America data centre
	// writes its times in; US Pacific time (with daylight saving) is taken as the most likely. An
	// account that shows otherwise sets Account Time Zone (e.g. America/New_York, or UTC).
	'us.sobot.com': 'America/Los_Angeles',
};

function hostOf(url: string): string {
	try {
		return new URL(url).hostname.toLowerCase();
	} catch {
		return '';
	}
}

/** The zone of the credential's data centre (Account Time Zone left empty). */
export function dataCentreTimeZone(credentials: ICredentialDataDecryptedObject): string {
	const base = sobotBaseUrl({ dataCenter: String(credentials.dataCenter ?? ''), customUrl: String(credentials.customUrl ?? '') });
	return SOBOT_DATA_CENTRE_ZONES[hostOf(base)] ?? CHINA_TIME_ZONE;
}

/** The Account Time Zone the credential gives ('' when empty). */
function givenTimeZone(credentials: ICredentialDataDecryptedObject): string {
	const raw = credentials[SOBOT_TIME_ZONE_FIELD];
	return typeof raw === 'string' ? raw.trim() : '';
}

/**
 * The account's zone from the credential: Account Time Zone when given (an IANA name, e.g.
 * America/Los_Angeles; returned in Intl's spelling, so `asia/shanghai` is Asia/Shanghai), else the
 * data centre's. Undefined when the given zone is not one Intl knows: never silently UTC.
 */
export function sobotTimeZone(credentials: ICredentialDataDecryptedObject): string | undefined {
	const given = givenTimeZone(credentials);
	if (given === '') return dataCentreTimeZone(credentials);
	try {
		zoneOffsetMs(Date.now(), given);
		return new Intl.DateTimeFormat('en-US', { timeZone: given }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

/**
 * The account's zone for a node run (see {@link sobotTimeZone}); a zone that is not known stops
 * the run with the credential field named.
 */
export async function accountTimeZone(context: RequestContext, itemIndex?: number): Promise<string> {
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>('sobotApi', itemIndex);
	const timeZone = sobotTimeZone(credentials);
	if (timeZone !== undefined) return timeZone;
	throw new NodeOperationError(
		context.getNode(),
		`The Sobot credential's "${SOBOT_TIME_ZONE_LABEL}" is not a known time zone: "${givenTimeZone(credentials)}"`,
		{
			itemIndex,
			description:
				'Open the Sobot credential and give an IANA time zone name such as America/Los_Angeles or Asia/Shanghai, or leave the field empty for the zone of the data centre.',
		},
	);
}
