// The precincts module: precincts, inspectors, reception points, the address register, workload
// against the norms (п.9) and printable info sheets (п.22). Other modules use only this.
export { precinctsRoutes } from './precincts.routes.js';
export { outsideCity, precinctAt, precinctById, precinctCodes, precinctOfUser, precinctRefs, registerAddressPlaces } from './precincts.service.js';
export { linkDemoInspectorAccount, loadPrecinctsDemo } from './precincts.demo.js';
export { configurePrecinctsCache } from './precincts.service.js';
