import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canMove, isUnit, newTrackingCode, normalizeTrackingCode, open311Status, publicPoint, routeAppeal } from './appeals.domain.js';

describe('routing: the category decides the unit, the place the precinct', () => {
  const place = { precinctId: 'almaly-012', districtId: 'almaly' };
  it('sends place-bound categories to the precinct that contains the place', () => {
    expect(routeAppeal('precinct', place)).toEqual({ unit: 'precinct:almaly-012', precinctId: 'almaly-012', districtId: 'almaly' });
  });
  it("sends conduct complaints to internal security, never to the officer's precinct", () => {
    expect(routeAppeal('internal_security', place)).toEqual({ unit: 'city:internal_security', precinctId: 'almaly-012', districtId: 'almaly' });
  });
  it('sends city units their categories wherever they happened, and without a place', () => {
    expect(routeAppeal('anti_drug', { precinctId: null, districtId: null })?.unit).toBe('city:anti_drug');
    expect(routeAppeal('road_police', place)?.unit).toBe('city:road_police');
  });
  it('falls back to the district, and leaves an appeal without a place unrouted for a person to route', () => {
    expect(routeAppeal('precinct', { precinctId: null, districtId: 'almaly' })?.unit).toBe('district:almaly');
    expect(routeAppeal('precinct', { precinctId: null, districtId: null })).toBeNull();
    expect(routeAppeal('district', { precinctId: null, districtId: null })).toBeNull();
  });
  it('recognises units and nothing else', () => {
    expect(isUnit('precinct:almaly-012')).toBe(true);
    expect(isUnit('district:almaly')).toBe(true);
    expect(isUnit('city:internal_security')).toBe(true);
    expect(isUnit('city:mayor')).toBe(false);
    expect(isUnit('precinct:../x')).toBe(false);
  });
});

describe('the life of an appeal', () => {
  it('lets staff move forward but not back, and never out of a final status', () => {
    expect(canMove('received', 'routed')).toBe(true);
    expect(canMove('routed', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'answered')).toBe(true);
    expect(canMove('answered', 'closed')).toBe(true);
    expect(canMove('answered', 'in_progress')).toBe(false);
    for (const s of ['closed', 'declined', 'not_competent', 'duplicate'] as const) expect(canMove(s, 'in_progress')).toBe(false);
  });
  it('maps to the two Open311 statuses', () => {
    expect(open311Status('in_progress')).toBe('open');
    expect(open311Status('routed')).toBe('open');
    expect(open311Status('answered')).toBe('closed');
    expect(open311Status('not_competent')).toBe('closed');
  });
});

describe('tracking codes', () => {
  it('are readable: no I, L, O or U', () => {
    for (let i = 0; i < 200; i++) expect(newTrackingCode()).toMatch(/^AP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newTrackingCode('PR')).toMatch(/^PR-/);
  });
  it('are read however a resident typed them', () => {
    expect(normalizeTrackingCode('ap-7k3m-q9p2')).toBe('AP-7K3M-Q9P2');
    expect(normalizeTrackingCode('AP 7K3M Q9P2')).toBe('AP-7K3M-Q9P2');
    expect(normalizeTrackingCode('APO7K3MQ9P2')).toBeNull();
    expect(normalizeTrackingCode('AP-0K3M-Q9PI')).toBe('AP-0K3M-Q9P1');
    expect(normalizeTrackingCode('ap-ok3m-q9p2')).toBe('AP-0K3M-Q9P2');
    expect(normalizeTrackingCode('XX-7K3M-Q9P2')).toBeNull();
    expect(normalizeTrackingCode("AP-7K3M-Q9P2'; drop")).toBeNull();
  });
  it('round-trip (property)', () => {
    fc.assert(fc.property(fc.constant(null), () => {
      const code = newTrackingCode();
      expect(normalizeTrackingCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    }));
  });
});

describe('public places', () => {
  it('are rounded to about 100 m so a doorstep cannot be read off the map', () => {
    expect(publicPoint(76.923456, 43.256789)).toEqual({ lon: 76.923, lat: 43.257 });
    expect(publicPoint(null, 43.2)).toBeNull();
  });
  it('move at most ~80 m from the true point (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 76.7, max: 77.2, noNaN: true }), fc.double({ min: 43.1, max: 43.4, noNaN: true }), (lon, lat) => {
        const p = publicPoint(lon, lat)!;
        const dy = (p.lat - lat) * 111_320;
        const dx = (p.lon - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
        expect(Math.hypot(dx, dy)).toBeLessThan(80);
      }),
    );
  });
});
