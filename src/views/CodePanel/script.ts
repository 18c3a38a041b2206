/**
 * A listing as a file to run: the listing itself, under a few comment lines that say what it is
 * for and how to run it. Pure: the same input gives the same text (the fixture test relies on it).
 */
import { resolveOptimizerSpec } from '../../engine/index';
import { ITERATIONS, listingText, type CodeInput, type Listing } from './listing';

export type ScriptTab = 'numpy' | 'pytorch';

const NEEDS: Record<ScriptTab, string> = { numpy: 'numpy', pytorch: 'numpy and torch' };
const LOSS_NAMES = { bce: 'binary cross-entropy', mse: 'mean squared error', ce: 'cross-entropy' } as const;

/** What the script was written for, in one comment line per topic. */
function describe({ network, config }: CodeInput): string[] {
  const data = config.data.kind === 'csv'
    ? `your CSV file "${config.data.name}" (put it next to this script)`
    : `${config.data.kind} (${config.data.points} points, noise ${config.data.noise}, train fraction ${config.data.trainFraction}, seed ${config.data.seed})`;
  const spec = resolveOptimizerSpec(config.optimizer);
  const settings = Object.entries(spec).filter(([k]) => k !== 'kind').map(([k, v]) => `${k} ${v}`).join(', ');
  const loss = LOSS_NAMES[network.loss as keyof typeof LOSS_NAMES] ?? network.loss;
  return [
    `#   data:      ${data}`,
    `#   network:   ${network.inputSize}-${network.hiddenSize}-${network.outputSize}, ${network.hiddenActivation} hidden layer, ${network.outputActivation} output, ${loss}`,
    `#   init:      ${config.init.scheme}, scale ${config.init.scale}, seed ${config.init.seed}`,
    `#   optimizer: ${spec.kind} (${settings}), ${config.batchSize === null ? 'full batch' : `mini-batches of ${config.batchSize}, shuffle seed ${config.shuffleSeed}`}`,
  ];
}

/** The downloadable script for a listing: a header naming the configuration, then the listing. */
export function scriptText(listing: Listing, input: CodeInput, tab: ScriptTab, fileName: string): string {
  return [
    `# ${fileName}: written by Backprop Studio for this configuration`,
    ...describe(input),
    `# Run it with: python3 ${fileName}   (needs ${NEEDS[tab]})`,
    `# It trains ${ITERATIONS} iterations and prints the cost every 1000; the page's loss chart shows`,
    '# the same costs at the same iterations (train there as far to compare).',
    '',
    listingText(listing),
  ].join('\n');
}
