import { ConfigError, loadConfig } from './config.ts';
import { startWithConfig } from './start.ts';

/** Composition root: `npm start`. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const server = await startWithConfig(config);
  console.log(`\n  Indaba is running at ${server.url}`);
  console.log('  Video: off. This version runs every activity without video; LiveKit video rooms are the next step (README: "Video").');
  if (config.LIVEKIT_URL) console.log('  LIVEKIT_URL is set, but this version does not use it yet.');
  if (!config.CREATE_PASSWORD) console.log('  Anyone who can reach this server can create workshops. Set CREATE_PASSWORD on public servers.');
  console.log(`  Data: ${config.DATA_FILE}`);
  console.log(
    config.RETENTION_DAYS
      ? `  Workshops with no activity for ${config.RETENTION_DAYS} days are deleted (RETENTION_DAYS).\n`
      : '  Workshops are kept until their host deletes them. Set RETENTION_DAYS to delete old ones automatically.\n',
  );

  const shutdown = async (signal: string) => {
    server.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
