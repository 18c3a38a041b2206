/**
 * Every message, merged from one module per area (src/i18n/messages/*.ts). To add an area,
 * write its module with defineMessages and list it in AREAS.
 */
import { app } from './messages/app';
import { equations } from './messages/equations';
import { code } from './messages/code';
import { matrices } from './messages/matrices';
import { chart } from './messages/chart';
import { controls } from './messages/controls';
import { data } from './messages/data';
import { network } from './messages/network';
import { config } from './messages/config';
import { configClasses } from './messages/configClasses';
import { race } from './messages/race';
import { prepare } from './messages/prepare';
import { lesson } from './messages/lesson';
import { handouts } from './messages/handouts';
import { present } from './messages/present';

const AREAS = [app, network, controls, chart, matrices, code, data, equations, config, configClasses, race, prepare, lesson, handouts, present] as const;

type Area = (typeof AREAS)[number];
type KeysOf<A> = A extends { en: infer E } ? keyof E : never;
export type MessageKey = KeysOf<Area> & string;
export type Locale = 'en' | 'zh-CN';

export const CATALOG: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...AREAS.map((a) => a.en)),
  'zh-CN': Object.assign({}, ...AREAS.map((a) => a['zh-CN'])),
};
