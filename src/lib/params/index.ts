export { ParamError, quote } from './param-error.ts';
export { parseInteger } from './integer.ts';
export { keywordText, parseKeyword } from './keyword.ts';
export { parseWeight, MAX_WEIGHT } from './number-cell.ts';
export { parsePadding, formatPadding, MAX_EXPLICIT_PADDING, type Padding } from './padding.ts';
