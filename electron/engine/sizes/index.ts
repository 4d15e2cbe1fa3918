export * from './targetSize';
export * from './nanoBananaPresets';
export * from './falTierRange';
