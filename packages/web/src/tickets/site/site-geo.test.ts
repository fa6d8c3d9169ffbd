import { describe, expect, it } from 'vitest';
import { formatPosition, pickedPosition, siteBody, siteIssue, splitPair } from './site-geo';

describe('a ticket site typed by an agent', () => {
  it('is optional: nothing typed is no site and no issue', () => {
    expect(siteIssue({})).toBeNull();
    expect(siteIssue({ address: ' ', lat: '', lng: '' })).toBeNull();
    expect(siteBody({ address: '', lat: '', lng: '' })).toBeUndefined();
  });

  it('becomes the API site with the address trimmed, or without one', () => {
    expect(siteBody({ address: ' 国贸大厦 B1 ', lat: '39.9087', lng: '116.3975' })).toEqual({ lat: 39.9087, lng: 116.3975, address: '国贸大厦 B1' });
    expect(siteBody({ lat: '−33.86', lng: '151.2' })).toEqual({ lat: -33.86, lng: 151.2 });
  });

  it('names what is wrong with bad coordinates', () => {
    expect(siteIssue({ address: '国贸大厦' })).toBe('needPosition');
    expect(siteIssue({ lat: '39.9' })).toBe('needBoth');
    expect(siteIssue({ lat: '北纬39', lng: '116' })).toBe('notNumber');
    expect(siteIssue({ lat: '95', lng: '116' })).toBe('lat');
    expect(siteIssue({ lat: '39', lng: '-181' })).toBe('lng');
    expect(siteIssue({ lat: '0', lng: '0.0' })).toBe('zero');
    expect(siteIssue({ lat: '0', lng: '116' })).toBeNull();
    expect(siteIssue({ address: 'x'.repeat(501), lat: '39', lng: '116' })).toBe('address');
    expect(siteBody({ lat: '95', lng: '116' })).toBeUndefined();
  });

  it('reads a pasted "lat, lng" pair', () => {
    expect(splitPair('39.9087, 116.3975')).toEqual({ lat: '39.9087', lng: '116.3975' });
    expect(splitPair('31.23，121.47')).toEqual({ lat: '31.23', lng: '121.47' });
    expect(splitPair('39.9')).toBeNull();
  });

  it('formats a position without trailing zeros', () => {
    expect(formatPosition({ lat: 39.9, lng: 116.3975 })).toBe('39.9, 116.3975');
  });
});

describe('a click on the site map', () => {
  it('gives the clicked position rounded to 6 decimals', () => {
    expect(pickedPosition({ lat: 39.90872345678, lng: 116.39751234567 })).toEqual({ lat: 39.908723, lng: 116.397512 });
  });

  it('wraps a longitude past ±180 (the map dragged round the world) and keeps latitude in range', () => {
    expect(pickedPosition({ lat: 31.2, lng: 121.5 + 360 })).toEqual({ lat: 31.2, lng: 121.5 });
    expect(pickedPosition({ lat: 31.2, lng: -238.5 })).toEqual({ lat: 31.2, lng: 121.5 });
    expect(pickedPosition({ lat: 95, lng: 180 })).toEqual({ lat: 90, lng: 180 });
    expect(pickedPosition({ lat: -91, lng: -180 })).toEqual({ lat: -90, lng: -180 });
  });
});
