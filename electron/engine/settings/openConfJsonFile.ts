import Conf from 'conf';
import { confFileOptions, confJsonFile } from './confFileOptions';
import type { OpenJsonFile } from './jsonFile';

/** Opens a data-folder JSON file with conf: the headless host's and the CLI's way (no Electron there). */
export const openConfJsonFile: OpenJsonFile = (spec) => confJsonFile(new Conf(confFileOptions(spec)));
