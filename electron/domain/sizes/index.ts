export * from './targetSize';
export * from './nanoBananaPresets';
export * from './falTierRange';
export * from './sizePolicy';
export * from './farAspect';
