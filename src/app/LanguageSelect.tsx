/** A labelled choice of the page's languages, each named in itself (the header's, the Share dialog's). */
import type { Locale } from '../i18n/index';

export function LanguageSelect({ label, value, onChange, className }: {
  label: string; value: Locale; onChange: (locale: Locale) => void; className?: string;
}) {
  return (
    <label className={className}>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as Locale)}>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </label>
  );
}
