import { silentLogger } from '../ports/ports';
export const logger = silentLogger;
