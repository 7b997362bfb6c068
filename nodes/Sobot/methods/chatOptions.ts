import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../transport';
import { byName } from '../../shared/properties';

/** Dropdowns of the online-chat resources (BEYOND-TICKETS §1.1). */

/** Skill groups of online chat (query_group). */
export async function getChatGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = sobotRecords(await sobotApiRequest.call(this, 'chatGroupList', { body: {} }));
	return groups
		.filter((group) => typeof group.groupid === 'string' && group.groupid !== '')
		.map((group) => ({ name: String(group.group_name ?? group.groupid), value: String(group.groupid) }))
		.sort(byName);
}
