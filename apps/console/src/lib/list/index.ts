export { pageOf, useListParams } from './list-params';
