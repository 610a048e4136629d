// The Temporal server and its sql tool (which creates and migrates the
// server's databases), for the production shape on PostgreSQL. Found or built
// like every Go tool (go-tool.ts), into ~/.cache/acuerdos/temporal-server/v1.29.1/.
import { ensureTool, type EnsureToolOptions, type FoundTool, type GoTool } from './go-tool.js';

const VERSION = 'v1.29.1';
const common = { version: VERSION, cacheFolder: 'temporal-server', releasesUrl: `https://github.com/temporalio/temporal/releases/tag/${VERSION}` };

export const TEMPORAL_SERVER: GoTool = {
  ...common,
  title: 'el servidor Temporal',
  tag: 'temporal-server',
  module: 'go.temporal.io/server/cmd/server',
  builtName: 'server',
  command: 'temporal-server',
  pathVariable: 'TEMPORAL_SERVER_PATH',
};

export const TEMPORAL_SQL_TOOL: GoTool = {
  ...common,
  title: 'la herramienta sql de Temporal',
  tag: 'temporal-sql-tool',
  module: 'go.temporal.io/server/cmd/tools/sql',
  builtName: 'sql',
  command: 'temporal-sql-tool',
  pathVariable: 'TEMPORAL_SQL_TOOL_PATH',
};

export async function ensureTemporalServerTools(options: EnsureToolOptions = {}): Promise<{ server: FoundTool; sqlTool: FoundTool }> {
  // One after the other: each build takes both cores.
  const server = await ensureTool(TEMPORAL_SERVER, options);
  const sqlTool = await ensureTool(TEMPORAL_SQL_TOOL, options);
  return { server, sqlTool };
}
