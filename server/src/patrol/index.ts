// The patrol module, planning part: sectors and routes, shifts, and deployment plans that allocate crews
// to sectors by forecast risk (п.6). Other modules use only this.
export { patrolRoutes } from './patrol.routes.js';
export { loadPatrolDemo } from './patrol.demo.js';
