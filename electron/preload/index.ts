import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './createBridge';

// The page gets the contract's verbs and nothing else: ipcRenderer stays here, wrapped per verb.
contextBridge.exposeInMainWorld(
  'smartResize',
  createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file as File)),
);
