import { z } from 'zod';
import type { JsonFileSpec } from './jsonFile';
import { SettingsSchema } from './settingsSchema';
import { SETTINGS_MIGRATIONS } from './settingsMigrations';

/**
 * The JSON Schema of each key of settings.json, made from the zod schema the engine validates with (input side:
 * a missing key takes its default), so the file's schema and the engine's rules cannot drift apart.
 */
function settingsJsonSchema(): Record<string, object> {
  const { properties } = z.toJSONSchema(SettingsSchema, { io: 'input' }) as { properties: Record<string, object> };
  return properties;
}

/** `<dataDir>/settings.json`: the app settings, one key each. */
export function settingsFileSpec(dataDir: string): JsonFileSpec {
  return { dataDir, name: 'settings', title: 'The settings file', schema: settingsJsonSchema(), migrations: SETTINGS_MIGRATIONS };
}
