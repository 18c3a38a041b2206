/**
 * The SVG diagram, in three stacked layers: the marks (neurons and edges, cross-faded between
 * phases), the flow over them, and the text on top. React renders every element; viz/network
 * computes positions and paths. Events are delegated to the marks' <svg>: each focusable mark
 * carries data-target (its key).
 */
import { useCallback, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useT } from '../../i18n/index';
import { selectFocusEdge, selectFocusNeuron, useAfterPaint, useAppStore, type AppState } from '../../store/index';
import { formatValue } from '../../viz/color';
import { arrowPath, minDrawingWidth, columnsHeight, edgePath, layoutNetwork, pointAlong, strokeWidthScale, type LayerSizes, type Point, type PrerenderedScreen } from '../../viz/network';
import { LossNote, NeuronValue, type LabelSide } from './labels';
import { CrossFade } from './CrossFade';
import { Flow } from './Flow';
import { Edge, Neuron } from './marks';
import { edgeKey, neuronKey, type EdgeModel, type NetworkModel, type NeuronModel } from './model';
import { nextKey, parseKey } from './navigation';
import { Tooltip } from './Tooltip';
import { HANDOUT_LAYER } from './handout';

const selectSetFocusNeuron = (s: AppState) => s.setFocusNeuron;
const selectSetFocusEdge = (s: AppState) => s.setFocusEdge;

/** Above this many edges, edges leave the Tab order and are reached with the arrow keys. */
const MAX_TABBABLE_EDGES = 64;
const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

interface DiagramProps {
  model: NetworkModel;
  sizes: LayerSizes;
  width: number;
  /** How long the marks take to cross-fade into a new model (phase or sample); 0 for at once, and no flow. */
  fadeMs: number;
  /** Text at this multiple of its usual size in the drawing (see fitDiagram); 1 in the studio. */
  labelScale?: number;
  /**
   * The drawing's scale on the page, when its box sets only its width (the studio): the drawing's
   * height is then set, not derived from the box's width, so that the prerendered page (drawn at a
   * guessed width) takes the same height as the page hydrated at the real width, and nothing
   * below it moves when the measured drawing replaces the guessed one (layout shift). Its width is
   * set too, centred in the box: a box a little wider than the prerendered drawing keeps it.
   */
  scale?: number;
  /** One of the build's drawings (NetworkView), shown on this screen only until the box is measured. */
  prerenderedFor?: PrerenderedScreen;
}

/** One pass of the flow's band across the active edges. */
const FLOW_SWEEP_MS = 700;

/** Above this many active edges, only the strongest carry an arrowhead (a wall of arrows reads as noise). */
const MAX_ARROWS = 12;

/**
 * Above this many active edges, the flow runs along the strongest only: the 300 of a 100-3 layer
 * would darken into one band.
 */
const MAX_FLOW_EDGES = 64;

/** The edges themselves when at most `max`, else the `max` largest by |value|. */
function strongest(edges: EdgeModel[], max: number): EdgeModel[] {
  return edges.length <= max ? edges : edges.sort((a, b) => Math.abs(b.shown.value) - Math.abs(a.shown.value)).slice(0, max);
}

/** The active edges that get a direction arrow: all of them, or the MAX_ARROWS largest by |value|. */
/** Whether two models have the same number of neurons in every layer. */
const isSameShape = (a: NetworkModel, b: NetworkModel) => a.neurons.every((layer, k) => layer.length === b.neurons[k].length);

function arrowKeys(model: NetworkModel): Set<string> {
  return new Set(strongest(model.edges.filter((e) => e.isActive), MAX_ARROWS).map((e) => e.key));
}

const MARGIN_TOP = 50;
const MARGIN_BOTTOM = 12;

/**
 * Room for the headers above and the labels beside the columns, which grow with the labels;
 * `isWide` leaves more on the right for softmax's "−log a = 1.0634" line.
 */
function marginsFor(width: number, isWide: boolean, labelScale: number) {
  const compact = width < minDrawingWidth(labelScale);
  const right = (compact ? 84 : 100) + (isWide ? 24 : 0);
  return { top: MARGIN_TOP * labelScale, bottom: MARGIN_BOTTOM, left: (compact ? 60 : 78) * labelScale, right: right * labelScale };
}

/** The drawing's height (viewBox units) for these layer sizes and label scale, whatever its width. */
export function diagramHeight(sizes: LayerSizes, labelScale = 1): number {
  return columnsHeight(sizes) + MARGIN_TOP * labelScale + MARGIN_BOTTOM;
}

export function Diagram({ model, sizes, width, fadeMs, labelScale = 1, scale, prerenderedFor }: DiagramProps) {
  const t = useT();
  const setFocusNeuron = useAppStore(selectSetFocusNeuron);
  const setFocusEdge = useAppStore(selectSetFocusEdge);
  const focusNeuron = useAppStore(selectFocusNeuron);
  const focusEdge = useAppStore(selectFocusEdge);
  const svgRef = useRef<SVGSVGElement>(null);
  const tooltipId = useId();
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);

  const isWide = model.trueClass !== null;
  const layout = useMemo(() => {
    const margins = marginsFor(width, isWide, labelScale);
    return layoutNetwork(sizes, width, diagramHeight(sizes, labelScale), margins, labelScale);
  }, [sizes, width, isWide, labelScale]);
  const { height } = layout;
  // The marks fade from their old picture, so they can take the new model a frame after the
  // text does: the frame that answers a key press then carries no fade and no flow to set up.
  // A network of another size has no old picture to fade from (and the layout is already the
  // new one's): its marks come at once.
  const lagging = useAfterPaint(model, fadeMs > 0);
  const marks = isSameShape(lagging, model) ? lagging : model;
  const isBackward = marks.direction === 'backward';

  /** Edge paths, drawn in the direction of flow so arrows and dashes follow it. */
  const geometry = useMemo(() => {
    const map = new Map<string, { d: string; mid: Point; source: Point; target: Point }>();
    for (const layer of [1, 2] as const) {
      const left = layout.layers[layer - 1];
      const right = layout.layers[layer];
      left.nodes.forEach((a, from) => right.nodes.forEach((b, to) => {
        const d = isBackward ? edgePath(b, a, right.radius, left.radius) : edgePath(a, b, left.radius, right.radius);
        map.set(edgeKey(layer, from, to), { d, mid: pointAlong(a, b, 0.5), source: isBackward ? b : a, target: isBackward ? a : b });
      }));
    }
    return map;
  }, [layout, isBackward]);

  // Widest stroke: thinner when neurons crowd a column, or when columns sit close (a phone).
  const columnStep = layout.layers[1].x - layout.layers[0].x;
  const maxStroke = Math.max(2.5, Math.min(8, layout.layers[1].spacing * 0.22, columnStep * 0.07));
  const widthScales = useMemo(() => {
    const first = marks.edges.find((e) => e.layer === 1);
    const second = marks.edges.find((e) => e.layer === 2);
    return [strokeWidthScale(first?.extent ?? 1, [0.75, maxStroke]), strokeWidthScale(second?.extent ?? 1, [0.75, maxStroke])];
  }, [marks, maxStroke]);

  const byKey = useMemo(() => {
    const map = new Map<string, { kind: 'neuron'; model: NeuronModel } | { kind: 'edge'; model: EdgeModel }>();
    for (const layer of model.neurons) for (const n of layer) map.set(n.key, { kind: 'neuron', model: n });
    for (const e of model.edges) map.set(e.key, { kind: 'edge', model: e });
    return map;
  }, [model]);

  const select = useCallback((key: string | null) => {
    const target = parseKey(key);
    setFocusNeuron(target?.kind === 'neuron' ? target.ref : null);
    setFocusEdge(target?.kind === 'edge' ? target.ref : null);
  }, [setFocusNeuron, setFocusEdge]);

  // The store may hold a focused neuron and a focused edge at once (the equation panel's pickers); ring both.
  const selectedNeuron = focusNeuron ? neuronKey(focusNeuron.layer, focusNeuron.index) : null;
  const selectedEdge = focusEdge ? edgeKey(focusEdge.layer, focusEdge.from, focusEdge.to) : null;
  const targetOf = (e: { target: EventTarget }) => (e.target as Element).closest?.('[data-target]')?.getAttribute('data-target') ?? null;
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const key = targetOf(e);
    if (e.key === 'Escape') {
      select(null);
      setHovered(null);
      return;
    }
    if (!key) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(key);
      return;
    }
    if (!ARROWS.has(e.key)) return;
    // The diagram owns the arrow keys while a mark has keyboard focus, even at its borders, so an
    // arrow never steps the phase by surprise (the document shortcuts skip handled events).
    e.preventDefault();
    e.stopPropagation();
    const next = nextKey(key, e.key, sizes);
    if (next) svgRef.current?.querySelector<SVGGElement>(`[data-target="${next}"]`)?.focus();
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const key = targetOf(e);
    if (key) select(key === selectedNeuron || key === selectedEdge ? null : key);
  };
  // A click selects without taking keyboard focus, so → and ← keep stepping the phases afterwards.
  const onMouseDown = (e: MouseEvent<SVGSVGElement>) => {
    if (targetOf(e)) e.preventDefault();
  };
  const onFocus = (e: FocusEvent<SVGSVGElement>) => setFocused(targetOf(e));
  const onBlur = () => setFocused(null);
  const onMouseOver = (e: MouseEvent<SVGSVGElement>) => setHovered(targetOf(e));

  const activeKey = hovered ?? focused;
  const active = activeKey ? byKey.get(activeKey) : undefined;
  const anchor = active && activeKey ? anchorOf(activeKey) : null;
  function anchorOf(key: string) {
    const target = parseKey(key);
    if (!target) return null;
    if (target.kind === 'neuron') return layout.layers[target.ref.layer].nodes[target.ref.index] ?? null;
    return geometry.get(key)?.mid ?? null;
  }

  const isTabStop = model.edges.length <= MAX_TABBABLE_EDGES;
  const hasFlow = marks.direction === 'forward' || marks.direction === 'backward';
  const arrows = useMemo(() => arrowKeys(marks), [marks]);
  const edgesOf = (layer: 1 | 2) => marks.edges.filter((e) => e.layer === layer).map((e) => {
    const g = geometry.get(e.key);
    if (!g) return null;
    const strokeWidth = widthScales[layer - 1](e.shown.value);
    const arrowSize = Math.min(Math.max(11, strokeWidth * 1.6 + 6), Math.hypot(g.target.x - g.source.x, g.target.y - g.source.y) * 0.14);
    const arrow = hasFlow && arrows.has(e.key) ? arrowPath(g.source, g.target, arrowSize) : null;
    return (
      <Edge key={e.key} model={e} d={g.d} strokeWidth={strokeWidth} isSelected={selectedEdge === e.key}
        isTabStop={isTabStop} arrow={arrow} mark={marks.direction === 'update' ? g.mid : null} />
    );
  });
  const neuronsOf = (layer: 0 | 1 | 2) => marks.neurons[layer].map((n) => {
    const p = layout.layers[layer].nodes[n.index];
    return <Neuron key={n.key} model={n} x={p.x} y={p.y} r={layout.layers[layer].radius} isSelected={selectedNeuron === n.key} />;
  });
  const headers = [t('network.header.input'), t('network.header.hidden'), t('network.header.output')];
  const [, hidden, output] = layout.layers;
  // Hidden values go under their circles when the layer leaves room, keeping the space between columns free.
  const hiddenSide: LabelSide = hidden.spacing - 2 * hidden.radius >= hidden.fontSize + 12 ? 'below' : 'right';
  const sides: readonly LabelSide[] = ['left', hiddenSide, 'right'];
  const isNoteBelow = sizes[2] === 1 && (hiddenSide === 'below' || width >= minDrawingWidth(labelScale) || hidden.fontSize === 0);

  // A newer model than the marks show: the running fade and flow end now, the next start with the marks.
  const isInterrupted = marks !== model;
  const flowEdges = hasFlow && fadeMs > 0 && !isInterrupted ? strongest(marks.edges.filter((e) => e.isActive), MAX_FLOW_EDGES) : [];
  const flowEnds = flowEdges.length > 0 ? geometry.get(flowEdges[0].key) : undefined;

  return (
    <div className={`network-stage-inner${prerenderedFor ? ` is-for-${prerenderedFor}` : ''}`} style={scale === undefined ? undefined : { width: width * scale }} onMouseLeave={() => setHovered(null)}>
      <CrossFade cue={marks} durationMs={fadeMs} isInterrupted={isInterrupted}>
        <svg ref={svgRef} className="network-svg" viewBox={`0 0 ${width} ${height}`} width="100%" role="group"
          style={scale === undefined ? undefined : { height: height * scale }} {...{ [HANDOUT_LAYER]: '' }}
          aria-label={t('network.diagram', { inputs: sizes[0], hidden: sizes[1], outputs: sizes[2] })}
          onKeyDown={onKeyDown} onClick={onClick} onMouseDown={onMouseDown} onFocus={onFocus} onBlur={onBlur} onMouseOver={onMouseOver}>
          {neuronsOf(0)}
          {edgesOf(1)}
          {neuronsOf(1)}
          {edgesOf(2)}
          {neuronsOf(2)}
        </svg>
      </CrossFade>
      {flowEnds && (
        <Flow paths={flowEdges.map((e) => geometry.get(e.key)?.d ?? '')} from={flowEnds.source.x} to={flowEnds.target.x}
          width={width} height={height} sweepMs={FLOW_SWEEP_MS} cue={marks} />
      )}
      {/* Text over the marks and the flow, outside the cross-fade: numbers change at once, never blend. */}
      <svg className="network-labels" viewBox={`0 0 ${width} ${height}`} {...{ [HANDOUT_LAYER]: '' }}>
        {layout.layers.map((l, k) => (
          <text key={k} className="network-header" x={l.x} y={16 * labelScale} textAnchor="middle" aria-hidden="true"
            style={labelScale === 1 ? undefined : { fontSize: 13 * labelScale }}>
            {headers[k]}
            <tspan className="network-header-symbol" x={l.x} dy="1.25em">{model.neuronSymbols[k] || '–'}</tspan>
          </text>
        ))}
        <g className="network-values" aria-hidden="true">
          {([0, 1, 2] as const).map((layer) => layout.layers[layer].fontSize > 0 && model.neurons[layer].map((n) => {
            const p = layout.layers[layer].nodes[n.index];
            return <NeuronValue key={n.key} model={n} x={p.x} y={p.y} r={layout.layers[layer].radius}
              fontSize={layout.layers[layer].fontSize} side={sides[layer]} />;
          }))}
        </g>
        {model.loss !== null && (
          <LossNote model={model} x={output.x} ys={output.nodes.map((p) => p.y)} r={output.radius}
            fontSize={Math.max(11, Math.min(14 * labelScale, output.fontSize - 1))} isBelow={isNoteBelow}
            label={model.sampleLoss !== null && model.trueClass !== null
              ? t('network.lossValueClass', { value: formatValue(model.loss), class: model.trueClass, output: model.trueClass + 1, term: formatValue(model.sampleLoss) })
              : t('network.lossValue', { value: formatValue(model.loss) })} />
        )}
      </svg>
      {active && anchor && <Tooltip id={tooltipId} item={active} fx={anchor.x / width} fy={anchor.y / height} />}
    </div>
  );
}
