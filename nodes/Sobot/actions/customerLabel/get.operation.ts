import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { customerIdsProperty, readCustomerIds } from '../customer/fields';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Get', description: 'Get the labels of one or more customers', action: 'Get the labels of customers' };

export const properties: INodeProperties[] = [customerIdsProperty];

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
