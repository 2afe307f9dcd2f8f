export { aGroup, aUser, importOptions } from './builders';
