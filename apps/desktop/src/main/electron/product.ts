import packageJson from '../../../package.json';

/**
 * The app's name in window titles, the tray and the packages, from apps/desktop/package.json
 * (the build copies it into the app's package.json, where Electron and electron-builder read it).
 * Deliberately not upstream's "Bitwarden Directory Connector": Electron keeps its own browser data
 * in a folder of this name, apart from the data folder both connectors share.
 */
export const PRODUCT_NAME: string = packageJson.productName;
