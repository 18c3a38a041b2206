/** Declares one area's messages in English and 简体中文; the Chinese must cover every English key. */
export function defineMessages<const T extends Record<string, string>>(en: T, zh: { [K in keyof T]: string }) {
  return { en, 'zh-CN': zh } as const;
}

/** Replaces {name} placeholders with params. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
