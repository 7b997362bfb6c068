import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { customerIdsProperty, readCustomerIds } from '../customer/fields';

const properties: INodeProperties[] = [customerIdsProperty];

export const description = updateDisplayOptions({ show: { resource: ['customerLabel'], operation: ['get'] } }, properties);

/**
 * 2.10 label/userlabels: the business labels of one or many customers, one output item per
 * customer (`userid`, `label_set`). The body is the bare JSON array of ids, as in the seed's curl
 * (the parameter table's `ids` String gives no envelope).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const ids = readCustomerIds(this, itemIndex);
	const response = await sobotApiRequest.call(this, 'customerLabelsGet', { body: ids as unknown as IDataObject[], itemIndex });
	return sobotRecords(response);
}
