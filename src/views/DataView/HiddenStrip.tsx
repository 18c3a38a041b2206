/**
 * One small heatmap per hidden neuron: A1[i] over the same grid as the boundary, on one
 * shared scale ±max|A1| so the neurons compare (pixels from viz/field fieldPicture). Each is a
 * button that focuses its neuron.
 */
import { memo, useEffect, useRef } from 'react';
import { useT } from '../../i18n/index';
import { formatValue } from '../../viz/color';
import type { FieldPicture } from '../../viz/field';

interface UnitProps {
  readonly pixels: Uint8ClampedArray;
  readonly side: number;
  readonly index: number;
  readonly isFocused: boolean;
  readonly onPick: (index: number) => void;
}

const Unit = memo(function Unit({ pixels, side, index, isFocused, onPick }: UnitProps) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    if (canvas.width !== side) canvas.width = side;
    if (canvas.height !== side) canvas.height = side;
    const image = context.createImageData(side, side);
    image.data.set(pixels);
    context.putImageData(image, 0, 0);
  }, [pixels, side]);
  return (
    <li>
      <button
        type="button" className="dv-unit" aria-pressed={isFocused}
        aria-label={t('data.hiddenUnit', { index: index + 1 })} onClick={() => onPick(index)}
      >
        <canvas ref={canvasRef} className="dv-unit-canvas" aria-hidden="true" />
        <span className="dv-unit-name" aria-hidden="true">{`h${index + 1}`}</span>
      </button>
    </li>
  );
});

export interface HiddenStripProps {
  readonly field: FieldPicture;
  /** Hidden neurons in the network (the strip draws at most the first MAX_UNITS). */
  readonly total: number;
  /** Focused hidden neuron (0-based) or null. */
  readonly focus: number | null;
  readonly onPick: (index: number) => void;
}

export function HiddenStrip({ field, total, focus, onPick }: HiddenStripProps) {
  const t = useT();
  const shown = field.units.length;
  return (
    <section className="dv-hidden" aria-labelledby="dv-hidden-title">
      <h3 id="dv-hidden-title">{t('data.hiddenTitle')}</h3>
      <p className="dv-note">
        {t('data.hiddenScale', { extent: formatValue(field.unitExtent) })}
        {shown < total && ` ${t('data.hiddenFirst', { shown, total })}`}
      </p>
      <ul className="dv-units">
        {field.units.map((pixels, i) => (
          <Unit key={i} pixels={pixels} side={field.unitSide} index={i} isFocused={focus === i} onPick={onPick} />
        ))}
      </ul>
    </section>
  );
}
