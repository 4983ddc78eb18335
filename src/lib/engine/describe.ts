import type { Lang } from '../i18n/locales.ts';
import { chain, msg, t } from '../i18n/t.ts';
import type { Msg } from '../i18n/types.ts';
import { label } from './engine.ts';
import type { Engine } from './types.ts';

/**
 * What the device badge says, in `lang`: a short label, and a sentence for its tooltip and screen readers. The
 * reason is said from `steps` when the engine has them, else from the English `fallbackReason` as it is.
 */
export function describeEngine(engine: Pick<Engine, 'backend' | 'adapter' | 'fallbackReason' | 'steps'>, lang: Lang = 'en'): { short: string; long: string } {
  const name = label(engine.backend, lang);
  const a = engine.adapter;
  const where: Msg = a
    ? a.isSoftware ? msg('engine.where.softwareAdapter', { vendor: a.vendor, architecture: a.architecture }) : msg('engine.where.adapter', { vendor: a.vendor, architecture: a.architecture })
    : engine.backend === 'cpu' ? msg('engine.where.cpu') : msg('engine.where.webgl');
  const short = a?.isSoftware ? t(lang, 'engine.short.software', { backend: name }) : name;
  const reason = chain(engine.steps ?? []) ?? engine.fallbackReason;
  const long = reason ? t(lang, 'engine.longFallback', { backend: name, where, reason }) : t(lang, 'engine.long', { backend: name, where });
  return { short, long };
}
