// The towing module: tows and releases, the owner's SMS and look-up, the vehicle registry adapter, the
// staff lists and daily figures (п.24). Other modules use only this.
export { towingRoutes } from './towing.routes.js';
export { loadTowingDemo } from './towing.demo.js';
export { databaseRegistry, type OwnerContact, type VehicleRegistry } from './towing.registry.js';
export { publishTowFigures } from './towing.figures.js';
