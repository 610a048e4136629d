// The Temporal CLI: it carries the dev server `npm start` and `npm test` run,
// and creates namespaces. Found or built like every Go tool (go-tool.ts).
import { ensureTool, type EnsureToolOptions, type FoundTool, type GoTool } from './go-tool.js';

export const TEMPORAL_CLI: GoTool = {
  title: 'el Temporal CLI',
  tag: 'temporal-cli',
  module: 'github.com/temporalio/cli/cmd/temporal',
  version: 'v1.5.1',
  builtName: 'temporal',
  command: 'temporal',
  pathVariable: 'TEMPORAL_CLI_PATH',
  cacheFolder: 'temporal-cli',
  releasesUrl: 'https://github.com/temporalio/cli/releases/tag/v1.5.1',
};

export function ensureTemporalCli(options: EnsureToolOptions = {}): Promise<FoundTool> {
  return ensureTool(TEMPORAL_CLI, options);
}
