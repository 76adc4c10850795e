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
  if (config.LIVEKIT_URL) console.log(`  Video: on (LiveKit at ${config.LIVEKIT_URL})`);
  else console.log('  Video: off. To turn it on, set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET (README: "Video").');
  if (!config.CREATE_PASSWORD) console.log('  Anyone who can reach this server can create workshops. Set CREATE_PASSWORD on public servers.');
  console.log(`  Data: ${config.DATA_FILE}\n`);

  const shutdown = async (signal: string) => {
    server.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
