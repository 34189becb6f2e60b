export { isEntityKey } from './keys/entityKey.js';
