export {
  APP_DATA_FOLDER_NAME,
  DATA_FILE_NAME,
  resolveDataDirectory,
  resolveDataFilePath,
  type DataFileEnvironment,
} from './data-file-location';
