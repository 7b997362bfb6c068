import * as getCities from './getCities.operation';
import * as getDistricts from './getDistricts.operation';
import * as getProvinces from './getProvinces.operation';
import { describeResource } from '../../../shared/properties';

export const operations = { getCities, getDistricts, getProvinces };

export const description = describeResource('region', operations, 'getProvinces');
