/** A lesson template with its {placeholders} as the engine's numbers: 4 significant digits, full precision on hover. */
import type { Resolver } from '../../lessons/expr';
import { fillTemplate } from '../../lessons/evaluate';
import { shownNumber as shown } from '../../lessons/shown';
import { formatFull } from '../../viz/color';

export function StepText({ template, resolver }: { template: string; resolver: Resolver | null }) {
  if (!resolver) return <>{template.replace(/\{[^}]*\}/g, '…')}</>;
  const { parts, values } = fillTemplate(template, resolver);
  return (
    <>
      {parts.map((part, k) => (
        <span key={k}>
          {part}
          {k < values.length && (values[k] === null
            ? <span className="lesson-number">…</span>
            : <span className="lesson-number" title={formatFull(values[k] as number)}>{shown(values[k] as number)}</span>)}
        </span>
      ))}
    </>
  );
}

/** Paragraphs of a text: blank lines separate them. */
export function StepParagraphs({ template, resolver }: { template: string; resolver: Resolver | null }) {
  return (
    <>
      {template.split(/\n\s*\n/).map((p, k) => <p key={k}><StepText template={p} resolver={resolver} /></p>)}
    </>
  );
}
