import * as get from './get.operation';
import * as getMany from './getMany.operation';
import { describeResource } from '../../../shared/properties';

/**
 * Online chats (在线聊天): `imchat/histories.json` and `imchat/chatrecords/{r_id}.json`, both
 * shapes of the answers read into one (fields.ts), with Simplify (simplify.ts).
 */
export const operations = { get, getMany };

export const description = describeResource('chat', operations);
