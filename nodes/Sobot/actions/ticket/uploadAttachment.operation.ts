import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { sobotApiRequest, sobotRecords } from '../../transport';
import { fail } from '../../helpers/validation';
import type { OperationOption } from '../../../shared/router';

export const option: OperationOption = { name: 'Upload Attachment', description: 'Upload a file from binary data and get its URL, to attach to a ticket or a reply', action: 'Upload an attachment' };

export const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to upload',
	},
];

/**
 * upload_file (multipart, field `file`): answers `item.file_url`, to give to a ticket's or a
 * reply's Attachment URLs.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (binaryPropertyName === '') fail(this, itemIndex, '"Input Binary Field" cannot be empty');
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const fileName = binary.fileName || `attachment${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const response = await sobotApiRequest.call(this, 'ticketUploadFile', {
		multipart: { files: [{ field: 'file', fileName, mimeType: binary.mimeType, data }] },
		itemIndex,
	});
	const [item] = sobotRecords(response);
	const result: IDataObject = { file_name: fileName, mime_type: binary.mimeType, file_size: data.length, ...(item ?? {}) };
	if (typeof response.item === 'string') result.file_url = response.item;
	return result;
}
