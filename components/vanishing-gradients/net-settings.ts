/** `<fm-vanishing-gradients>`'s attributes: the network spec (src/lib/nets) plus the read-out layer. */
import { DEFAULT_NET, NET_PARSERS, type NetSpec } from '@lib/nets/plain-net.ts';

export const NET_ATTRS = ['depth', 'width', 'activation', 'init', 'seed', 'architecture'] as const;
export type NetAttr = (typeof NET_ATTRS)[number];
export { DEFAULT_NET, NET_PARSERS, type NetSpec };

/** Applies one attribute to a spec (throws a ParamError for the reader); `null` restores the default. */
export function withNetAttribute(spec: NetSpec, name: NetAttr, raw: string | null): NetSpec {
  return { ...spec, [name]: raw === null ? DEFAULT_NET[name] : NET_PARSERS[name](raw) };
}
